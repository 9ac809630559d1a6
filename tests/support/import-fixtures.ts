import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import CFB from 'cfb'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { seededRandom } from '../bench/ledger'

/**
 * The files the import is tested with, made here rather than kept as binaries: a worker's list as
 * she keeps it in Excel (a title above the header, a merged header cell, formulas, numbers that
 * lost their leading 0, empty rows, dates in every style), the same list as Dutch Excel saves it
 * as CSV (Windows-1252, `;`), and files that are no list at all.
 */

/** A row of her list: what she typed in each column (dates as she typed them too). */
export interface WorkerRow {
  naam: string
  adres?: string
  postcode?: string
  wijk?: string
  tel?: string | number
  email?: string
  passie?: string
  talent?: string
  watWil?: string
  watKan?: string
  nodig?: string
  beschikbaar?: string
  datum?: string | Date | number
  terugbellen?: string | Date | number
  opmerking?: string
}

export const workerHeaders = [
  'Naam',
  'Adres',
  'Postcode',
  'Wijk',
  'Tel',
  'E-mail',
  'Passie / talent',
  'Passie / talent',
  'Wat wil',
  'Wat kan',
  'Nodig',
  'Beschikbaar',
  'Datum',
  'Terugbellen',
  'Opmerking',
] as const

/** Henk Jansen is in her ledger already (e2e and API tests make him first). */
export const henkInLedger = {
  firstName: 'Henk',
  lastName: 'Jansen',
  phone: '06-87654321',
  street: 'Lindelaan',
  houseNumber: '7',
}

/** Her list: thirteen people, one of them twice, one already in the ledger, two rows to look at. */
export const workerRows: readonly WorkerRow[] = [
  {
    naam: 'Fatima el Amrani',
    adres: 'Kerkstraat 12a',
    postcode: '3701ab',
    wijk: 'Noord',
    tel: '06-12345678',
    email: 'fatima@example.nl',
    passie: 'koken, naaien',
    watWil: 'Een kookcursus geven',
    watKan: 'Koken voor groepen',
    nodig: 'Vervoer naar de markt',
    beschikbaar: 'di middag, do ochtend',
    datum: '3-1-2024',
    terugbellen: '15-02-2024',
    opmerking: 'Woont sinds 2019 in de wijk',
  },
  {
    naam: 'Jan de Vries',
    adres: 'Dorpsstraat 5',
    postcode: '3702 CD',
    wijk: 'Noord',
    tel: 612345670,
    passie: 'voetbal',
    talent: 'jeugdtraining',
    watWil: 'Weer iets met voetbal',
    beschikbaar: 'zaterdagochtend',
    datum: new Date(Date.UTC(2024, 1, 10)),
    opmerking: 'Oud-trainer van de club',
  },
  {
    naam: 'Vries, Anna van der',
    adres: 'Molenweg 33-2',
    wijk: 'Zuid',
    tel: '030-1234567',
    passie: 'kunstgeschiedenis / lezen',
    watWil: 'Lezingen geven',
    beschikbaar: 'ma-vr ochtend',
    datum: '03-01-24',
  },
  {
    naam: 'Noël Bakker',
    adres: 'Stationsplein 1, 3703 EF Amersfoort',
    wijk: 'Zuid',
    email: 'noel.bakker@example.nl',
    passie: 'tuinieren en wandelen',
    nodig: 'Iemand om mee te wandelen',
    beschikbaar: "'s avonds",
    datum: '3 januari 2024',
    terugbellen: 'jan 2025',
    opmerking: 'Betaalt € 5 voor de ‘koffieochtend’ — “gezellig”, zegt ze',
  },
  {
    naam: 'Henk Jansen',
    adres: 'Lindelaan 7',
    wijk: 'Noord',
    tel: '0687654321',
    passie: 'klussen',
    watKan: 'Fietsen repareren',
    datum: 45352, // 1 maart 2024, as Excel's serial number
  },
  {
    naam: 'Anaïs Visser',
    adres: 'Beukenlaan 14',
    wijk: 'Oost',
    tel: '+31 6 2345 6789',
    passie: 'zingen; piano',
    watWil: 'In een koor',
    beschikbaar: 'woensdag',
    datum: '12-3-2024',
  },
  {
    naam: 'Piet Smit',
    adres: 'Eikenlaan 2',
    wijk: 'Oost',
    email: 'piet@',
    datum: 'ergens in maart',
    opmerking: 'Belde zelf',
  },
  {
    naam: 'Fatima el Amrani',
    tel: '0612345678',
    passie: 'tuinieren',
    opmerking: 'Kwam ook op de buurtmiddag',
  },
  {
    naam: 'José Meijer',
    adres: 'Kastanjelaan 9',
    wijk: 'Oost',
    tel: '0623456780',
    passie: 'schilderen',
    beschikbaar: 'vrijdagmiddag',
    datum: '5-4-2024',
  },
  {
    naam: 'Jan de Vries',
    adres: 'Havenstraat 40',
    wijk: 'Zuid',
    tel: '0611122233',
    passie: 'vissen',
    datum: '6-4-2024',
  },
  { naam: '', tel: '0699988877', opmerking: 'Naam vergeten te vragen' },
  {
    naam: 'mevr. Mulder',
    adres: 'Kerkstraat 14',
    wijk: 'Noord',
    nodig: 'Boodschappen',
    datum: '8-4-2024',
  },
  {
    naam: 'Saïda Haddouchi',
    adres: 'Lindelaan 9',
    wijk: 'Noord',
    tel: '0634567890',
    passie: 'koken',
    watWil: 'Samen eten',
    beschikbaar: 'di avond',
    datum: '9-4-2024',
  },
]

