import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import type { TodayView } from '../../shared/followups'
import type {
  ImportFileView,
  ImportPreview,
  ImportReport,
  PreviewRow,
  RowDecisionInput,
} from '../../shared/import'
import { personLimits, updatePersonSchema, type PeoplePage } from '../../shared/person'
import type { PersonDetail } from '../../shared/person-detail'
import { useApi, value } from '../support/api'
import { TestClock } from '../support/platform'

/**
 * The faults found when her real lists went through the import, each at the depth it was fixed:
 * what the preview shows her, and what ends up in the ledger.
 */

const t = useApi(new TestClock(new Date('2026-03-02T09:30:00.000Z')))

let files = 0
function csv(lines: string[], encoding: 'utf8' | 'win1252' = 'utf8'): string {
  const path = join(t.dir.path, `lijst-${++files}.csv`)
  const text = `${lines.join('\r\n')}\r\n`
  writeFileSync(path, encoding === 'utf8' ? text : iconv.encode(text, 'win1252'))
  return path
}

async function open(path: string): Promise<ImportFileView> {
  t.platform.fileDialog.answer = path
  return value<ImportFileView>(await t.api['import:open'](undefined))
}

async function previewOf(path: string) {
  const view = await open(path)
  const mapping = view.columns.map((column) => column.suggested)
  const preview = value<ImportPreview>(
    await t.api['import:preview']({ sessionId: view.sessionId, mapping }),
  )
  const commit = async (decisions: RowDecisionInput[] = []) =>
    value<ImportReport>(
      await t.api['import:commit']({ sessionId: view.sessionId, mapping, decisions }),
    )
  return { view, mapping, preview, commit }
}

const people = async () => value<PeoplePage>(await t.api['people:list']({ limit: 500 })).items
const detail = async (id: string) => value<PersonDetail>(await t.api['people:get']({ id }))
const row = (preview: ImportPreview, firstName: string): PreviewRow =>
  preview.rows.find((r) => r.person.firstName === firstName)!

/** Saves a stored person again as the person form does: every value must be one it accepts. */
async function savesAgain(person: PersonDetail) {
  const { id, tags, availability, ...rest } = person as unknown as Record<string, unknown> & {
    id: string
    tags: { kind: string; name: string }[]
    availability: string[]
  }
  const fields = Object.fromEntries(
    Object.keys(updatePersonSchema.shape)
      .filter((key) => key !== 'id' && key !== 'tags' && key !== 'availability')
      .map((key) => [key, rest[key] ?? undefined]),
  )
  const input = {
    id,
    ...fields,
    tags: tags.map(({ kind, name }) => ({ kind, name })),
    availability,
  }
  const parsed = updatePersonSchema.safeParse(input)
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)
  value(await t.api['people:update'](input))
}

describe('a totals row', () => {
  it('is flagged as not a resident and skipped, unless she says to import it', async () => {
    const path = csv([
      'Naam;Telefoon;Aantal keer gezien',
      'Fatima el Amrani;0612345678;3',
      'Jan de Vries;0687654321;2',
      'Totaal 112;;5',
      'Aantal:;2;',
      ';;112',
    ])
    const { preview, commit } = await previewOf(path)
    expect(preview.rows.map((r) => [r.row, r.notResident])).toEqual([
      [2, null],
      [3, null],
      [4, 'totals'],
      [5, 'totals'],
      [6, 'totals'],
    ])
    const report = await commit()
    expect(report.added).toBe(2)
    expect(report.skipped).toEqual([
      { row: 4, reason: 'notResident' },
      { row: 5, reason: 'notResident' },
      { row: 6, reason: 'notResident' },
    ])
    expect((await people()).map((p) => p.firstName).sort()).toEqual(['Fatima', 'Jan'])
  })

  it('comes in when she ticks it', async () => {
    const { commit } = await previewOf(csv(['Naam;Telefoon', 'Fatima;0612345678', 'Totaal;1']))
    const report = await commit([{ row: 3, skip: false }])
    expect(report.added).toBe(2)
  })
})

describe('names with a title or a suffix', () => {
  it('keep the suffix in the last name, leave the title out, and show both in the preview', async () => {
    const { preview, commit } = await previewOf(
      csv([
        'Naam;Telefoon',
        'Piet de Boer jr.;0611111111',
        'Dhr. Smit;0622222222',
        'mw. Anna Jansen;',
      ]),
    )
    const piet = row(preview, 'Piet')
    expect(piet.person).toMatchObject({ tussenvoegsel: 'de', lastName: 'Boer jr.' })
    expect(piet.notices).toEqual([])
    const smit = row(preview, 'Smit')
    expect(smit.person).toMatchObject({ firstName: 'Smit', lastName: null })
    expect(smit.notices).toEqual([
      expect.objectContaining({
        kind: 'title',
        raw: 'Dhr.',
        message: 'een aanhef, geen naam: niet opgeslagen',
      }),
    ])
    expect(row(preview, 'Anna').person).toMatchObject({ lastName: 'Jansen' })
    await commit()
    expect((await people()).map((p) => [p.firstName, p.lastName]).sort()).toEqual([
      ['Anna', 'Jansen'],
      ['Piet', 'Boer jr.'],
      ['Smit', null],
    ])
  })
})

