import { performance } from 'node:perf_hooks'
import { createApi } from '../../db/api'
import { openContext } from '../../db/context'
import type { PeopleSearchResult } from '../../shared/people-query'
import { displayName, type NewPerson } from '../../shared/person'
import type { Result } from '../../shared/result'
import { makeTempDir, nodePlatform, TestClock } from '../support/platform'
import { fill } from './fill'
import { seededRandom } from './ledger'
import { percentile, round, type Figure } from './measure'
import { realisticPeople } from './realistic'
import { typo } from './search.bench'

/**
 * Search as she uses it, on a ledger with a town's vocabulary (`realistic.ts`), through the API as
 * the window calls it: 100 results, sometimes a wijk filter, the rows read from SQL; every query
 * new to the index (no warm match cache from repeating them). Then typing a full name letter by
 * letter, each keystroke a search. Recall: a full name with a typo in the last name, the person in
 * the top ten.
 */
export async function searchAppBench(people = 100_000): Promise<Figure[]> {
  const at = `@${people / 1000}k`
  const target = (value: number) => (people === 100_000 ? value : undefined)
  const dir = makeTempDir('sprokkelaar-bench-')
  const platform = nodePlatform(dir.path, new TestClock(new Date('2026-04-01T09:00:00Z')))
  const filling = await openContext(platform)
  const ledger: NewPerson[] = [...realisticPeople(people, 5)]
  await fill(filling.store, ledger)
  await filling.store.close()
  const ctx = await openContext(platform)
  await ctx.indexing.ready
  try {
    const api = createApi(ctx)
    const ids = new Map<string, string>()
    for (const row of await ctx.store.db
      .selectFrom('person')
      .select(['id', 'first_name', 'last_name', 'street', 'house_number'])
      .execute()) {
      ids.set(`${row.first_name}|${row.last_name}|${row.street}|${row.house_number}`, row.id)
    }
    const idOf = (p: NewPerson) =>
      ids.get(`${p.firstName}|${p.lastName}|${p.street}|${p.houseNumber}`)!
    const wijken = (await ctx.store.db.selectFrom('wijk').select('id').execute()).map((w) => w.id)
    const random = seededRandom(77)
    const search = async (query: string, wijkId?: string) => {
      const started = performance.now()
      const result: Result<unknown> = await api['people:search']({
        query,
        limit: 100,
        ...(wijkId ? { filter: { wijkId } } : {}),
      })
      const ms = performance.now() - started
      if (!result.ok) throw new Error(`search bench: ${result.error.code}`)
      return { ms, hits: result.value as PeopleSearchResult[] }
    }

    const times: number[] = []
    let found = 0
    let typos = 0
    for (let i = 0; i < 240; i++) {
      const person = ledger[Math.floor(random() * ledger.length)]!
      const last = person.lastName!
      const wijkId = i % 5 === 0 ? wijken[i % wijken.length] : undefined
      switch (i % 6) {
        case 0:
          times.push((await search(last.slice(0, 3 + (i % 2)), wijkId)).ms)
          break
        case 1:
          times.push((await search(displayName(person), wijkId)).ms)
          break
        case 2: {
          const { ms, hits } = await search(`${person.firstName} ${typo(last, random)}`)
          times.push(ms)
          typos++
          if (hits.slice(0, 10).some((hit) => hit.person.id === idOf(person))) found++
          break
        }
        case 3:
          times.push((await search(`${person.street} ${person.houseNumber}`, wijkId)).ms)
          break
        case 4:
          times.push((await search(typo(person.street!, random))).ms)
          break
        default:
          times.push((await search(last.slice(0, 1 + (i % 2)))).ms)
      }
    }

    const typing: number[] = []
    for (let i = 0; i < 20; i++) {
      const name = displayName(ledger[Math.floor(random() * ledger.length)]!)
      for (let n = 1; n <= name.length; n++) typing.push((await search(name.slice(0, n))).ms)
    }
    return [
      {
        id: `search.app.p95_ms${at}`,
        value: round(percentile(times, 95), 1),
        unit: 'ms',
        target: target(5),
      },
      { id: `search.app.p50_ms${at}`, value: round(percentile(times, 50), 1), unit: 'ms' },
      {
        id: `search.typing.p95_ms${at}`,
        value: round(percentile(typing, 95), 1),
        unit: 'ms',
        target: target(16),
      },
      { id: `search.typing.p99_ms${at}`, value: round(percentile(typing, 99), 1), unit: 'ms' },
      {
        id: `search.app.recall10${at}`,
        value: round(found / typos),
        unit: 'ratio',
        target: target(1),
        better: 'higher',
      },
    ]
  } finally {
    await ctx.store.close()
    dir.remove()
  }
}
