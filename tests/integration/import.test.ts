import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type {
  ImportFileView,
  ImportHistoryItem,
  ImportPreview,
  ImportReport,
  PreviewRow,
  RowDecisionInput,
} from '../../shared/import'
import type { PeoplePage } from '../../shared/person'
import type { PersonDetail } from '../../shared/person-detail'
import type { PeopleSearchResult } from '../../shared/people-query'
import {
  henkInLedger,
  manyWorkerRows,
  writeWorkerXlsx,
  writeWorkerCsvUtf8,
} from '../support/import-fixtures'
import { useApi, value } from '../support/api'
import { useImportFixtures } from '../support/use-import-fixtures'

const fixtureFiles = useImportFixtures()

const t = useApi()
const peopleCount = async () => value<PeoplePage>(await t.api['people:list']({})).total

async function open(path: string): Promise<ImportFileView> {
  t.platform.fileDialog.answer = path
  return value<ImportFileView>(await t.api['import:open'](undefined))
}

const suggested = (view: ImportFileView) => view.columns.map((column) => column.suggested)

async function preview(view: ImportFileView) {
  return value<ImportPreview>(
    await t.api['import:preview']({ sessionId: view.sessionId, mapping: suggested(view) }),
  )
}

async function commit(view: ImportFileView, decisions: RowDecisionInput[] = []) {
  return t.api['import:commit']({ sessionId: view.sessionId, mapping: suggested(view), decisions })
}

const byName = (rows: PreviewRow[], firstName: string) =>
  rows.filter((row) => row.person.firstName === firstName)

async function findPerson(query: string): Promise<PersonDetail> {
  const hits = value<PeopleSearchResult[]>(await t.api['people:search']({ query }))
  expect(hits.length, `one person for "${query}"`).toBeGreaterThan(0)
  return value<PersonDetail>(await t.api['people:get']({ id: hits[0]!.person.id }))
}

describe('reading her list', () => {
  it('finds the header under the title, the columns and a suggestion for each', async () => {
    const view = await open(fixtureFiles().xlsx)
    expect(view).toMatchObject({ fileName: 'bewonerslijst.xlsx', format: 'xlsx', headerRow: 3 })
    expect(view.sheets).toEqual(['Bewoners', 'Uitleg'])
    expect(view.rowCount).toBe(13)
    expect(view.columns.map((c) => `${c.header} → ${c.suggested}`)).toEqual([
      'Naam → fullName',
      'Adres → address',
      'Postcode → postcode',
      'Wijk → wijk',
      'Tel → phone',
      'E-mail → email',
      'Passie / talent → passions',
      'Passie / talent (2) → passions',
      'Wat wil → wish',
      'Wat kan → strength',
      'Nodig → need',
      'Beschikbaar → availability',
      'Datum → contactDate',
      'Terugbellen → followUpOn',
      'Opmerking → note',
    ])
    expect(t.platform.fileDialog.requests[0]?.filters[0]?.extensions).toEqual([
      'xlsx',
      'csv',
      'txt',
    ])
  })

  it('reads a Windows-1252 CSV with € and curly quotes as written, and detects `;`', async () => {
    const view = await open(fixtureFiles().csv1252)
    expect(view).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ';' })
    const { rows } = await preview(view)
    expect(byName(rows, 'Noël')[0]?.person.note).toContain(
      'Betaalt € 5 voor de ‘koffieochtend’ — “gezellig”, zegt ze',
    )
    expect(rows.map((row) => row.person.firstName)).toContain('Anaïs')
  })

  it('reads UTF-8 with a BOM and `,`, and lets her override what was detected', async () => {
    const path = join(t.dir.path, 'utf8.csv')
    writeWorkerCsvUtf8(path)
    const view = await open(path)
    expect(view).toMatchObject({ encoding: 'utf-8', separator: ',' })
    expect(view.columns[0]?.header).toBe('Naam')
    const wrong = value<ImportFileView>(
      await t.api['import:configure']({ sessionId: view.sessionId, separator: ';' }),
    )
    expect(wrong.separator).toBe(';')
    expect(wrong.columns.length).toBeLessThan(view.columns.length)
    const back = value<ImportFileView>(
      await t.api['import:configure']({ sessionId: view.sessionId, separator: ',', headerRow: 3 }),
    )
    expect(back.columns).toEqual(view.columns)
  })

  it('takes another header row or sheet when she says so', async () => {
    const view = await open(fixtureFiles().xlsx)
    const moved = value<ImportFileView>(
      await t.api['import:configure']({ sessionId: view.sessionId, headerRow: 4 }),
    )
    expect(moved.headerRow).toBe(4)
    expect(moved.columns[0]?.header).toBe('Fatima el Amrani')
    const other = await t.api['import:configure']({ sessionId: view.sessionId, sheet: 5 })
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('answers null when she cancels the dialog', async () => {
    t.platform.fileDialog.answer = null
    expect(await t.api['import:open'](undefined)).toEqual({ ok: true, value: null })
  })

  it.each([
    ['empty', 'Dit bestand is leeg.'],
    ['onlyHeaderCsv', 'In dit bestand staan kopjes, maar geen rijen eronder.'],
    ['onlyHeaderXlsx', 'In dit bestand staan kopjes, maar geen rijen eronder.'],
    ['garbage', 'Dit bestand is geen spreadsheet.'],
    ['garbageCsv', 'Dit bestand is geen spreadsheet.'],
    ['truncated', 'Dit Excel-bestand is beschadigd of onvolledig.'],
    ['password', 'Dit Excel-bestand is beveiligd met een wachtwoord.'],
    ['oldExcel', 'Dit is een oud Excel-bestand (.xls).'],
  ] as const)('refuses %s with a clear Dutch message', async (name, message) => {
    t.platform.fileDialog.answer = fixtureFiles()[name]
    const result = await t.api['import:open'](undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'file_unreadable' } })
    if (!result.ok) expect(result.error.message).toContain(message)
    expect(await peopleCount()).toBe(0)
  })

  it('says so when the file has gone between choosing and reading', async () => {
    t.platform.fileDialog.answer = join(t.dir.path, 'weg.xlsx')
    const result = await t.api['import:open'](undefined)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'file_unreadable', message: 'weg.xlsx kan niet worden geopend.' },
    })
  })
})

