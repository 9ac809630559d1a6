import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readSpreadsheet } from '../../db/import/file/read'
import type { ImportFileView, ImportPreview, ImportProgress } from '../../shared/import'
import type { PeoplePage } from '../../shared/person'
import { useApi, value } from '../support/api'
import { hostileFiles, writeHostileFiles } from '../support/hostile-files'
import { makeTempDir } from '../support/platform'
import { inlineCell, makeXlsx } from '../support/zip'

/**
 * Reading her files off the main process: what a workbook and a CSV hold, read the way Excel shows
 * them, and every file made to break the import ending in a clear Dutch message, the ledger as it
 * was and the app answering meanwhile.
 */

let dir: ReturnType<typeof makeTempDir>
beforeAll(() => {
  dir = makeTempDir('sprokkelaar-files-')
})
afterAll(() => dir.remove())

const t = useApi()
const peopleCount = async () => value<PeoplePage>(await t.api['people:list']({})).total

async function open(path: string) {
  t.platform.fileDialog.answer = path
  return t.api['import:open'](undefined)
}

async function importAll(path: string) {
  const view = value<ImportFileView>(await open(path))
  const mapping = view.columns.map((column) => column.suggested)
  const preview = value<ImportPreview>(
    await t.api['import:preview']({ sessionId: view.sessionId, mapping }),
  )
  value(await t.api['import:commit']({ sessionId: view.sessionId, mapping, decisions: [] }))
  return preview
}

describe('a CSV', () => {
  it('keeps rows apart whatever their line endings, mixed in one file', async () => {
    const path = join(dir.path, 'gemengd.csv')
    writeFileSync(
      path,
      'Naam;Adres;Telefoon;Opmerking\r\n' +
        'Fatima el Amrani;Kerkstraat 12;0612345678;"Kookt graag\r\nvoor de buurt"\n' +
        'Jan de Vries;Dorpsstraat 3;0687654321;Fietst\r' +
        'Noor Bakker;Lindelaan 7;0611223344;\r\n',
    )
    const preview = await importAll(path)
    expect(preview.rows.map((row) => [row.person.firstName, row.person.street])).toEqual([
      ['Fatima', 'Kerkstraat'],
      ['Jan', 'Dorpsstraat'],
      ['Noor', 'Lindelaan'],
    ])
    // A line break inside a quoted cell stays one, in one person's note.
    expect(preview.rows[0]!.person.note).toBe('Kookt graag\nvoor de buurt')
    expect(preview.rows[1]!.person.note).toBe('Fietst')
    expect(await peopleCount()).toBe(3)
  })
})

