import { join } from 'node:path'
import { createPerson, listPeople } from '../../db/ledger/people'
import { openStore } from '../../db/store/store'
import { at } from '../support/ledger'
import { makeTempDir } from '../support/platform'
import { fill } from './fill'
import { syntheticPeople } from './ledger'
import { megabytes, percentile, round, timeEach, type Figure } from './measure'

const key = '5a'.repeat(32)

/** Store writes one person at a time (3 tags, a moment), each its own durable transaction. */
export async function storeBench(): Promise<Figure[]> {
  const dir = makeTempDir('sprokkelaar-bench-')
  const store = await openStore(join(dir.path, 'bench.db'), key)
  try {
    const people = [...syntheticPeople(10_000, 7)]
    // Warm up: the first statements compile and the file grows.
    for (const person of people.slice(0, 200)) await createPerson(store.db, person, at())
    const inserts = await timeEach(2_000, (i) => createPerson(store.db, people[200 + i]!, at()))
    // Fill to 10k: only the list figure below needs the volume.
    await fill(store, people.slice(2_200))
    const pages = await timeEach(200, (i) =>
      listPeople(store.db, { scope: 'active', limit: 200, offset: (i * 37) % 9_800 }),
    )
    return [
      { id: 'store.insert_person.p50_ms', value: round(percentile(inserts, 50)), unit: 'ms' },
      {
        id: 'store.insert_person.p95_ms',
        value: round(percentile(inserts, 95)),
        unit: 'ms',
        target: 2,
      },
      {
        id: 'store.list_page.p95_ms@10k',
        value: round(percentile(pages, 95)),
        unit: 'ms',
        target: 20,
      },
      { id: 'store.rss_mb@10k', value: megabytes(process.memoryUsage().rss), unit: 'MB' },
    ]
  } finally {
    await store.close()
    dir.remove()
  }
}
