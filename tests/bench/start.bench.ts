import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build, type BuildOptions } from 'esbuild'
import { openContext } from '../../db/context'
import { makeTempDir, nodePlatform, TestClock } from '../support/platform'
import { fill } from './fill'
import { syntheticPeople } from './ledger'
import { megabytes, percentile, round, type Figure } from './measure'

/** What `start-child.ts` prints. */
interface Started {
  firstScreen: number
  earlySearch: number
  ready: number
  build: number
  handOver: number
  longestStall: number
  rss: number
  settledRss: number
  indexerPeak: number
  heapUsed: number
  indexBytes: number
  by: string
  people: number
}

/**
 * The child and the indexer bundled as the app's main process is (electron-vite), so that
 * memory is the app's and not a TypeScript loader's: into out/bench, where the tests' platform
 * still finds package.json two folders up.
 */
async function bundle(): Promise<{ child: string; indexer: string; remove(): void }> {
  const root = new URL('../../', import.meta.url)
  const folder = new URL('out/bench/', root)
  const options: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The native module stays a package; printing (Playwright) is never reached at start.
    external: ['better-sqlite3-multiple-ciphers', '@playwright/test'],
    logLevel: 'warning',
  }
  const child = new URL('start-child.mjs', folder)
  const indexer = new URL('indexer.mjs', folder)
  await build({
    ...options,
    entryPoints: [join(import.meta.dirname, 'start-child.ts')],
    outfile: child.pathname,
  })
  await build({
    ...options,
    entryPoints: [new URL('db/search/worker.ts', root).pathname],
    outfile: indexer.pathname,
  })
  return {
    child: child.pathname,
    indexer: indexer.href,
    remove: () => rmSync(folder, { recursive: true, force: true }),
  }
}
const runs = 5
/**
 * How long a start is left alone before its memory is read again. V8 keeps the pages of a heap it
 * no longer needs in a pool for reuse, and gives them back to the OS some seconds later (8 s: when
 * the indexes were filled in a worker thread, its heap's pages stayed in this process that long).
 */
const settleMs = 12_000

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
 * Starting with a ledger of `people` residents made through the app's own writes (tags, a moment, follow-
 * ups), each start a new process (`start-child.ts`): the first screen (the store opened, Vandaag's
 * counts and rows, the badge, the first page of Bewoners and its count), a search answered while
 * the indexes still fill, and the indexes full. Warm (the file in the OS's cache) and cold (the
 * cache emptied first, where allowed).
 */
export async function startBench(people = 100_000): Promise<Figure[]> {
  const at = `@${people / 1000}k`
  // Targets are the issue's, for 100k; other sizes show how the cost grows.
  const target = (value: number) => (people === 100_000 ? value : undefined)
  const dir = makeTempDir('sprokkelaar-bench-')
  try {
    const filled = await openContext(
      nodePlatform(dir.path, new TestClock(new Date('2026-04-01T09:00:00Z'))),
    )
    await fill(filled.store, syntheticPeople(people, 31))
    await filled.indexing.ready
    await filled.store.close()
    const bundled = await bundle()
    const start = (cold: boolean, settle = 0) => {
      const dropped = cold && dropCaches()
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', bundled.child, dir.path, bundled.indexer, String(settle)],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      )
      const line = out.trim().split('\n').at(-1)!
      return { ...(JSON.parse(line) as Started), dropped }
    }
    start(false) // warms the file cache
    const warm = Array.from({ length: runs }, () => start(false))
    const cold = Array.from({ length: 2 }, () => start(true))
    // One more warm start, left alone for 12 s after the indexes are ready.
    const settled = start(false, settleMs)
    bundled.remove()
    type Measured = { [K in keyof Started]: Started[K] extends number ? K : never }[keyof Started]
    const p = (samples: Started[], key: Measured, q = 50) =>
      round(
        percentile(
          samples.map((s) => s[key]),
          q,
        ),
        0,
      )
    if (warm.some((run) => run.people !== people || run.by !== 'process'))
      throw new Error('start bench: index incomplete, or not filled by its process')
    return [
      {
        id: `start.first_screen_ms${at}`,
        value: p(warm, 'firstScreen', 95),
        unit: 'ms',
        target: target(1000),
      },
      { id: `start.first_screen_p50_ms${at}`, value: p(warm, 'firstScreen'), unit: 'ms' },
      {
        id: cold[0]!.dropped
          ? `start.first_screen_cold_ms${at}`
          : `start.first_screen_cold_ms${at} (cache not emptied)`,
        value: round(Math.max(...cold.map((run) => run.firstScreen)), 0),
        unit: 'ms',
      },
      { id: `start.early_search_ms${at}`, value: p(warm, 'earlySearch', 95), unit: 'ms' },
      { id: `start.index_ready_ms${at}`, value: p(warm, 'ready'), unit: 'ms' },
      // Apart from search.build_ms (the search suite's, from records in memory).
      { id: `start.index_build_ms${at}`, value: p(warm, 'build'), unit: 'ms' },
      // The main thread's share: taking over the indexer's indexes, and its longest stall meanwhile.
      {
        id: `search.load_ms${at}`,
        value: p(warm, 'handOver', 95),
        unit: 'ms',
        target: target(500),
      },
      { id: `start.longest_stall_ms${at}`, value: p(warm, 'longestStall', 95), unit: 'ms' },
      {
        id: `start.rss_mb${at}`,
        value: megabytes(p(warm, 'rss')),
        unit: 'MB',
        target: target(250),
      },
      // The same, 12 s later with nothing asked.
      {
        id: `start.rss_settled_mb${at}`,
        value: megabytes(settled.settledRss),
        unit: 'MB',
      },
      // The indexer's process at its fullest, while it fills (it has ended by ready).
      {
        id: `start.indexer_peak_mb${at}`,
        value: megabytes(p(warm, 'indexerPeak')),
        unit: 'MB',
      },
      // Of that: the JS heap in use, and the indexes' typed arrays.
      { id: `start.heap_used_mb${at}`, value: megabytes(p(warm, 'heapUsed')), unit: 'MB' },
      { id: `start.index_arrays_mb${at}`, value: megabytes(p(warm, 'indexBytes')), unit: 'MB' },
    ]
  } finally {
    dir.remove()
  }
}