describe('day parts and wil / kan / nodig', () => {
  it('reads a part after a list of days as each of them, and shows it all before importing', async () => {
    const { preview } = await previewOf(
      csv([
        'Naam;Beschikbaar;Wil / kan',
        'Fatima;di/do ochtend;"wil koken leren; kan goed fietsen"',
        'Jan;ma, woensdagavond;Kan klussen',
      ]),
    )
    expect(row(preview, 'Fatima').person).toMatchObject({
      availability: ['tue-morning', 'thu-morning'],
      availabilityNote: 'di/do ochtend',
      wish: 'wil koken leren',
      strength: 'kan goed fietsen',
    })
    expect(row(preview, 'Jan').person).toMatchObject({
      availability: ['mon-morning', 'mon-afternoon', 'mon-evening', 'wed-evening'],
      wish: null,
      strength: 'Kan klussen',
    })
  })
})

describe('a note past the limits', () => {
  const remark = Array.from({ length: 600 }, (_, i) => `Zin ${i} van haar lange opmerking.`).join(
    ' ',
  )

  it('is a notice; by default the rest becomes contact notes, and she can save the person again', async () => {
    expect(remark.length).toBeGreaterThan(20_000)
    expect(remark.length).toBeLessThan(32_767)
    const { preview, commit } = await previewOf(csv(['Naam;Opmerking', `Fatima;${remark}`]))
    expect(row(preview, 'Fatima').notices).toEqual([
      expect.objectContaining({ kind: 'noteTooLong', column: -1 }),
    ])
    await commit()
    const [stored] = await people()
    const fatima = await detail(stored!.id)
    expect(fatima.note!.length).toBeLessThanOrEqual(personLimits.note)
    expect(fatima.note).toMatch(/\(vervolg in de contactnotities\)$/)
    const rest = [...fatima.moments]
      .sort((a, b) => a.note!.localeCompare(b.note!, 'nl', { numeric: true }))
      .map((m) => m.note!.replace(/^Vervolg van de notitie uit de Excel-lijst \(\d+\/\d+\)\n/, ''))
    expect(rest.length).toBeGreaterThan(1)
    for (const moment of fatima.moments) expect(moment.note!.length).toBeLessThanOrEqual(2000)
    // Nothing she wrote is lost: the note and the contact notes hold every sentence.
    const kept = [fatima.note!.replace('\n(vervolg in de contactnotities)', ''), ...rest].join(' ')
    expect(kept.replace(/\s+/g, ' ')).toBe(remark)
    await savesAgain(fatima)
  })

  it('is shortened when she chooses so', async () => {
    const { commit } = await previewOf(csv(['Naam;Opmerking', `Fatima;${remark}`]))
    await commit([{ row: 2, longNote: 'shorten' }])
    const fatima = await detail((await people())[0]!.id)
    expect(fatima.note!.length).toBeLessThanOrEqual(personLimits.note)
    expect(fatima.note).toMatch(/…$/)
    expect(fatima.moments).toEqual([])
    await savesAgain(fatima)
  })

  it('every value stored is one the form can save, also after a merge grows it', async () => {
    const long = (n: number) => 'woord '.repeat(n).trim()
    value(
      await t.api['people:create']({
        firstName: 'Henk',
        lastName: 'Jansen',
        phone: '06-87654321',
        wish: long(300),
        note: long(800),
      }),
    )
    const { preview, commit } = await previewOf(
      csv([
        'Naam;Telefoon;Wijk;Wat wil;Beschikbaar;Opmerking;Opmerking 2',
        `Henk Jansen;0687654321;Noord;${long(200)};${'di '.repeat(300)};${long(500)};${long(100)}`,
        `Ans Bakker;;${'W'.repeat(120)};${long(400)};;${long(900)};`,
      ]),
    )
    const decisions = preview.rows
      .filter((r) => r.duplicate)
      .map((r) => ({ row: r.row, duplicate: 'merge' as const }))
    expect(decisions).toHaveLength(1)
    await commit(decisions)
    for (const person of await people()) await savesAgain(await detail(person.id))
  })
})

