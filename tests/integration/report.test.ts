import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import Papa from 'papaparse'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { collectTables } from '../../db/report/tables'
import { protect } from '../../db/report/protect'
import { reportDocument } from '../../db/report/document'
import { buildReport, reportCsv } from '../../db/report/report'
import type { Report, ReportExport, ReportTable } from '../../shared/report'
import { cellText, reportRequestSchema } from '../../shared/report'
import { seededRandom } from '../bench/ledger'
import { possibleValues } from '../support/audit'
import { pdfText } from '../support/pdf'
import { useApi, value } from '../support/api'
import { TestClock } from '../support/platform'

const t = useApi(new TestClock(new Date('2026-07-01T09:30:00.000Z')))
const table = (report: Report, id: string) => report.tables.find((t) => t.id === id)!
const show = (t: ReportTable) =>
  [...t.rows, ...(t.totals ? [t.totals] : [])].map((row) => [
    row.label,
    ...[...row.cells, ...(row.total ? [row.total] : [])].map((cell) =>
      cell.kind === 'count' ? cell.value : cell.kind === 'small' ? '<' : '×',
    ),
  ])

async function person(firstName: string, wijk: string, dates: string[]) {
  const created = value<{ id: string }>(await t.api['people:create']({ firstName, wijk }))
  for (const date of dates) {
    value(await t.api['moments:add']({ personId: created.id, date, channel: 'straat' }))
  }
  return created
}

