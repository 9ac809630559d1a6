import { join } from 'node:path'
import { createInitiative } from '../../db/connect/initiatives'
import { matchInitiative } from '../../db/connect/matching'
import { suggestForPerson } from '../../db/connect/suggestions'
import { buildPeopleIndexes } from '../../db/search/people'
import { buildInitiativeIndex } from '../../db/connect/initiatives'
import { openStore } from '../../db/store/store'
import { initiativeFieldsSchema } from '../../shared/connect'
import { slots, type Slot } from '../../shared/ledger'
import type { NewPerson } from '../../shared/person'
import { makeTempDir } from '../support/platform'
import { fill } from './fill'
import { seededRandom, syntheticPeople } from './ledger'
import { megabytes, percentile, round, timeEach, type Figure } from './measure'

const wishes = ['Graag wandelen in het park', 'Iets met koken', 'Samen zingen', '', '', '']

/** The synthetic ledger, with day parts free and a wish for some (from a random of its own). */
function* peopleWithTime(count: number): Generator<NewPerson> {
  const random = seededRandom(99)
  for (const person of syntheticPeople(count, 21)) {
    const free: Slot[] = slots.filter(() => random() < 0.15)
    const wish = wishes[Math.floor(random() * wishes.length)]!
    yield { ...person, availability: free, ...(wish ? { wish } : {}) }
  }
}

/**
 * Matching an initiative against 100k people: the tag index finds those with a theme, the search
 * index those who write it; all of them are scored and the best 30 returned.
 */
export async function matchBench(): Promise<Figure[]> {
  const dir = makeTempDir('sprokkelaar-bench-')
  const store = await openStore(join(dir.path, 'match.db'), '7c'.repeat(32))
  try {
    await fill(store, peopleWithTime(100_000))
    const index = (await buildPeopleIndexes(store.db)).matching
    const now = new Date('2026-03-02T09:00:00Z')
    const initiatives = await Promise.all(
      [
        {
          name: 'Wandelgroep',
          kind: 'activiteit',
          themes: ['Wandelen'],
          meets: ['tue-morning'],
          wijk: 'Noord',
        },
        {
          name: 'Buurtkeuken',
          kind: 'activiteit',
          themes: ['Koken', 'Bakken'],
          meets: ['wed-evening'],
        },
        { name: 'Taalcafé', kind: 'plek', themes: ['Taalles geven', 'Voorlezen'], meets: [] },
      ].map(
        async (fields) =>
          (await createInitiative(store.db, initiativeFieldsSchema.parse(fields), now)).value,
      ),
    )
    const initiativeIndex = await buildInitiativeIndex(store.db)
    let found = 0
    const rounds = 40
    const samples = await timeEach(rounds * initiatives.length, async (i) => {
      const result = await matchInitiative(
        store.db,
        index,
        {
          id: initiatives[i % initiatives.length]!.id,
          wijkId: undefined,
          consent: 'any',
          limit: 30,
        },
        '2026-03-02',
      )
      found = Math.max(found, result.now.length)
    })
    if (found < 30) throw new Error('match bench: expected full pages of matches')
    const someone = await store.db.selectFrom('person').select('id').limit(50).execute()
    const personSamples = await timeEach(someone.length, (i) =>
      suggestForPerson(store.db, initiativeIndex, index, someone[i]!.id, '2026-03-02'),
    )
    return [
      { id: 'match.initiative.p50_ms@100k', value: round(percentile(samples, 50)), unit: 'ms' },
      {
        id: 'match.initiative.p95_ms@100k',
        value: round(percentile(samples, 95)),
        unit: 'ms',
        target: 50,
      },
      { id: 'match.person.p95_ms@100k', value: round(percentile(personSamples, 95)), unit: 'ms' },
      { id: 'match.rss_mb@100k', value: megabytes(process.memoryUsage().rss), unit: 'MB' },
    ]
  } finally {
    await store.close()
    dir.remove()
  }
}
