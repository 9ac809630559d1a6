import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { inlineCell, makeXlsx } from './zip'

/**
 * Files made to break the import, each as found in the field or as an attacker would make it. Every
 * one must end in a clear Dutch message within seconds, with the app answering meanwhile and the
 * ledger untouched. The cheap ones run in the tests; the big ones (tens of MB) in the benchmark.
 */
export const hostileFiles = {
  /** A few KB with one value in Excel's very last cell, XFD1048576. */
  lastCell: (path: string) =>
    writeFileSync(
      path,
      makeXlsx([
        {
          name: 'Bewoners',
          rows: `<row r="1">${inlineCell('A1', 'Naam')}${inlineCell('B1', 'Telefoon')}</row><row r="2">${inlineCell('A2', 'Fatima')}</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`,
        },
      ]),
    ),
  /** One row 16,384 columns wide. */
  wideRow: (path: string) =>
    writeFileSync(
      path,
      makeXlsx([
        {
          name: 'Bewoners',
          rows: () =>
            (function* () {
              yield '<row r="1">'
              for (let c = 0; c < 16_384; c++) yield `<c><v>${c}</v></c>`
              yield '</row>'
            })(),
        },
      ]),
    ),
  /** A sharedStrings part that claims 1 KB and inflates to 150 MB (a "zip bomb"). */
  sharedStringsBomb: (path: string) => {
    const head =
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    const tail = '</t></si></sst>'
    const size = 150 * 1024 * 1024
    const data = Buffer.alloc(size, 'a')
    data.write(head, 0)
    data.write(tail, size - tail.length)
    writeFileSync(
      path,
      makeXlsx([{ name: 'Bewoners', rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }], {
        sharedStrings: data,
        sharedStringsSize: 1024,
      }),
    )
  },
  /** Entities that expand to gigabytes ("billion laughs") inside the shared strings. */
  entityBomb: (path: string) => {
    const entities = ['<!ENTITY a0 "hahahahahahahahahaha">']
    for (let i = 1; i < 10; i++) {
      entities.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`)
    }
    writeFileSync(
      path,
      makeXlsx([{ name: 'Bewoners', rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }], {
        sharedStrings: Buffer.from(
          `<?xml version="1.0"?><!DOCTYPE sst [${entities.join('')}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&a9;</t></si></sst>`,
        ),
      }),
    )
  },
  /** A CSV with one row past the last row read (a list can be long; not this long). */
  rowPastLimitCsv: (path: string, rows = 200_001) => {
    const lines = ['Naam;Telefoon']
    for (let i = 1; i < rows; i++) lines.push(`Bewoner ${i};06${String(10_000_000 + i)}`)
    writeFileSync(path, `${lines.join('\r\n')}\r\n`)
  },
  /** A CSV with one cell of 40 million characters. */
  longCellCsv: (path: string) => {
    writeFileSync(path, `Naam;Opmerking\r\nFatima;"${'x'.repeat(40_000_000)}"\r\n`)
  },
  /** A 49 MB CSV of some 700,000 rows, as a system export dumped in her downloads folder. */
  hugeCsv: (path: string) => {
    const lines = ['Naam;Adres;Postcode;Telefoon;Opmerking']
    for (let i = 0; lines.length < 700_000; i++) {
      lines.push(
        `Bewoner ${i};Kerkstraat ${i % 300};3701 AB;06${String(10_000_000 + i)};Gesproken bij de koffie`,
      )
    }
    writeFileSync(path, `${lines.join('\r\n')}\r\n`)
  },
  /** An .xlsx with a million rows. */
  millionRowsXlsx: (path: string) =>
    writeFileSync(
      path,
      makeXlsx([
        {
          name: 'Bewoners',
          rows: () =>
            (function* () {
              for (let r = 1; r <= 1_000_000; r++) {
                yield `<row r="${r}">${inlineCell(`A${r}`, `Bewoner ${r}`)}<c r="B${r}"><v>${600_000_000 + r}</v></c></row>`
              }
            })(),
        },
      ]),
    ),
} as const

export type HostileFile = keyof typeof hostileFiles

/** Writes the files named into `dir`; answers their paths. */
export function writeHostileFiles<K extends HostileFile>(
  dir: string,
  names: readonly K[],
): Record<K, string> {
  const paths = {} as Record<K, string>
  for (const name of names) {
    const extension = name.endsWith('Csv') ? 'csv' : 'xlsx'
    paths[name] = join(dir, `${name}.${extension}`)
    hostileFiles[name](paths[name])
  }
  return paths
}