describe('a small ledger, checked by hand', () => {
  it('hides Zuid’s two residents, and Noord where Zuid could be worked out from the totals', async () => {
    for (const name of ['An', 'Bo', 'Cor', 'Dea', 'Eef', 'Fien']) {
      await person(name, 'Noord', ['2026-01-10', '2026-02-10'])
    }
    await person('Gijs', 'Zuid', ['2026-03-05'])
    await person('Hans', 'Zuid', ['2026-03-06'])
    const report = value<Report>(
      await t.api['report:build']({ from: '2026-01', to: '2026-03', breakdown: 'quarter' }),
    )
    expect(report.periodLabel).toBe('januari 2026 – maart 2026')
    expect(show(table(report, 'reached'))).toEqual([
      ['Noord', '×', '×'],
      ['Zuid', '<', '<'],
      ['Zonder wijk', 0, 0],
      ['Totaal', 8, 8],
    ])
    // Contact moments: Noord 12, Zuid 2. Zuid's 2 would follow from 14 − 12: Noord is hidden.
    expect(show(table(report, 'moments'))).toEqual([
      ['Noord', '×', '×'],
      ['Zuid', '<', '<'],
      ['Zonder wijk', 0, 0],
      ['Totaal', 14, 14],
    ])
    expect(report.method.join(' ')).toContain('“<5”')
  })

  it('refuses periods that are not whole months in order', async () => {
    const bad = [
      { from: '2026-03', to: '2026-01' },
      { from: '2026-13', to: '2026-12' },
      { from: '2026-01-01', to: '2026-03' },
      { from: '2020-01', to: '2026-01' },
      { from: '2026-01', to: '2026-03', k: 4 },
    ]
    for (const input of bad) {
      const result = await t.api['report:build'](input)
      expect(result, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
    const result = await t.api['report:build']({ from: '2026-03', to: '2026-01' })
    if (!result.ok) expect(result.error.message).toContain('De periode eindigt vóór hij begint.')
  })
})

describe('aangemeld door', () => {
  it('counts residents reached by route: her list, a sheet’s own spelling, another route and none', async () => {
    const noord = value<{ id: string }>(await t.api['wijken:create']({ name: 'Noord' }))
    const routes: (string | undefined)[] = [
      'Huisarts / Welzijn op Recept',
      'Huisarts / Welzijn op Recept',
      // As a sheet wrote it: the part before the slash.
      'huisarts',
      'Bibliotheek',
      'Bibliotheek',
      'Bibliotheek',
      undefined,
      undefined,
      undefined,
      'Wijkteam',
    ]
    for (const [i, referredBy] of routes.entries()) {
      const created = value<{ id: string }>(
        await t.api['people:create']({
          firstName: `Bewoner${i}`,
          wijk: 'Noord',
          ...(referredBy ? { referredBy } : {}),
          moment: { date: '2026-03-02', channel: 'straat' },
        }),
      )
      // The moment remembers how the first contact came about.
      const detail = value<{ moments: { referredBy: string | null }[] }>(
        await t.api['people:get']({ id: created.id }),
      )
      expect(detail.moments[0]!.referredBy).toBe(referredBy ?? null)
    }
    // Not reached in the period: not counted.
    await t.api['people:create']({ firstName: 'Later', wijk: 'Noord', referredBy: 'Zelf' })
    const report = value<Report>(
      await t.api['report:build']({ from: '2026-03', to: '2026-03', wijkIds: [noord.id], k: 3 }),
    )
    const routeTable = table(report, 'routes')
    expect(routeTable.title).toBe('Bewoners bereikt, per route (aangemeld door)')
    expect(show(routeTable)).toEqual([
      ['Zelf', 0, 0],
      // 3, hidden: with it, the one from the wijkteam would follow from the total.
      ['Huisarts / Welzijn op Recept', '×', '×'],
      ['Wijkteam', '<', '<'],
      ['Woningcorporatie', 0, 0],
      ['Buren', 0, 0],
      ['Initiatief', 0, 0],
      ['Anders', 0, 0],
      ['Andere route', 3, 3],
      ['Niet vastgelegd', 3, 3],
      ['Totaal', 10, 10],
    ])
  })

  it('keeps her own list of routes, and refuses an empty or doubled one', async () => {
    const settings = value<{ routes: string[] }>(await t.api['settings:get'](undefined))
    expect(settings.routes[1]).toBe('Huisarts / Welzijn op Recept')
    const base = { workerName: '', reminderTime: '09:00', organisation: '' }
    const saved = value<{ routes: string[] }>(
      await t.api['settings:update']({ ...base, routes: ['Zelf', 'Bibliotheek', ' Huisarts '] }),
    )
    expect(saved.routes).toEqual(['Zelf', 'Bibliotheek', 'Huisarts'])
    for (const routes of [[], ['Zelf', 'zelf'], ['Een\nTwee'], ['']]) {
      const result = await t.api['settings:update']({ ...base, routes })
      expect(result.ok).toBe(false)
    }
    expect(value<{ routes: string[] }>(await t.api['settings:get'](undefined)).routes).toEqual(
      saved.routes,
    )
  })
})

describe('what connections brought', () => {
  it('shows per theme how many answered and the share per answer, never a share beside “<k”', async () => {
    const group = value<{ id: string }>(
      await t.api['initiatives:create']({
        name: 'De Stappers',
        kind: 'activiteit',
        themes: ['wandelen'],
      }),
    )
    const answers = [
      { going: 'yes', metPeople: 'yes', givesBack: 'yes' },
      { going: 'yes', metPeople: 'yes', givesBack: 'no' },
      { going: 'yes', metPeople: 'yes' },
      { going: 'somewhat', metPeople: 'yes' },
      { going: 'no', metPeople: 'no' },
      { going: 'no', metPeople: 'somewhat' },
    ] as const
    for (const [i, outcome] of answers.entries()) {
      const resident = await person(`Loper${i}`, 'Noord', [])
      value(
        await t.api['connections:create']({
          personId: resident.id,
          initiativeId: group.id,
          date: '2026-06-01',
          followUpOn: '2026-07-01',
        }),
      )
      const detail = value<{ followUps: { id: string; connectionId: string | null }[] }>(
        await t.api['people:get']({ id: resident.id }),
      )
      const asking = detail.followUps.find((f) => f.connectionId)!
      // The first one was asked twice: only the latest answer in the period counts.
      if (i === 0) {
        await sql`INSERT INTO connection_outcome (id, connection_id, date, going, met_people,
          created_at) VALUES ('earlier', ${asking.connectionId}, '2026-07-01', 'no', 'no',
          '2026-07-01T08:00:00.000Z')`.execute(t.ctx.store.db)
      }
      value(await t.api['followups:done']({ id: asking.id, outcome }))
    }
    const report = value<Report>(
      await t.api['report:build']({ from: '2026-07', to: '2026-07', k: 3 }),
    )
    const text = (id: string) =>
      [...table(report, id).rows].map((row) => [
        row.label,
        ...[...row.cells, row.total].map((cell) => cellText(cell, 3)),
      ])
    expect(table(report, 'outcome-going').title).toBe(
      'Wat verbindingen brachten: gaat ze er nog heen?',
    )
    // 3, 1 and 2 of 6: the two small ones could be 1 and 2 or 2 and 1.
    expect(text('outcome-going')).toEqual([
      ['wandelen', '3 (50%)', '<3', '<3', '6'],
      ['Alle verbindingen', '3 (50%)', '<3', '<3', '6'],
    ])
    // 4, 1 and 1 of 6: the two small ones would be 1 each; one more is hidden, and no share shows.
    expect(text('outcome-metPeople')).toEqual([
      ['wandelen', '×', '<3', '<3', '6'],
      ['Alle verbindingen', '×', '<3', '<3', '6'],
    ])
    // Two answered: too few for the theme to stand apart. With the 0 shown, yes and no (each
    // "<3", adding up to at most 2) would be 1 each: hidden.
    expect(text('outcome-givesBack')).toEqual([['Alle verbindingen', '<3', '×', '×', '<3']])
    expect(reportCsv(report)).toContain('3 (50%)')
  })
})

describe('CSV export', () => {
  it('saves ; separated UTF-8 with a BOM where she chooses, and logs it', async () => {
    await person('Ans', 'Noord', ['2026-02-01'])
    value(await t.api['settings:update']({ workerName: '', organisation: 'Welzijn Noord' }))
    const path = join(t.dir.path, 'verantwoording.csv')
    t.platform.fileDialog.saveAnswer = path
    const saved = value<ReportExport>(
      await t.api['report:exportCsv']({ from: '2026-01', to: '2026-03', k: 3 }),
    )
    expect(saved).toMatchObject({ format: 'csv', fileName: 'verantwoording.csv', k: 3 })
    const text = readFileSync(path, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain('Welzijn Noord')
    expect(text).toContain('Wijk;K1 2026;Totaal')
    expect(text).toContain('Noord;<3;<3')
    expect(text).toContain('Werkwijze')
    expect(text).not.toContain('Ans')
    expect(value<ReportExport[]>(await t.api['report:exports'](undefined))).toEqual([saved])

    t.platform.fileDialog.saveAnswer = null
    expect(
      value(await t.api['report:exportCsv']({ from: '2026-01', to: '2026-03', k: 3 })),
    ).toBeNull()
    expect(value<ReportExport[]>(await t.api['report:exports'](undefined))).toHaveLength(1)
  })
})

describe('CSV export and formulas', () => {
  it('never carries a formula: wijk names, passions, themes, her organisation and her stories', async () => {
    const wijk = '=HYPERLINK("https://example.org/?"&A1,"Klik hier")'
    const passion = "=cmd|' /C calc'!A0"
    const theme = '+1+1'
    const initiative = value<{ id: string }>(
      await t.api['initiatives:create']({ name: 'Kookclub', kind: 'activiteit', themes: [theme] }),
    )
    for (const firstName of ['An', 'Bo', 'Cor']) {
      const created = value<{ id: string }>(
        await t.api['people:create']({
          firstName,
          wijk,
          tags: [{ kind: 'passion', name: passion }],
          moment: { date: '2026-02-01', channel: 'straat' },
        }),
      )
      value(
        await t.api['connections:create']({
          personId: created.id,
          initiativeId: initiative.id,
          date: '2026-02-02',
        }),
      )
    }
    value(await t.api['settings:update']({ workerName: '', organisation: '@SUM(1,2)' }))
    const path = join(t.dir.path, 'verantwoording.csv')
    t.platform.fileDialog.saveAnswer = path
    value(
      await t.api['report:exportCsv']({
        from: '2026-01',
        to: '2026-03',
        k: 3,
        narrative: '-2+3 buren kwamen mee koken.\n\t=1+1',
      }),
    )
    const cells = Papa.parse<string[]>(readFileSync(path, 'utf8').slice(1), { delimiter: ';' })
      .data.flat()
      .filter(Boolean)
    for (const hostile of [wijk, passion, theme, '@SUM(1,2)', '-2+3 buren kwamen mee koken.']) {
      expect(cells, hostile).toContain(`'${hostile}`)
    }
    // Whatever Excel would run: nothing, only text that starts with the apostrophe.
    const formulas = cells.filter((cell) => /^[\s\u00a0]*[=+\-@\t\r]/.test(cell))
    expect(formulas).toEqual([])
  })
})

describe('PDF export', () => {
  it('prints an A4 PDF with the organisation, period, wijken, charts and method, and logs it', async () => {
    for (const name of ['An', 'Bo', 'Cor', 'Dea', 'Eef', 'Fien']) {
      await person(name, 'Noord', ['2026-01-10', '2026-02-10'])
    }
    await person('Gijs', 'Zuid', ['2026-03-05'])
    value(await t.api['settings:update']({ workerName: '', organisation: 'Welzijn Noord' }))
    const path = join(t.dir.path, 'verantwoording.pdf')
    t.platform.fileDialog.saveAnswer = path
    const saved = value<ReportExport>(
      await t.api['report:exportPdf']({ from: '2026-01', to: '2026-03', k: 5 }),
    )
    expect(saved).toMatchObject({ format: 'pdf', fileName: 'verantwoording.pdf', k: 5 })
    expect(t.platform.fileDialog.requests.at(-1)).toMatchObject({
      filters: [{ name: 'PDF-document', extensions: ['pdf'] }],
      defaultName: 'verantwoording-2026-01-2026-03.pdf',
    })
    const bytes = readFileSync(path)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // A4: 595 × 842 points.
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45][.\d]* 84[12][.\d]*\]/)
    const text = await pdfText(bytes)
    for (const expected of [
      'Welzijn Noord',
      'Verantwoording: januari 2026 – maart 2026',
      'Wijken: Alle wijken',
      'Bewoners bereikt',
      '<5',
      'Werkwijze',
      'Opgesteld in juli 2026',
    ]) {
      expect(text).toContain(expected)
    }
    // The charts, drawn from the protected cells: a table whose counts are all hidden or zero has
    // none (here: residents reached, where Zuid's one resident hides Noord too).
    const charts = [
      ...t.platform.printed[0]!.matchAll(/<svg class="chart"[^>]*aria-label="([^"]+)"/g),
    ]
    expect(charts.map((match) => match[1])).toEqual([
      'Nieuwe bewoners',
      'Contactmomenten',
      // All "niet vastgelegd": the row's total shows where the wijken's cells hide.
      'Bewoners bereikt, per route (aangemeld door)',
      'Contactmomenten per kanaal',
      'Toestemming (bewoners bereikt)',
    ])
    for (const name of ['An', 'Bo', 'Cor', 'Dea', 'Eef', 'Fien', 'Gijs']) {
      expect(text).not.toMatch(new RegExp(`\\b${name}\\b`))
    }
    expect(value<ReportExport[]>(await t.api['report:exports'](undefined))).toEqual([saved])
  }, 30_000)

  it('prints nothing when she cancels, and saves nothing when printing fails', async () => {
    t.platform.fileDialog.saveAnswer = null
    expect(value(await t.api['report:exportPdf']({ from: '2026-01', to: '2026-03' }))).toBeNull()
    expect(t.platform.printed).toEqual([])

    const path = join(t.dir.path, 'kapot.pdf')
    t.platform.fileDialog.saveAnswer = path
    t.platform.printToPdf = () => Promise.reject(new Error('printer on fire'))
    const result = await t.api['report:exportPdf']({ from: '2026-01', to: '2026-03' })
    expect(result).toMatchObject({
      ok: false,
      error: { message: 'Het bestand kon niet worden gemaakt. Er is niets geëxporteerd.' },
    })
    t.unexpected.length = 0
    expect(existsSync(path)).toBe(false)
    expect(value<ReportExport[]>(await t.api['report:exports'](undefined))).toEqual([])
  })
})

