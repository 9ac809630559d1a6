import { join } from 'node:path'
import fc from 'fast-check'
import { CompiledQuery, sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../db/store/schema'
import { firstContacts } from '../../db/report/collect'
import { collectTables } from '../../db/report/tables'
import { openStore, type Store } from '../../db/store/store'
import { bucketOf, reportRequestSchema } from '../../shared/report'
import { makeTempDir } from '../support/platform'
import { ensurePerson, kept, recount } from '../support/tallies'

/**
 * The report's tallies (migration 0007) are derived data kept by triggers. After any sequence of
 * changes, made straight in SQL so that no write path of the app is assumed, they must equal what
 * a count over contact_moment gives.
 */

let dir: ReturnType<typeof makeTempDir>
let store: Store
beforeEach(async () => {
  dir = makeTempDir()
  store = await openStore(join(dir.path, 'tallies.db'), 'ab'.repeat(32))
  await sql`INSERT INTO wijk (id, name, name_key, created_at) VALUES
    ('w1', 'Noord', 'noord', 'x'), ('w2', 'Zuid', 'zuid', 'x')`.execute(store.db)
})
afterEach(async () => {
  await store.close()
  dir.remove()
})

const people = ['p1', 'p2', 'p3', 'p4']
const wijk = fc.constantFrom<string | null>('w1', 'w2', null)
const date = fc
  .record({
    year: fc.constantFrom(2025, 2026),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(
    ({ year, month, day }) =>
      `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  )
const channel = fc.constantFrom('straat', 'telefoon', 'huisbezoek')
const breakdown = fc.constantFrom('month' as const, 'quarter' as const)
const person = fc.constantFrom(...people)
const moment = fc.integer({ min: 0, max: 19 }).map((n) => `m${n}`)

const change = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: moment, person, date, channel }),
  fc.record({ kind: fc.constant('remove' as const), id: moment }),
  fc.record({ kind: fc.constant('redate' as const), id: moment, date }),
  fc.record({ kind: fc.constant('rechannel' as const), id: moment, channel }),
  fc.record({ kind: fc.constant('reassign' as const), id: moment, person }),
  fc.record({ kind: fc.constant('move' as const), person, wijk }),
  fc.record({ kind: fc.constant('trash' as const), person }),
  fc.record({ kind: fc.constant('restore' as const), person }),
  fc.record({ kind: fc.constant('purge' as const), person }),
)
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never

async function apply(db: Kysely<Database>, c: Change) {
  switch (c.kind) {
    case 'add':
      await ensurePerson(db, c.person)
      await sql`INSERT OR IGNORE INTO contact_moment (id, person_id, date, channel, created_at)
        VALUES (${c.id}, ${c.person}, ${c.date}, ${c.channel}, 'x')`.execute(db)
      return
    case 'remove':
      await sql`DELETE FROM contact_moment WHERE id = ${c.id}`.execute(db)
      return
    case 'redate':
      await sql`UPDATE contact_moment SET date = ${c.date} WHERE id = ${c.id}`.execute(db)
      return
    case 'rechannel':
      await sql`UPDATE contact_moment SET channel = ${c.channel} WHERE id = ${c.id}`.execute(db)
      return
    case 'reassign':
      await ensurePerson(db, c.person)
      await sql`UPDATE contact_moment SET person_id = ${c.person} WHERE id = ${c.id}`.execute(db)
      return
    case 'move':
      await sql`UPDATE person SET wijk_id = ${c.wijk} WHERE id = ${c.person}`.execute(db)
      return
    case 'trash':
      await sql`UPDATE person SET deleted_at = 'x' WHERE id = ${c.person}`.execute(db)
      return
    case 'restore':
      await sql`UPDATE person SET deleted_at = NULL WHERE id = ${c.person}`.execute(db)
      return
    case 'purge':
      await sql`DELETE FROM person WHERE id = ${c.person}`.execute(db)
      return
  }
}

describe('the report tallies the triggers keep', () => {
  it('equal a count over the contact moments after any changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 40 }), async (changes) => {
        await sql`DELETE FROM person`.execute(store.db)
        for (const c of changes) await apply(store.db, c)
        expect(await kept(store.db)).toEqual(await recount(store.db))
      }),
      { numRuns: 300 },
    )
  })
})

describe('the report’s counts from the tallies', () => {
  it('equal counts made the plain way, for any period up to five years', async () => {
    const moments = fc.array(
      fc.record({
        person: fc.integer({ min: 0, max: 5 }),
        year: fc.integer({ min: 2023, max: 2027 }),
        month: fc.integer({ min: 1, max: 12 }),
      }),
      { maxLength: 30 },
    )
    const monthOf = fc.record({
      year: fc.integer({ min: 2023, max: 2027 }),
      month: fc.integer({ min: 1, max: 12 }),
    })
    // "First met" as she typed it, per resident: none, or a day before, on or after the 15th, the
    // day every moment here falls on, so a resident is new by the earlier of the two.
    const firstMet = fc.array(
      fc.option(fc.record({ at: monthOf, day: fc.constantFrom('01', '15', '28') })),
      { minLength: 6, maxLength: 6 },
    )
    const ym = ({ year, month }: { year: number; month: number }) =>
      `${year}-${String(month).padStart(2, '0')}`
    await fc.assert(
      fc.asyncProperty(
        moments,
        firstMet,
        monthOf,
        monthOf,
        breakdown,
        async (list, met, a, b, breakdownChoice) => {
          const [from, to] = [ym(a), ym(b)].sort() as [string, string]
          const request = reportRequestSchema.safeParse({ from, to, breakdown: breakdownChoice })
          if (!request.success) return // over five years: refused before any counting
          await sql`DELETE FROM person`.execute(store.db)
          for (let p = 0; p < 6; p++) await ensurePerson(store.db, `p${p}`)
          await sql`UPDATE person SET wijk_id = 'w2' WHERE id IN ('p1', 'p3')`.execute(store.db)
          for (const [p, day] of met.entries()) {
            if (!day) continue
            await sql`UPDATE person SET first_met_on = ${`${ym(day.at)}-${day.day}`}
              WHERE id = ${`p${p}`}`.execute(store.db)
          }
          for (const [i, m] of list.entries()) {
            await sql`INSERT INTO contact_moment (id, person_id, date, channel, created_at)
              VALUES (${`m${i}`}, ${`p${m.person}`}, ${`${ym(m)}-15`}, 'straat', 'x')`.execute(
              store.db,
            )
          }
          // The plain way: every moment in the period, one by one.
          const inPeriod = list.filter((m) => ym(m) >= from && ym(m) <= to)
          const wijkOf = (person: number) => (person === 1 || person === 3 ? 'w2' : 'w1')
          const reached = new Map<string, Set<number>>()
          const counted = new Map<string, number>()
          for (const m of inPeriod) {
            const cell = `${wijkOf(m.person)} ${bucketOf(ym(m), request.data.breakdown)}`
            reached.set(cell, (reached.get(cell) ?? new Set()).add(m.person))
            counted.set(cell, (counted.get(cell) ?? 0) + 1)
          }
          // New residents: the first of "first met" and the first moment, when in the period.
          const added = new Map<string, number>()
          for (let p = 0; p < 6; p++) {
            const day = met[p]
            const metOn = day ? `${ym(day.at)}-${day.day}` : '9999'
            const first = [
              metOn,
              ...list.filter((m) => m.person === p).map((m) => `${ym(m)}-15`),
            ].sort()[0]!
            if (first.slice(0, 7) < from || first.slice(0, 7) > to) continue
            const cell = `${wijkOf(p)} ${bucketOf(first.slice(0, 7), request.data.breakdown)}`
            added.set(cell, (added.get(cell) ?? 0) + 1)
          }
          const tables = await collectTables(store.db, request.data, '2028-01-01')
          const cells = (id: string) => {
            const table = tables.find((t) => t.id === id)!
            const found = new Map<string, number>()
            for (const row of table.rows) {
              row.values.forEach((value, c) => {
                if (value) found.set(`${row.key} ${table.columns[c]!.key}`, value)
              })
            }
            return found
          }
          const sizes = new Map([...reached].map(([cell, people]) => [cell, people.size]))
          expect(cells('reached')).toEqual(sizes)
          expect(cells('moments')).toEqual(counted)
          expect(cells('new')).toEqual(added)
          const periodTotal = tables.find((t) => t.id === 'reached')!.totals!.total
          expect(periodTotal).toBe(new Set(inPeriod.map((m) => m.person)).size)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('the report’s new residents', () => {
  it('come from the tally of months and the index of “first met”, never from every resident’s row', async () => {
    const query = firstContacts({ start: '2026-01-01', end: '2027-01-01' }).compile(store.db)
    const { rows } = await store.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
    )
    const plan = rows.map((r) => r.detail).join('\n')
    // With a cold cache a look at every person row took 100 ms at 100k, most of a report's margin.
    expect(plan).toContain('SEARCH p USING INDEX person_first_met')
    expect(plan).not.toMatch(/SCAN p\b/)
  })
})
