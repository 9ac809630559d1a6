import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { storeFileName } from '../../db/context'
import type { Initiative } from '../../shared/connect'
import type { PersonDetail } from '../../shared/person-detail'
import type { PeopleSearchResult } from '../../shared/people-query'
import { useApi, value } from '../support/api'
import { decryptedStore, decryptedWal, holdsAny } from '../support/sqlcipher'
import { kept, recount } from '../support/tallies'

/**
 * Echt verwijderen, over generated ledgers: residents with every kind of data (fields, tags,
 * moments with notes, follow-ups, connections to an initiative and to each other, consent, a report
 * story naming them), some of them erased or anonymised at random. Afterwards nothing of theirs is
 * in any table, nor in any byte of the store file or its WAL (decrypted with the key, and raw);
 * everyone else is as they were, and the report's counts are lowered by exactly theirs (erase) or
 * the same (anonymise).
 */

const t = useApi()

const token = fc.stringMatching(/^[a-z]{8}$/)
const month = fc.integer({ min: 1, max: 2 }).map((m) => `2026-0${m}`)
const resident = fc.record({
  token,
  wijk: fc.constantFrom('Noord', 'Zuid'),
  moments: fc.array(
    fc.record({
      month,
      day: fc.integer({ min: 10, max: 28 }),
      channel: fc.constantFrom('straat', 'telefoon', 'portiek'),
    }),
    { maxLength: 3 },
  ),
  trashed: fc.boolean(),
  connectTo: fc.nat(),
})
type Ledger = {
  people: ResidentInput[]
  chosen: number[]
  settled: boolean
}
const ledger: fc.Arbitrary<Ledger> = fc
  .uniqueArray(resident, { minLength: 3, maxLength: 7, selector: (r) => r.token })
  .chain((people) =>
    fc.record({
      people: fc.constant(people),
      chosen: fc.subarray(
        people.map((_, i) => i),
        { minLength: 1 },
      ),
      // Written long ago: in the store file itself, not only in the WAL.
      settled: fc.boolean(),
    }),
  )

/** What names or locates one generated resident: the texts that must be gone. */
const traces = (tok: string, n: number) => ({
  firstName: `Voor${tok}`,
  lastName: `Achter${tok}`,
  street: `Straat${tok}`,
  phone: `06-${String(10_000_000 + n).slice(-8)}`,
  email: `${tok}@example.nl`,
  note: `Notitie${tok}`,
  momentNote: `Gesprek${tok}`,
  followUp: `Bellen${tok}`,
  consentWords: `Woorden${tok}`,
  connectionNote: `Samen${tok}`,
})
const allTraces = (tok: string, n: number) => Object.values(traces(tok, n))

let made = 0

async function makeResident(r: ResidentInput) {
  const n = made++
  const trace = traces(r.token, n)
  const person = value<PersonDetail>(
    await t.api['people:create']({
      firstName: trace.firstName,
      lastName: trace.lastName,
      street: trace.street,
      houseNumber: '1',
      phone: trace.phone,
      email: trace.email,
      note: trace.note,
      wijk: r.wijk,
      tags: [{ kind: 'passion', name: 'wandelen' }],
      consentStatus: 'verbal',
      followUpPick: '1m',
    }),
  )
  // One already late: the report counts it.
  value(
    await t.api['followups:create']({
      personId: person.id,
      dueOn: '2026-02-01',
      reason: trace.followUp,
    }),
  )
  for (const m of r.moments) {
    value(
      await t.api['moments:add']({
        personId: person.id,
        date: `${m.month}-${m.day}`,
        channel: m.channel,
        note: trace.momentNote,
      }),
    )
  }
  return { id: person.id, n, token: r.token, trashed: r.trashed, connectTo: r.connectTo }
}
type ResidentInput = {
  token: string
  wijk: string
  moments: { month: string; day: number; channel: string }[]
  trashed: boolean
  connectTo: number
}

/** Every row of every table, as text. */
async function tableText(): Promise<string> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(
    t.ctx.store.db,
  )
  const parts: string[] = []
  for (const { name } of tables) {
    parts.push(
      JSON.stringify((await sql.raw(`SELECT * FROM "${name}"`).execute(t.ctx.store.db)).rows),
    )
  }
  return parts.join('\n')
}