describe('reports of overlapping periods on one day', () => {
  it('refuses to export a report cut differently next to one exported earlier that day', async () => {
    await person('Ans', 'Noord', ['2026-01-10', '2026-03-02'])
    const csv = (name: string) => {
      t.platform.fileDialog.saveAnswer = join(t.dir.path, name)
      return join(t.dir.path, name)
    }
    csv('kwartaal.csv')
    const first = value<ReportExport>(
      await t.api['report:exportCsv']({ from: '2026-01', to: '2026-03' }),
    )

    // January–February next to January–March gives March away, whatever either hides.
    const twoMonths = { from: '2026-01', to: '2026-02' }
    const report = value<Report>(await t.api['report:build'](twoMonths))
    expect(report.blockedBy).toEqual(first)
    const path = csv('twee-maanden.csv')
    const refused = await t.api['report:exportCsv'](twoMonths)
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } })
    if (!refused.ok) {
      expect(refused.error.message).toContain(
        'Vandaag is al een verantwoording geëxporteerd over januari 2026 – maart 2026 (Alle wijken, k = 5).',
      )
    }
    expect(existsSync(path)).toBe(false)
    t.unexpected.length = 0
    // Another k, rounding, breakdown or set of wijken over the same period: refused too.
    const [noord] = value<{ id: string }[]>(await t.api['wijken:list'](undefined))
    for (const other of [
      { k: 3 },
      { roundTo5: true },
      { breakdown: 'month' },
      { wijkIds: [noord!.id] },
    ]) {
      const result = await t.api['report:exportPdf']({ from: '2026-01', to: '2026-03', ...other })
      expect(result, JSON.stringify(other)).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      })
    }
    t.unexpected.length = 0

    // The same settings again, or a period that does not overlap: fine.
    csv('nog-eens.csv')
    value(
      await t.api['report:exportCsv']({
        from: '2026-01',
        to: '2026-03',
        narrative: 'Anders verteld.',
      }),
    )
    csv('tweede-kwartaal.csv')
    value(await t.api['report:exportCsv']({ from: '2026-04', to: '2026-06' }))
    // The next day (in Amsterdam), January–February may go.
    t.clock.set('2026-07-02T06:00:00.000Z')
    expect(value<Report>(await t.api['report:build'](twoMonths)).blockedBy).toBeNull()
    csv('twee-maanden.csv')
    value(await t.api['report:exportCsv'](twoMonths))
    expect(value<ReportExport[]>(await t.api['report:exports'](undefined))).toHaveLength(4)
  })
})