function rowValues(row: WorkerRow): (string | number | Date | null)[] {
  return [
    row.naam || null,
    row.adres ?? null,
    row.postcode ?? null,
    row.wijk ?? null,
    row.tel ?? null,
    row.email ?? null,
    row.passie ?? null,
    row.talent ?? null,
    row.watWil ?? null,
    row.watKan ?? null,
    row.nodig ?? null,
    row.beschikbaar ?? null,
    row.datum ?? null,
    row.terugbellen ?? null,
    row.opmerking ?? null,
  ]
}

const title = 'Bewonerslijst Noord en Zuid — bijgewerkt april 2024'

/**
 * Her list as an .xlsx: a merged title on row 1, an empty row 2, headers on row 3 with "Passie /
 * talent" merged across two columns, an empty row halfway, postcodes as a formula, e-mail
 * addresses as links, dates as Excel dates, serial numbers and text.
 */
export async function writeWorkerXlsx(path: string, rows: readonly WorkerRow[] = workerRows) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Bewoners')
  workbook.addWorksheet('Uitleg').addRow(['Zie tabblad Bewoners'])
  sheet.addRow([title])
  sheet.mergeCells(1, 1, 1, workerHeaders.length)
  sheet.addRow([])
  sheet.addRow([...workerHeaders])
  sheet.mergeCells(3, 7, 3, 8)
  const half = Math.floor(rows.length / 2)
  rows.forEach((row, i) => {
    if (i === half) sheet.addRow([])
    const added = sheet.addRow(rowValues(row))
    if (row.postcode) {
      added.getCell(3).value = {
        formula: `UPPER("${row.postcode}")`,
        result: row.postcode.toUpperCase(),
      }
    }
    if (row.email) added.getCell(6).value = { text: row.email, hyperlink: `mailto:${row.email}` }
    if (row.datum instanceof Date) added.getCell(13).numFmt = 'd-m-yyyy'
  })
  await workbook.xlsx.writeFile(path)
}