/** The bytes of the store and its WAL: decrypted page by page with the key, and as they lie. */
async function storeBytes() {
  const path = join(t.platform.dataDir, storeFileName)
  const { key } = await t.platform.storeKey()
  return {
    decrypted: Buffer.concat([decryptedStore(path, key), decryptedWal(path, key)]),
    raw: Buffer.concat([
      readFileSync(path),
      ...(() => {
        try {
          return [readFileSync(`${path}-wal`)]
        } catch {
          return []
        }
      })(),
    ]),
  }
}

/** Each of these residents' moments per wijk, month and channel: what the tally holds of theirs. */
async function theirTally(ids: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await sql<{ key: string; n: number }>`
    SELECT coalesce(p.wijk_id, '') || ' ' || substr(m.date, 1, 7) || ' ' || m.channel AS key,
      count(*) AS n
    FROM contact_moment m JOIN person p ON p.id = m.person_id
    WHERE p.deleted_at IS NULL AND p.id IN (${sql.join(ids)}) GROUP BY 1`.execute(t.ctx.store.db)
  return new Map(rows.map((row) => [row.key, row.n]))
}

const tallyMap = (rows: string[]) =>
  new Map(
    rows.map((row) => {
      const at = row.lastIndexOf(' ')
      return [row.slice(0, at), Number(row.slice(at + 1))] as const
    }),
  )

async function setUp(people: ResidentInput[]) {
  const made = []
  for (const r of people) made.push(await makeResident(r))
  const club = value<Initiative>(
    await t.api['initiatives:create']({
      name: `Club ${made[0]!.token}`,
      kind: 'activiteit',
      contactPersonId: made[0]!.id,
    }),
  )
  for (const [i, r] of made.entries()) {
    const other = made[r.connectTo % made.length]!
    value(
      await t.api['connections:create']({
        personId: r.id,
        initiativeId: club.id,
        date: '2026-02-01',
      }),
    )
    if (other.id !== r.id) {
      value(
        await t.api['connections:create']({
          personId: r.id,
          otherPersonId: other.id,
          date: '2026-02-02',
          note: traces(r.token, r.n).connectionNote,
        }),
      )
    }
    value(
      await t.api['consent:record']({
        personId: r.id,
        purpose: 'share',
        given: i % 2 === 0,
        date: '2026-01-01',
        how: 'mondeling',
        words: traces(r.token, r.n).consentWords,
      }),
    )
  }
  // A story about each, linked to them and naming them: an erased one's name goes from it.
  for (const r of made) {
    const { firstName, lastName, street } = traces(r.token, r.n)
    value(
      await t.api['stories:save']({
        title: `Over ${firstName}`,
        text: `${firstName} ${lastName} van de ${street} kookt nu mee.`,
        personIds: [r.id],
      }),
    )
  }
  // Her story names them all: the erased ones must go from it.
  t.platform.fileDialog.saveAnswer = null
  const story = made.map((r) => traces(r.token, r.n).firstName).join(' en ') + ' kwamen koken.'
  const csv = join(t.platform.dataDir, `verantwoording-${made[0]!.token}.csv`)
  t.platform.fileDialog.saveAnswer = csv
  value(await t.api['report:exportCsv']({ from: '2026-01', to: '2026-02', k: 3, narrative: story }))
  for (const r of made) if (r.trashed) value(await t.api['people:trash']({ id: r.id }))
  return made
}

const otherRows = async (ids: readonly string[]) =>
  (
    await sql`SELECT * FROM person WHERE id IN (${sql.join(ids)}) ORDER BY id`.execute(
      t.ctx.store.db,
    )
  ).rows