describe('her own stories', () => {
  it('flags names, streets, phone numbers and e-mail addresses from the ledger', async () => {
    value(
      await t.api['people:create']({
        firstName: 'Fatima',
        lastName: 'Amrani',
        street: 'Laan van Vollenhove',
        houseNumber: '3',
      }),
    )
    value(await t.api['people:create']({ firstName: 'Jo', street: 'Kerkstraat' }))
    const findings = value<{ kind: string; text: string }[]>(
      await t.api['report:checkNarrative']({
        text: 'Fätima uit de laan van Vollenhove belde 06-12345678 en mailde f@example.nl. Jo kwam ook, van de kerkstraat.',
      }),
    )
    expect(findings).toEqual([
      { kind: 'email', text: 'f@example.nl' },
      { kind: 'phone', text: '06-12345678' },
      { kind: 'name', text: 'Fätima' },
      { kind: 'street', text: 'laan van Vollenhove' },
      { kind: 'street', text: 'kerkstraat' },
    ])
    expect(
      value(
        await t.api['report:checkNarrative']({
          text: 'Een buurvrouw vond via de wandelgroep weer aansluiting.',
        }),
      ),
    ).toEqual([])
  })

  it('prints her story in the report and the CSV', async () => {
    const report = value<Report>(
      await t.api['report:build']({
        from: '2026-01',
        to: '2026-03',
        narrative: 'Een mooi kwartaal.',
      }),
    )
    expect(report.narrative).toBe('Een mooi kwartaal.')
    expect(reportCsv(report)).toContain('Verhalen uit de wijk\r\nEen mooi kwartaal.')
  })
})

