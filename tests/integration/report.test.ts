import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { collectTables } from '../../db/report/collect'
import { protect } from '../../db/report/protect'
import { buildReport, reportCsv } from '../../db/report/report'
import type { Report, ReportExport, ReportTable } from '../../shared/report'
import { reportRequestSchema } from '../../shared/report'
import { seededRandom } from '../bench/ledger'
import { possibleValues } from '../support/audit'
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
    expect(value(await t.api['report:exportCsv']({ from: '2026-01', to: '2026-03' }))).toBeNull()
    expect(value<ReportExport[]>(await t.api['report:exports'](undefined))).toHaveLength(1)
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

describe('disclosure control over generated ledgers', () => {
  it('never shows a count below k, never lets a hidden one be worked out, never names anyone', async () => {
    const db = t.ctx.store.db
    const wijken = ['w-noord', 'w-zuid']
    await sql`INSERT INTO wijk (id, name, name_key, created_at) VALUES
      ('w-noord', 'Noord', 'noord', 'x'), ('w-zuid', 'Zuid', 'zuid', 'x')`.execute(db)
    const channels = ['portiek', 'straat', 'telefoon'] as const
    let checkedCells = 0
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom(3, 5, 10),
        fc.constantFrom('quarter' as const, 'month' as const),
        async (seed, k, breakdown) => {
          const random = seededRandom(seed)
          const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
          await sql`DELETE FROM person`.execute(db)
          const secrets: string[] = []
          const people = 1 + Math.floor(random() * 12)
          for (let p = 0; p < people; p++) {
            const secret = `Zq${seed.toString(36)}x${p}`
            secrets.push(secret, `${secret}straat`, `06${String(seed).padStart(8, '0').slice(-8)}`)
            const wijk = random() < 0.1 ? null : pick(wijken)
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
                VALUES (${`m${p}_${m}`}, ${`p${p}`}, ${`2026-0${month}-1${m}`}, ${pick(channels)},
                ${`gesprek ${secret}`}, 'x')`.execute(db)
            }
          }
          const request = reportRequestSchema.parse({
            from: '2026-01',
            to: breakdown === 'month' ? '2026-02' : '2026-06',
            breakdown,
            k,
          })
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
          const csv = reportCsv(await buildReport(db, request, t.clock.now(), '2026-07-01'))
          for (const secret of secrets) expect(csv).not.toContain(secret)
        },
      ),
      { numRuns: 1000 },
    )
    // The property has teeth: many hidden cells were actually solved for.
    expect(checkedCells).toBeGreaterThan(1000)
  }, 240_000)
})