/** Text of one CSV field, quoted where it must be. */
const csvField = (value: string | number | Date | null, separator: string) => {
  if (value === null) return ''
  const text =
    value instanceof Date
      ? `${value.getUTCDate()}-${value.getUTCMonth() + 1}-${value.getUTCFullYear()}`
      : String(value)
  return text.includes(separator) || /["\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function workerCsvText(
  rows: readonly WorkerRow[] = workerRows,
  separator: ';' | ',' | '\t' = ';',
): string {
  const lines = [[title], [], [...workerHeaders], ...rows.map((row) => rowValues(row))].map(
    (values) => values.map((value) => csvField(value, separator)).join(separator),
  )
  return `${lines.join('\r\n')}\r\n`
}

/** As Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)": Windows-1252 and `;`. */
export function writeWorkerCsv1252(path: string, rows: readonly WorkerRow[] = workerRows) {
  writeFileSync(path, iconv.encode(workerCsvText(rows), 'win1252'))
}

export function writeWorkerCsvUtf8(
  path: string,
  { bom = true, separator = ',' as ';' | ',' | '\t', rows = workerRows } = {},
) {
  const text = workerCsvText(rows, separator)
  writeFileSync(path, bom ? `\ufeff${text}` : text, 'utf8')
}

/** A list of `count` made-up residents, the same every run: for the 10,000-row benchmark. */
export function manyWorkerRows(count: number, seed = 42): WorkerRow[] {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const first = ['Jan', 'Fatima', 'Kees', 'Noor', 'Ayşe', 'Pieter', 'Saïda', 'Daan', 'Els', 'Ömer']
  const last = ['de Vries', 'Jansen', 'el Amrani', 'van der Berg', 'Bakker', 'Yılmaz', 'Visser']
  const streets = ['Kerkstraat', 'Dorpsstraat', 'Lindelaan', 'Molenweg', 'Beukenlaan']
  const passions = ['koken', 'voetbal', 'tuinieren', 'schilderen', 'zingen', 'klussen', 'lezen']
  const days = ['ma', 'di', 'wo', 'do', 'vr', 'za']
  const parts = ['ochtend', 'middag', 'avond']
  return Array.from({ length: count }, (_, i) => ({
    naam: `${pick(first)} ${pick(last)}`,
    adres: `${pick(streets)} ${1 + (i % 300)}`,
    postcode: `${3700 + (i % 90)} ${pick(['AB', 'CD', 'EF'])}`,
    wijk: pick(['Noord', 'Zuid', 'Oost', 'West']),
    tel: random() < 0.5 ? 600000000 + i : `06-${String(10000000 + i)}`,
    email: random() < 0.3 ? `bewoner${i}@example.nl` : undefined,
    passie: `${pick(passions)}, ${pick(passions)}`,
    watWil: random() < 0.5 ? 'Iets doen in de wijk' : undefined,
    beschikbaar: `${pick(days)} ${pick(parts)}`,
    datum: random() < 0.5 ? `${1 + (i % 28)}-${1 + (i % 12)}-2024` : 45000 + (i % 400),
    opmerking: random() < 0.2 ? 'Gesproken bij de koffieochtend' : undefined,
  }))
}

/** Files that are no list: each must get a clear Dutch message and leave the ledger alone. */
export async function writeBrokenFiles(dir: string) {
  const files = {
    empty: join(dir, 'leeg.csv'),
    onlyHeaderCsv: join(dir, 'alleen-kopjes.csv'),
    onlyHeaderXlsx: join(dir, 'alleen-kopjes.xlsx'),
    garbage: join(dir, 'onzin.xlsx'),
    garbageCsv: join(dir, 'onzin.csv'),
    truncated: join(dir, 'afgebroken.xlsx'),
    password: join(dir, 'met-wachtwoord.xlsx'),
    oldExcel: join(dir, 'oud.xls'),
  }
  writeFileSync(files.empty, '')
  writeFileSync(files.onlyHeaderCsv, `${workerHeaders.join(';')}\r\n`)
  const onlyHeader = new ExcelJS.Workbook()
  onlyHeader.addWorksheet('Bewoners').addRow([...workerHeaders])
  await onlyHeader.xlsx.writeFile(files.onlyHeaderXlsx)
  const random = seededRandom(7)
  const garbage = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)))
  writeFileSync(files.garbage, garbage)
  writeFileSync(files.garbageCsv, garbage)
  const whole = join(dir, 'heel.xlsx')
  await writeWorkerXlsx(whole)
  const bytes = readFileSync(whole)
  writeFileSync(files.truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
  // Office keeps a password-protected workbook in an OLE container with these two streams.
  const sealed = CFB.utils.cfb_new()
  CFB.utils.cfb_add(sealed, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]))
  CFB.utils.cfb_add(sealed, 'EncryptedPackage', garbage)
  writeFileSync(files.password, CFB.write(sealed, { type: 'buffer' }) as Buffer)
  const old = CFB.utils.cfb_new()
  CFB.utils.cfb_add(old, 'Workbook', garbage)
  writeFileSync(files.oldExcel, CFB.write(old, { type: 'buffer' }) as Buffer)
  return files
}

/** Writes every fixture into `dir` (for a look in Excel: `npx tsx tests/support/import-fixtures.ts dir`). */
export async function writeAllFixtures(dir: string) {
  const files = {
    xlsx: join(dir, 'bewonerslijst.xlsx'),
    csv1252: join(dir, 'bewonerslijst-excel.csv'),
    csvUtf8: join(dir, 'bewonerslijst-utf8.csv'),
    ...(await writeBrokenFiles(dir)),
  }
  await writeWorkerXlsx(files.xlsx)
  writeWorkerCsv1252(files.csv1252)
  writeWorkerCsvUtf8(files.csvUtf8)
  return files
}

if (process.argv[1]?.endsWith('import-fixtures.ts') && process.argv[2]) {
  mkdirSync(process.argv[2], { recursive: true })
  console.log(await writeAllFixtures(process.argv[2]))
}