const generatedWijken = ['w-noord', 'w-zuid']
const generatedChannels = ['portiek', 'straat', 'telefoon'] as const

/**
 * A small random ledger from a seed: names, streets, phone numbers, e-mail addresses and notes
 * all carry a secret that must never reach an output. Returns those secrets and the request.
 */
async function generatedLedger(seed: number, k: 3 | 5 | 10, breakdown: 'month' | 'quarter') {
  const db = t.ctx.store.db
  await sql`INSERT OR IGNORE INTO wijk (id, name, name_key, created_at) VALUES
    ('w-noord', 'Noord', 'noord', 'x'), ('w-zuid', 'Zuid', 'zuid', 'x')`.execute(db)
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  await sql`INSERT OR IGNORE INTO tag (id, kind, name, name_key, created_at) VALUES
    ('t-walk', 'theme', 'wandelen', 'wandelen', 'x'), ('t-cook', 'theme', 'koken', 'koken', 'x')`.execute(
    db,
  )
  await sql`INSERT OR IGNORE INTO initiative (id, name, name_key, kind, created_at, updated_at)
    VALUES ('i-walk', 'Stappers', 'stappers', 'activiteit', 'x', 'x'),
      ('i-both', 'Kookloop', 'kookloop', 'activiteit', 'x', 'x')`.execute(db)
  await sql`INSERT OR IGNORE INTO initiative_tag (initiative_id, tag_id) VALUES
    ('i-walk', 't-walk'), ('i-both', 't-walk'), ('i-both', 't-cook')`.execute(db)
  await sql`DELETE FROM person`.execute(db)
  const secrets: string[] = []
  const people = 1 + Math.floor(random() * 12)
  for (let p = 0; p < people; p++) {
    const secret = `Zq${seed.toString(36)}x${p}`
    secrets.push(secret, `${secret}straat`, `06${String(seed).padStart(8, '0').slice(-8)}`)
    const wijk = random() < 0.1 ? null : pick(generatedWijken)
    const route = pick(generatedRoutes)
    await sql`INSERT INTO person (id, first_name, last_name, name_key, street, phone, email,
      note, wijk_id, availability, consent_status, referred_by, status, created_at, updated_at)
      VALUES (${`p${p}`}, ${secret}, ${secret}, ${secret.toLowerCase()}, ${`${secret}straat`},
      ${`06${String(seed).padStart(8, '0').slice(-8)}`}, ${`${secret}@example.nl`},
      ${`notitie ${secret}`}, ${wijk}, ${Math.floor(random() * 2 ** 21)},
      ${pick(['not_asked', 'verbal', 'written'])}, ${route}, 'active', 'x', 'x')`.execute(db)
    const moments = Math.floor(random() * 4)
    for (let m = 0; m < moments; m++) {
      const month = 1 + Math.floor(random() * (breakdown === 'month' ? 2 : 6))
      await sql`INSERT INTO contact_moment (id, person_id, date, channel, note, created_at)
        VALUES (${`m${p}_${m}`}, ${`p${p}`}, ${`2026-0${month}-1${m}`}, ${pick(generatedChannels)},
        ${`gesprek ${secret}`}, 'x')`.execute(db)
    }
  }
  // Connections to two initiatives (one with two themes), each asked once or twice what it brought.
  const answers = ['yes', 'somewhat', 'no']
  for (let p = 0; p < people; p++) {
    if (random() < 0.3) continue
    const initiative = pick(['i-walk', 'i-both'])
    await sql`INSERT INTO connection (id, person_id, initiative_id, date, proposed_by, status,
      status_date, note, created_at, updated_at) VALUES (${`c${p}`}, ${`p${p}`}, ${initiative},
      '2026-01-05', 'ik', 'actief', '2026-01-05', ${`verbinding ${secrets[p * 3]}`}, 'x', 'x')`.execute(
      db,
    )
    const asked = 1 + Math.floor(random() * 2)
    for (let o = 0; o < asked; o++) {
      const month = 1 + Math.floor(random() * (breakdown === 'month' ? 2 : 6))
      await sql`INSERT INTO connection_outcome (id, connection_id, date, going, met_people,
        gives_back, created_at) VALUES (${`o${p}_${o}`}, ${`c${p}`}, ${`2026-0${month}-2${o}`},
        ${pick(answers)}, ${pick(answers)}, ${random() < 0.4 ? null : pick(answers)},
        ${`2026-0${month}-2${o}T10:00:00.000Z`})`.execute(db)
    }
  }
  const request = reportRequestSchema.parse({
    from: '2026-01',
    to: breakdown === 'month' ? '2026-02' : '2026-06',
    breakdown,
    k,
  })
  return { secrets, request }
}