/** The erase property, over `parameters` (fast-check's: how many runs, which seed). */
async function eraseLeavesNoTrace(parameters: fc.Parameters<[Ledger]>) {
  const erasedTraces: string[] = []
  await fc.assert(
    fc.asyncProperty(ledger, async ({ people, chosen, settled }) => {
      const made = await setUp(people)
      if (settled) t.ctx.store.checkpoint()
      const erased = chosen.map((i) => made[i]!)
      const kept_ = made.filter((r) => !erased.includes(r))
      const everyoneElse = (
        await sql<{ id: string }>`SELECT id FROM person`.execute(t.ctx.store.db)
      ).rows
        .map((row) => row.id)
        .filter((id) => !erased.some((r) => r.id === id))
      const before = await otherRows(everyoneElse)
      const tallyBefore = tallyMap((await kept(t.ctx.store.db)).tally)
      const theirs = await theirTally(erased.map((r) => r.id))
      const bytesBefore = await storeBytes()
      // The check can see them: their traces are in the decrypted pages before.
      expect(
        holdsAny(bytesBefore.decrypted, [traces(erased[0]!.token, erased[0]!.n).note]),
      ).toHaveLength(1)

      expect(value(await t.api['privacy:erase']({ ids: erased.map((r) => r.id) }))).toEqual({
        count: erased.length,
      })
      erasedTraces.push(...erased.flatMap((r) => allTraces(r.token, r.n)))

      const text = await tableText()
      expect(erasedTraces.filter((trace) => text.includes(trace))).toEqual([])
      const bytes = await storeBytes()
      expect(holdsAny(bytes.decrypted, erasedTraces)).toEqual([])
      expect(holdsAny(bytes.raw, erasedTraces)).toEqual([])
      for (const r of erased) {
        const found = value<PeopleSearchResult[]>(
          await t.api['people:search']({ query: `Voor${r.token}` }),
        )
        expect(found).toEqual([])
      }
      // Everyone else exactly as they were; the report's tallies less exactly theirs.
      expect(await otherRows(everyoneElse)).toEqual(before)
      const expected = new Map(tallyBefore)
      for (const [key, n] of theirs) expected.set(key, (expected.get(key) ?? 0) - n)
      for (const [key, n] of expected) if (n === 0) expected.delete(key)
      expect(tallyMap((await kept(t.ctx.store.db)).tally)).toEqual(expected)
      expect(await kept(t.ctx.store.db)).toEqual(await recount(t.ctx.store.db))
      // Someone kept is still found.
      if (kept_[0] && !kept_[0].trashed) {
        const found = value<PeopleSearchResult[]>(
          await t.api['people:search']({ query: `Voor${kept_[0].token}` }),
        )
        expect(found.map((hit) => hit.person.id)).toEqual([kept_[0].id])
      }
    }),
    parameters,
  )
}

describe('echt verwijderen', () => {
  it('leaves no trace in any table or byte of the store and its WAL; others and counts are theirs', async () => {
    await eraseLeavesNoTrace({ numRuns: 8 })
  }, 120_000)

  // The ledgers of this seed once left an erased resident's follow-up in the unused space of a page
  // SQLite had rebuilt when cells moved between pages, where secure_delete does not reach: only the
  // rewrite of the file (db/privacy/scrub.ts) removed it. Replayed so it cannot come back unseen.
  it('leaves nothing in the unused space of pages rebuilt when cells moved (seed -1191316672)', async () => {
    await eraseLeavesNoTrace({ numRuns: 8, seed: -1191316672 })
  }, 120_000)

  it('anonymising leaves nothing that names them, and the report counts the same', async () => {
    await fc.assert(
      fc.asyncProperty(ledger, async ({ people, chosen, settled }) => {
        const made = await setUp(people)
        if (settled) t.ctx.store.checkpoint()
        const gone = chosen.map((i) => made[i]!).filter((r) => !r.trashed)
        if (gone.length === 0) return
        const tallyBefore = await kept(t.ctx.store.db)
        const report = await t.api['report:build']({ from: '2026-01', to: '2026-02', k: 3 })
        expect(value(await t.api['privacy:anonymise']({ ids: gone.map((r) => r.id) }))).toEqual({
          count: gone.length,
        })
        const goneTraces = gone.flatMap((r) => allTraces(r.token, r.n))
        const text = await tableText()
        expect(goneTraces.filter((trace) => text.includes(trace))).toEqual([])
        expect(holdsAny((await storeBytes()).decrypted, goneTraces)).toEqual([])
        expect(await kept(t.ctx.store.db)).toEqual(tallyBefore)
        const after = await t.api['report:build']({ from: '2026-01', to: '2026-02', k: 3 })
        expect(value<{ tables: unknown }>(after).tables).toEqual(
          value<{ tables: unknown }>(report).tables,
        )
      }),
      { numRuns: 4 },
    )
  }, 120_000)
})