describe('letters a CSV could not hold', () => {
  it('are a notice in a CSV, fixed in place; a question mark after a word is left alone', async () => {
    const { view, mapping, preview } = await previewOf(
      csv(['Naam;Straat;Opmerking', '?ahin Y?ld?z;Kerkstraat;Wat nu?', 'Jan;Dorpsweg;'], 'win1252'),
    )
    // All ASCII: as UTF-8 as it is Windows-1252, so the "?" inside a word is what tells.
    expect(view.format).toBe('csv')
    const sahin = preview.rows[0]!
    expect(sahin.notices).toEqual([
      expect.objectContaining({
        kind: 'lostLetter',
        raw: '?ahin Y?ld?z',
        message:
          'een letter ging verloren bij het opslaan als CSV; kies het .xlsx-bestand of verbeter de naam',
      }),
    ])
    const fixed = value<PreviewRow>(
      await t.api['import:checkRow']({
        sessionId: view.sessionId,
        mapping,
        row: sahin.row,
        fixes: { '0': 'Şahin Yıldız' },
      }),
    )
    expect(fixed.notices).toEqual([])
    expect(fixed.person).toMatchObject({ firstName: 'Şahin', lastName: 'Yıldız' })

    const utf8 = await previewOf(csv(['Naam;Opmerking', 'Şahin;Wat nu? Ja, graag.']))
    expect(utf8.preview.rows[0]!.notices).toEqual([])
  })
})

describe('smaller things', () => {
  it.each(['Laatst gesproken', 'Laatste contact (datum)', 'Laatste contact:', 'Datum gesprek'])(
    '"%s" is a contact date, not a note',
    async (header) => {
      const view = await open(csv([`Naam;${header};Opmerking`, 'Fatima;3-1-2024;Kookt']))
      expect(view.columns.map((c) => c.suggested)).toEqual(['fullName', 'contactDate', 'note'])
    },
  )

  it('a month without a day is marked as such', async () => {
    const { preview } = await previewOf(csv(['Naam;Datum', 'Fatima;maart 2024', 'Jan;3-3-2024']))
    expect(row(preview, 'Fatima').person.contactDate).toBe('2024-03-01')
    expect(row(preview, 'Fatima').notices).toEqual([
      expect.objectContaining({ kind: 'monthOnly', raw: 'maart 2024' }),
    ])
    expect(row(preview, 'Jan').notices).toEqual([])
  })

  it("the note an import writes on its contact moments is the app's: search leaves it out", async () => {
    const { commit } = await previewOf(csv(['Naam;Datum', 'Fatima;3-1-2024']))
    await commit()
    const fatima = await detail((await people())[0]!.id)
    expect(fatima.moments.map((m) => m.note)).toEqual(['Contact volgens de Excel-lijst'])
    expect(value<unknown[]>(await t.api['people:search']({ query: 'excel lijst' }))).toEqual([])
  })

  it('a merge on a phone number spelled differently adds no note line', async () => {
    const henk = value<PersonDetail>(
      await t.api['people:create']({ firstName: 'Henk', lastName: 'Jansen', phone: '06-87654321' }),
    )
    const { preview, commit } = await previewOf(csv(['Naam;Tel', 'Henk Jansen;+31 6 87654321']))
    expect(preview.rows[0]!.duplicate).toMatchObject({ kind: 'existing', reasons: ['phone'] })
    await commit([{ row: 2, duplicate: 'merge' }])
    const merged = await detail(henk.id)
    expect(merged.phone).toBe('06-87654321')
    expect(merged.note ?? '').not.toMatch(/Telefoon/)
  })

  it("after an import with old follow-up dates, Vandaag offers that import's late ones at once", async () => {
    const { commit } = await previewOf(
      csv([
        'Naam;Telefoon;Terugbellen',
        'Fatima;0612345678;15-1-2024',
        'Jan;0687654321;1-2-2024',
        'Ans;0611223344;1-5-2026',
      ]),
    )
    const report = await commit()
    const today = value<TodayView>(await t.api['followups:today'](undefined))
    expect(today.groups.overdue.count).toBe(2)
    expect(today.lateImports).toEqual([
      {
        importId: report.id,
        fileName: expect.stringMatching(/^lijst-\d+\.csv$/),
        importedAt: '2026-03-02T09:30:00.000Z',
        count: 2,
      },
    ])
    const moved = value<{ count: number }>(
      await t.api['followups:settleImport']({ importId: report.id, action: 'move', by: '1m' }),
    )
    expect(moved.count).toBe(2)
    const after = value<TodayView>(await t.api['followups:today'](undefined))
    expect(after.groups.overdue.count).toBe(0)
    expect(after.lateImports).toEqual([])
    expect(after.groups.later.items.map((item) => item.dueOn).sort()).toEqual([
      '2026-04-02',
      '2026-04-02',
      '2026-05-01',
    ])
    // Each move is on the person's timeline, as a single "later" is.
    const fatima = (await people()).find((p) => p.firstName === 'Fatima')!
    expect((await detail(fatima.id)).events.map((e) => e.kind)).toContain('follow_up_snoozed')
  })

  it('closes them all when she says so, and refuses a move without a date', async () => {
    const { commit } = await previewOf(
      csv(['Naam;Terugbellen', 'Fatima;15-1-2024', 'Jan;1-2-2024']),
    )
    const report = await commit()
    const refused = await t.api['followups:settleImport']({ importId: report.id, action: 'move' })
    expect(refused.ok).toBe(false)
    value(await t.api['followups:settleImport']({ importId: report.id, action: 'close' }))
    const after = value<TodayView>(await t.api['followups:today'](undefined))
    expect(after.groups.overdue.count).toBe(0)
  })
})