/** Routes from her list, one a sheet spelled its own way, one not in the list, and none. */
const generatedRoutes = ['Zelf', 'Wijkteam', 'huisarts', 'Bibliotheek', null]

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 })
const ks = fc.constantFrom<3 | 5 | 10>(3, 5, 10)
const breakdowns = fc.constantFrom('quarter' as const, 'month' as const)

describe('disclosure control over generated ledgers', () => {
  it('never shows a count below k, never lets a hidden one be worked out, never names anyone', async () => {
    const db = t.ctx.store.db
    let checkedCells = 0
    const checkedIn = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(seeds, ks, breakdowns, async (seed, k, breakdown) => {
        const { secrets, request } = await generatedLedger(seed, k, breakdown)
        const raw = await collectTables(db, request, '2026-07-01')
        for (const rawTable of raw) {
          const shown = protect(rawTable, k, false)
          for (const row of [...shown.rows, ...(shown.totals ? [shown.totals] : [])]) {
            for (const cell of [...row.cells, row.total]) {
              if (cell?.kind === 'count') expect(cell.value === 0 || cell.value >= k).toBe(true)
              // A share only beside a count, of a total the row shows.
              if (cell?.kind === 'count' && cell.share !== undefined) {
                expect(row.total?.kind).toBe('count')
              }
            }
          }
          if (!rawTable.rowsAdd && !rawTable.columnsAdd) continue
          for (const [cell, values] of possibleValues(rawTable, shown, k)) {
            checkedCells++
            checkedIn.set(rawTable.id, (checkedIn.get(rawTable.id) ?? 0) + 1)
            expect(values.size, `${rawTable.id} ${cell} seed ${seed}`).toBeGreaterThan(1)
          }
        }
        const report = await buildReport(db, request, t.clock.now(), '2026-07-01')
        // The CSV, and the document the PDF is printed from (every character the PDF can hold).
        for (const output of [reportCsv(report), reportDocument(report)]) {
          for (const secret of secrets) expect(output).not.toContain(secret)
          expect(output).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/)
        }
      }),
      { numRuns: 1000 },
    )
    // The property has teeth: many hidden cells were actually solved for.
    expect(checkedCells).toBeGreaterThan(1000)
    // The tables of routes among them.
    expect(checkedIn.get('routes')).toBeGreaterThan(100)
    for (const question of ['going', 'metPeople', 'givesBack']) {
      expect(checkedIn.get(`outcome-${question}`)).toBeGreaterThan(100)
    }
  }, 240_000)

  it('prints PDFs whose text names no one (Chromium’s PDF, read back with pdf.js)', async () => {
    await fc.assert(
      fc.asyncProperty(seeds, ks, breakdowns, async (seed, k, breakdown) => {
        const { secrets, request } = await generatedLedger(seed, k, breakdown)
        const report = await buildReport(t.ctx.store.db, request, t.clock.now(), '2026-07-01')
        const text = await pdfText(await t.platform.printToPdf(reportDocument(report)))
        expect(text).toContain('Werkwijze')
        for (const secret of secrets) expect(text).not.toContain(secret)
      }),
      // Each PDF starts a browser (about half a second): a sample, where the document itself is
      // checked for all 1,000 ledgers above.
      { numRuns: 20 },
    )
  }, 120_000)
})
