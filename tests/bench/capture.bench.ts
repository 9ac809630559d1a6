import { join } from 'node:path'
import { createPerson } from '../../db/ledger/people'
import { openStore } from '../../db/store/store'
import { at } from '../support/ledger'
import { makeTempDir } from '../support/platform'
import { fill, take } from './fill'
import { syntheticPeople } from './ledger'
import { megabytes, percentile, round, timeEach, type Figure } from './measure'

/** Saving one person after a round: 3 tags and a contact moment, one durable transaction. */
export async function captureBench(): Promise<Figure[]> {
  const dir = makeTempDir('sprokkelaar-bench-')
  const store = await openStore(join(dir.path, 'capture.db'), '6b'.repeat(32))
  const people = syntheticPeople(101_000, 11)
  const saves = 500
  const figures: Figure[] = []
  try {
    let size = 0
    for (const target of [10_000, 100_000]) {
      await fill(store, take(people, target - size))
      const samples = await timeEach(saves, () =>
        createPerson(store.db, people.next().value!, at()),
      )
      size = target + saves
      const label = `@${target / 1000}k`
      figures.push(
        {
          id: `capture.save_person.p50_ms${label}`,
          value: round(percentile(samples, 50)),
          unit: 'ms',
        },
        {
          id: `capture.save_person.p95_ms${label}`,
          value: round(percentile(samples, 95)),
          unit: 'ms',
          target: 2,
        },
      )
    }
    figures.push({
      id: 'capture.rss_mb@100k',
      value: megabytes(process.memoryUsage().rss),
      unit: 'MB',
    })
    return figures
  } finally {
    await store.close()
    dir.remove()
  }
}