describe('a workbook', () => {
  it('reads values as Excel shows them: shared and inline text, runs, formulas, dates, numbers', async () => {
    const path = join(dir.path, 'soorten.xlsx')
    writeFileSync(
      path,
      makeXlsx(
        [
          {
            name: 'Bewoners',
            rows:
              `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
              `<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>45352</v></c><c r="C2" t="str"><f>UPPER("noord")</f><v>NOORD</v></c><c r="D2"><v>612345678</v></c></row>` +
              `<row r="4">${inlineCell('A4', 'Jan')}<c r="B4" s="2"><v>45000.75</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="E4" t="b"><v>1</v></c></row>`,
          },
        ],
        {
          sharedStrings:
            '<si><t>Naam</t></si><si><t>Datum</t></si><si><t>Wijk</t></si><si><t>Tel</t></si>' +
            '<si><r><t>Fati</t></r><r><rPr><b/></rPr><t>ma</t></r><rPh><t>ファティマ</t></rPh></si>',
          numFmts: '<numFmt numFmtId="164" formatCode="d\\-m\\-yyyy"/>',
          cellXfs: '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>',
        },
      ),
    )
    const file = await readSpreadsheet(path)
    expect(file.format).toBe('xlsx')
    const rows = file.sheets[0]!.rows
    expect(rows[0]).toEqual(['Naam', 'Datum', 'Wijk', 'Tel'])
    expect(rows[1]).toEqual(['Fatima', new Date('2024-03-01T00:00:00Z'), 'NOORD', 612345678])
    expect(rows[2]).toEqual([])
    expect(rows[3]).toEqual(['Jan', new Date('2023-03-15T18:00:00Z'), null, null, true])
  })

  it('counts dates from 1904 in a workbook that says so, and leaves hidden sheets out', async () => {
    const path = join(dir.path, 'mac.xlsx')
    writeFileSync(
      path,
      makeXlsx(
        [
          { name: 'Bewoners', rows: `<row r="1"><c r="A1" s="1"><v>0</v></c></row>` },
          {
            name: 'Verborgen',
            rows: `<row r="1">${inlineCell('A1', 'geheim')}</row>`,
            hidden: true,
          },
        ],
        { cellXfs: '<xf numFmtId="0"/><xf numFmtId="14"/>', date1904: true },
      ),
    )
    const file = await readSpreadsheet(path)
    expect(file.sheets.map((sheet) => sheet.name)).toEqual(['Bewoners'])
    expect(file.sheets[0]!.rows[0]).toEqual([new Date('1904-01-01T00:00:00Z')])
  })
})

describe('a file made to break the import', () => {
  const cases = [
    ['lastCell', /cel XFD1048576 staat iets.*rij 200\.000 en kolom GR/],
    ['wideRow', /cel GS1 staat iets/],
    ['rowPastLimitCsv', /cel A200001 staat iets/],
    ['longCellCsv', /Cel B2 is langer dan 32\.767 tekens/],
    ['sharedStringsBomb', /Uitgepakt is dit Excel-bestand veel groter/],
    ['entityBomb', /beschadigd of onvolledig/],
  ] as const

  it.each(cases)('%s: a clear Dutch message, and the ledger as it was', async (name, message) => {
    const paths = writeHostileFiles(dir.path, [name])
    await importAll(writeGood())
    const before = await peopleCount()
    const result = await open(paths[name])
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('file_unreadable')
      expect(result.error.message).toMatch(message)
    }
    expect(await peopleCount()).toBe(before)
    expect(value(await t.api['import:progress'](undefined))).toBeNull()
  })
})

function writeGood(): string {
  const path = join(dir.path, 'goed.csv')
  writeFileSync(path, 'Naam;Telefoon\r\nFatima el Amrani;0612345678\r\n')
  return path
}

describe('reading off the main process', () => {
  it('keeps answering her while a large file is read, and shows how far it is', async () => {
    // 150,000 rows: a long list, under the limit.
    const path = join(dir.path, 'lang.csv')
    hostileFiles.rowPastLimitCsv(path, 150_000)
    let read = false
    const opening = open(path).then((result) => {
      read = true
      return result
    })
    const seen: ImportProgress[] = []
    await vi.waitFor(
      async () => {
        const progress = value<ImportProgress | null>(await t.api['import:progress'](undefined))
        if (progress) seen.push(progress)
        expect(progress?.total).toBeGreaterThan(0)
      },
      { timeout: 20_000, interval: 5 },
    )
    // The ledger answers while the file is still being read.
    expect(value<PeoplePage>(await t.api['people:list']({})).total).toBe(0)
    expect(read).toBe(false)
    const view = value<ImportFileView>(await opening)
    expect(view.rowCount).toBe(149_999)
    expect(seen.every((p) => p.phase === 'reading' && p.done <= p.total)).toBe(true)
  })

  it('stops reading when she cancels, and opens the next file as usual', async () => {
    const { rowPastLimitCsv: path } = writeHostileFiles(dir.path, ['rowPastLimitCsv'])
    const opening = open(path)
    await vi.waitFor(
      async () =>
        expect(
          value<ImportProgress | null>(await t.api['import:progress'](undefined)),
        ).not.toBeNull(),
      { timeout: 20_000, interval: 5 },
    )
    value(await t.api['import:cancel'](undefined))
    expect(value(await opening)).toBeNull()
    expect(value(await t.api['import:progress'](undefined))).toBeNull()
    const view = value<ImportFileView>(await open(writeGood()))
    expect(view.rowCount).toBe(1)
  })

  it('says so when the reader dies without an answer (out of memory, a crash)', async () => {
    const dying = join(dir.path, 'sterft.mjs')
    writeFileSync(dying, 'process.exit(3)\n')
    t.platform.startReader = () => {
      const worker = new Worker(dying)
      return {
        send: (request) => worker.postMessage(request),
        onMessage: (listener) => worker.on('message', listener),
        onExit: (listener) => worker.on('exit', listener),
        stop: () => void worker.terminate(),
      }
    }
    const result = await open(writeGood())
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/liep vast.*register is niet veranderd/)
  })
})
