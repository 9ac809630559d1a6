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
import { reportRequestSchema } from '../../shared/report'
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
  await sql`DELETE FROM person`.execute(db)
  const secrets: string[] = []
  const people = 1 + Math.floor(random() * 12)
  for (let p = 0; p < people; p++) {
    const secret = `Zq${seed.toString(36)}x${p}`
    secrets.push(secret, `${secret}straat`, `06${String(seed).padStart(8, '0').slice(-8)}`)
    const wijk = random() < 0.1 ? null : pick(generatedWijken)
    await sql`INSERT INTO person (id, first_name, last_name, name_key, street, phone, email,
      note, wijk_id, availability, consent_status, status, created_at, updated_at)
      VALUES (${`p${p}`}, ${secret}, ${secret}, ${secret.toLowerCase()}, ${`${secret}straat`},
      ${`06${String(seed).padStart(8, '0').slice(-8)}`}, ${`${secret}@example.nl`},
      ${`notitie ${secret}`}, ${wijk}, ${Math.floor(random() * 2 ** 21)},
      ${pick(['not_asked', 'verbal', 'written'])}, 'active', 'x', 'x')`.execute(db)
    const moments = Math.floor(random() * 4)
    for (let m = 0; m < moments; m++) {
      const month = 1 + Math.floor(random() * (breakdown === 'month' ? 2 : 6))
      await sql`INSERT INTO contact_moment (id, person_id, date, channel, note, created_at)
        VALUES (${`m${p}_${m}`}, ${`p${p}`}, ${`2026-0${month}-1${m}`}, ${pick(generatedChannels)},
        ${`gesprek ${secret}`}, 'x')`.execute(db)
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

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 })
const ks = fc.constantFrom<3 | 5 | 10>(3, 5, 10)
const breakdowns = fc.constantFrom('quarter' as const, 'month' as const)

describe('disclosure control over generated ledgers', () => {
  it('never shows a count below k, never lets a hidden one be worked out, never names anyone', async () => {
    const db = t.ctx.store.db
    let checkedCells = 0
    await fc.assert(
      fc.asyncProperty(seeds, ks, breakdowns, async (seed, k, breakdown) => {
        const { secrets, request } = await generatedLedger(seed, k, breakdown)
        const raw = await collectTables(db, request, '2026-07-01')
        for (const rawTable of raw) {
          const shown = protect(rawTable, k, false)
          for (const row of [...shown.rows, ...(shown.totals ? [shown.totals] : [])]) {
            for (const cell of [...row.cells, row.total]) {
              if (cell?.kind === 'count') expect(cell.value === 0 || cell.value >= k).toBe(true)
            }
          }
          if (!rawTable.rowsAdd && !rawTable.columnsAdd) continue
          for (const [cell, values] of possibleValues(rawTable, shown, k)) {
            checkedCells++
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
