import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openContext } from '../../db/context'
import { makeTempDir, nodePlatform, TestClock } from '../support/platform'
import { fill } from './fill'
import { syntheticPeople } from './ledger'
import { megabytes, percentile, round, type Figure } from './measure'

const people = 100_000

/** What `start-child.ts` prints. */
interface Started {
  firstScreen: number
  earlySearch: number
  ready: number
  build: number
  rss: number
  people: number
}
const runs = 5

/** Empties the OS's file cache, where this machine allows it (as root on Linux). */
function dropCaches(): boolean {
  try {
    execFileSync('sync')
    writeFileSync('/proc/sys/vm/drop_caches', '3')
    return true
  } catch {
    return false
  }
}

/**
 * Starting with a 100k-resident ledger made through the app's own writes (tags, a moment, follow-
 * ups), each start a new process (`start-child.ts`): the first screen (the store opened, Vandaag's
 * counts and rows, the badge, the first page of Bewoners and its count), a search answered while
 * the indexes still fill, and the indexes full. Warm (the file in the OS's cache) and cold (the
 * cache emptied first, where allowed).
 */
export async function startBench(): Promise<Figure[]> {
  const dir = makeTempDir('sprokkelaar-bench-')
  try {
    const filled = await openContext(
      nodePlatform(dir.path, new TestClock(new Date('2026-04-01T09:00:00Z'))),
    )
    await fill(filled.store, syntheticPeople(people, 31))
    await filled.indexing.ready
    await filled.store.close()
    const start = (cold: boolean) => {
      const dropped = cold && dropCaches()
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'start-child.ts'), dir.path],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      )
      const line = out.trim().split('\n').at(-1)!
      return { ...(JSON.parse(line) as Started), dropped }
    }
    start(false) // warms the file cache and tsx's
    const warm = Array.from({ length: runs }, () => start(false))
    const cold = Array.from({ length: 2 }, () => start(true))
    const p = (samples: { [key: string]: number | boolean }[], key: string, q = 50) =>
      round(
        percentile(
          samples.map((s) => s[key] as number),
          q,
        ),
        0,
      )
    if (warm.some((run) => run['people'] !== people))
      throw new Error('start bench: index incomplete')
    return [
      {
        id: 'start.first_screen_ms@100k',
        value: p(warm, 'firstScreen', 95),
        unit: 'ms',
        target: 1000,
      },
      { id: 'start.first_screen_p50_ms@100k', value: p(warm, 'firstScreen'), unit: 'ms' },
      {
        id: cold[0]!.dropped
          ? 'start.first_screen_cold_ms@100k'
          : 'start.first_screen_cold_ms@100k (cache not emptied)',
        value: round(Math.max(...cold.map((run) => run.firstScreen)), 0),
        unit: 'ms',
      },
      { id: 'start.early_search_ms@100k', value: p(warm, 'earlySearch', 95), unit: 'ms' },
      { id: 'start.index_ready_ms@100k', value: p(warm, 'ready'), unit: 'ms' },
      // Apart from search.build_ms@100k (the search suite's, from records in memory).
      { id: 'start.index_build_ms@100k', value: p(warm, 'build'), unit: 'ms' },
      { id: 'start.rss_mb@100k', value: megabytes(p(warm, 'rss')), unit: 'MB', target: 250 },
    ]
  } finally {
    dir.remove()
  }
}