describe('preview and duplicates', () => {
  it('shows every row as stored, its problems, and who it may already be', async () => {
    value(await t.api['people:create'](henkInLedger))
    const view = await open(fixtureFiles().xlsx)
    const { rows, emptyRows } = await preview(view)
    expect(rows).toHaveLength(13)
    expect(emptyRows).toBe(0)
    const [fatima, fatimaAgain] = byName(rows, 'Fatima')
    expect(fatima?.person).toMatchObject({
      tussenvoegsel: 'el',
      lastName: 'Amrani',
      street: 'Kerkstraat',
      houseNumber: '12a',
      postcode: '3701 AB',
      contactDate: '2024-01-03',
      followUpOn: '2024-02-15',
      availability: ['tue-afternoon', 'thu-morning'],
    })
    expect(fatimaAgain?.duplicate).toEqual({
      kind: 'file',
      row: fatima?.row,
      name: 'Fatima el Amrani',
      reasons: ['phone'],
    })
    expect(byName(rows, 'Henk')[0]?.duplicate).toMatchObject({
      kind: 'existing',
      name: 'Henk Jansen',
      reasons: ['phone', 'address'],
    })
    // Two Jan de Vries, other address and phone: the same name alone is no duplicate.
    expect(byName(rows, 'Jan').map((row) => row.duplicate)).toEqual([null, null])
    const piet = byName(rows, 'Piet')[0]!
    expect(piet.problems.map((p) => `${p.header}: ${p.kind}`)).toEqual([
      'E-mail: email',
      'Datum: date',
    ])
    expect(piet.person.note).toContain('Datum: ergens in maart')
    const nameless = rows.find((row) => row.blocked)
    expect(nameless?.person.phone).toBe('0699988877')
    expect(nameless?.problems[0]?.kind).toBe('nameMissing')
  })

  it('checks one row again with her fix', async () => {
    const view = await open(fixtureFiles().xlsx)
    const { rows } = await preview(view)
    const piet = byName(rows, 'Piet')[0]!
    const emailColumn = view.columns.find((c) => c.suggested === 'email')!.index
    const dateColumn = view.columns.find((c) => c.suggested === 'contactDate')!.index
    const fixed = value<PreviewRow>(
      await t.api['import:checkRow']({
        sessionId: view.sessionId,
        mapping: suggested(view),
        row: piet.row,
        fixes: { [emailColumn]: 'piet@example.nl', [dateColumn]: '15 maart 2024' },
      }),
    )
    expect(fixed.problems).toEqual([])
    expect(fixed.person).toMatchObject({ email: 'piet@example.nl', contactDate: '2024-03-15' })
  })

  it('checks a row the same way with or without a preview before it', async () => {
    value(await t.api['people:create'](henkInLedger))
    const view = await open(fixtureFiles().xlsx)
    const check = async (row: number) =>
      value<PreviewRow>(
        await t.api['import:checkRow']({
          sessionId: view.sessionId,
          mapping: suggested(view),
          row,
        }),
      )
    // Without a preview the ledger and the rows above are read afresh.
    const fresh = [await check(8), await check(12)].map((row) => row.duplicate)
    const { rows } = await preview(view)
    const fromPreview = [await check(8), await check(12)].map((row) => row.duplicate)
    expect(fresh).toEqual(fromPreview)
    expect(fresh).toEqual([
      byName(rows, 'Henk')[0]!.duplicate,
      byName(rows, 'Fatima')[1]!.duplicate,
    ])
    expect(fresh.map((match) => match?.kind)).toEqual(['existing', 'file'])
  })

  it('refuses a mapping of another length, and a session that is gone', async () => {
    const view = await open(fixtureFiles().xlsx)
    const short = await t.api['import:preview']({ sessionId: view.sessionId, mapping: ['note'] })
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const gone = await t.api['import:preview']({
      sessionId: '0190d5c2-0000-7000-8000-000000000000',
      mapping: suggested(view),
    })
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const junk = await t.api['import:commit']({ sessionId: view.sessionId, mapping: 'alles' })
    expect(junk).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('import', () => {
  it('refuses while a duplicate is undecided, and then stores nothing', async () => {
    value(await t.api['people:create'](henkInLedger))
    const view = await open(fixtureFiles().xlsx)
    const result = await commit(view)
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } })
    if (!result.ok) expect(result.error.message).toMatch(/^Beslis eerst .* 2 mogelijke dubbelen/)
    expect(await peopleCount()).toBe(1)
  })

  it('stores everyone in one go, merges as she chose, and keeps a report', async () => {
    const henk = value<PersonDetail>(await t.api['people:create'](henkInLedger))
    const view = await open(fixtureFiles().xlsx)
    const { rows } = await preview(view)
    const decisions: RowDecisionInput[] = rows
      .filter((row) => row.duplicate)
      .map((row) => ({ row: row.row, duplicate: 'merge' }))
    const report = value<ImportReport>(await commit(view, decisions))
    expect(report).toMatchObject({
      fileName: 'bewonerslijst.xlsx',
      added: 10,
      merged: 2,
      skipped: [{ row: expect.any(Number), reason: 'nameMissing' }],
      keptInNote: 2,
      createdAt: t.clock.now().toISOString(),
    })
    expect(await peopleCount()).toBe(11)

    const fatima = await findPerson('Fatima Amrani')
    expect(fatima.tags.map((tag) => tag.name).sort()).toEqual(['koken', 'naaien', 'tuinieren'])
    expect(fatima.note).toContain('Kwam ook op de buurtmiddag')
    expect(fatima.moments.map((m) => m.date)).toEqual(['2024-01-03'])
    expect(fatima.followUps.map((f) => [f.dueOn, f.reason])).toEqual([
      ['2024-02-15', 'Terugbellen'],
    ])
    expect(fatima.lastContactOn).toBe('2024-01-03')

    const merged = value<PersonDetail>(await t.api['people:get']({ id: henk.id }))
    expect(merged.tags.map((tag) => tag.name)).toEqual(['klussen'])
    expect(merged.strength).toBe('Fietsen repareren')
    expect(merged.moments.map((m) => m.date)).toEqual(['2024-03-01'])

    const stored = value<ImportReport>(await t.api['import:report']({ id: report.id }))
    expect(stored).toEqual(report)
    // Search knows the new people at once.
    expect((await findPerson('Anaïs')).lastName).toBe('Visser')
  })

  it('skips what she says to skip, and rows with problems when she chooses so', async () => {
    const view = await open(fixtureFiles().xlsx)
    const { rows } = await preview(view)
    const decisions: RowDecisionInput[] = rows.map((row) => ({
      row: row.row,
      ...(row.duplicate ? { duplicate: 'new' as const } : {}),
      ...(row.person.firstName === 'Piet' ? { problems: 'skip' as const } : {}),
      ...(row.person.firstName === 'Mulder' ? { skip: true } : {}),
    }))
    const report = value<ImportReport>(await commit(view, decisions))
    expect(report.added).toBe(10)
    expect(report.skipped.map((s) => s.reason).sort()).toEqual([
      'chosen',
      'nameMissing',
      'problems',
    ])
  })

  it('is all or nothing: a failure at row 9,999 leaves the ledger as it was', async () => {
    value(await t.api['people:create'](henkInLedger))
    const path = join(t.dir.path, 'groot.xlsx')
    const rows = manyWorkerRows(10_000)
    rows[9_998] = { ...rows[9_998]!, naam: 'Foutje Aan-Het-Eind' }
    await writeWorkerXlsx(path, rows)
    await sql`CREATE TRIGGER fail_late BEFORE INSERT ON person WHEN NEW.first_name = 'Foutje'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(t.ctx.store.db)
    const view = await open(path)
    const { rows: previewRows } = await preview(view)
    const decisions = previewRows
      .filter((row) => row.duplicate)
      .map((row) => ({ row: row.row, duplicate: 'new' as const }))
    const result = await commit(view, decisions)
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    t.unexpected.length = 0
    expect(await peopleCount()).toBe(1)
    const counts = await sql<{ n: number }>`SELECT
      (SELECT count(*) FROM tag) + (SELECT count(*) FROM contact_moment)
      + (SELECT count(*) FROM follow_up) + (SELECT count(*) FROM import_batch)
      + (SELECT count(*) FROM wijk) AS n`.execute(t.ctx.store.db)
    expect(counts.rows[0]?.n).toBe(0)
    expect(value(await t.api['import:progress'](undefined))).toBeNull()
  }, 60_000)
})

describe('aangemeld door from her list', () => {
  it('reads the column as the route, for the form and the report', async () => {
    const path = join(t.dir.path, 'verwijzingen.csv')
    writeFileSync(path, 'Voornaam;Aangemeld door\nAnnie;Huisarts\nBert;Bibliotheek\nCor;\n')
    const view = await open(path)
    expect(suggested(view)).toEqual(['firstName', 'referredBy'])
    expect(value<ImportReport>(await commit(view))).toMatchObject({ added: 3 })
    expect((await findPerson('Annie')).referredBy).toBe('Huisarts')
    expect((await findPerson('Bert')).referredBy).toBe('Bibliotheek')
    expect((await findPerson('Cor')).referredBy).toBeNull()
  })
})

describe('undo', () => {
  async function importFixture() {
    const henk = value<PersonDetail>(await t.api['people:create'](henkInLedger))
    const view = await open(fixtureFiles().xlsx)
    const { rows } = await preview(view)
    const report = value<ImportReport>(
      await commit(
        view,
        rows.filter((row) => row.duplicate).map((row) => ({ row: row.row, duplicate: 'merge' })),
      ),
    )
    return { henk, report }
  }

  it('takes the last import back: added people go, merged ones are as they were', async () => {
    const { henk, report } = await importFixture()
    t.clock.set('2026-03-02T10:00:00.000Z')
    const history = value<ImportHistoryItem[]>(await t.api['import:history'](undefined))
    expect(history).toMatchObject([{ id: report.id, added: 10, merged: 2, undoable: true }])
    const undone = value<ImportReport>(await t.api['import:undo']({ id: report.id }))
    expect(undone.undoneAt).toBe('2026-03-02T10:00:00.000Z')
    expect(await peopleCount()).toBe(1)
    const after = value<PersonDetail>(await t.api['people:get']({ id: henk.id }))
    expect(after).toEqual(henk)
    const leftovers = await sql<{ n: number }>`SELECT
      (SELECT count(*) FROM tag) + (SELECT count(*) FROM wijk) + (SELECT count(*) FROM follow_up)
      + (SELECT count(*) FROM contact_moment) AS n`.execute(t.ctx.store.db)
    expect(leftovers.rows[0]?.n).toBe(0)
    expect(value<PeopleSearchResult[]>(await t.api['people:search']({ query: 'Fatima' }))).toEqual(
      [],
    )
    expect(await t.api['import:undo']({ id: report.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
  })

  it('refuses once someone it touched has changed since, and changes nothing', async () => {
    const { report } = await importFixture()
    const anais = await findPerson('Anaïs')
    t.clock.set('2026-03-03T09:00:00.000Z')
    value(await t.api['moments:add']({ personId: anais.id, date: '2026-03-03', channel: 'straat' }))
    const history = value<ImportHistoryItem[]>(await t.api['import:history'](undefined))
    expect(history[0]?.undoable).toBe(false)
    const result = await t.api['import:undo']({ id: report.id })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('is sindsdien veranderd'),
      },
    })
    expect(await peopleCount()).toBe(11)
  })
})

describe('undo after Verbinden', () => {
  it('refuses once someone the import added has a connection', async () => {
    const view = await open(fixtureFiles().xlsx)
    const { rows } = await preview(view)
    const report = value<ImportReport>(
      await commit(
        view,
        rows.filter((row) => row.duplicate).map((row) => ({ row: row.row, duplicate: 'new' })),
      ),
    )
    const anais = await findPerson('Anaïs')
    const jose = await findPerson('José')
    value(
      await t.api['connections:create']({
        personId: anais.id,
        otherPersonId: jose.id,
        date: '2026-03-02',
      }),
    )
    expect(await t.api['import:undo']({ id: report.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
  })
})
