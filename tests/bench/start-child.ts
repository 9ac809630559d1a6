import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { createApi } from '../../db/api'
import { openContext } from '../../db/context'
import type { Result } from '../../shared/result'
import { indexerChild } from '../../db/platform/indexer-child'
import { nodePlatform, TestClock } from '../support/platform'

/**
 * One start of the app's main side in a process of its own, on a ledger on disk: the store opened,
 * then what the first screen asks (Vandaag with its counts, the sidebar's badge, the first page of
 * Bewoners with its count), then the wait for the search indexes. Prints one JSON line.
 */
const dataDir = process.argv[2]!
// Bundled by start.bench.ts as the app's main process is, with the indexer beside it.
const indexerEntry = new URL(process.argv[3]!)
const ok = (result: Result<unknown>) => {
  if (!result.ok) throw new Error(`start bench: ${result.error.code}`)
}
// The indexer's own peak, read as it is stopped (it has answered by then): its memory is the
// machine's while it fills, beside this process's.
let indexerPeak = 0
const startIndexer = () => {
  const indexer = indexerChild(indexerEntry)
  return {
    ...indexer,
    stop: () => {
      indexerPeak = Math.max(indexerPeak, peakRss(indexer.pid))
      indexer.stop()
    },
  }
}
const started = performance.now()
const ctx = await openContext({
  ...nodePlatform(dataDir, new TestClock(new Date('2026-04-01T09:00:00Z'))),
  startIndexer,
})
const api = createApi(ctx)
ok(await api['followups:today'](undefined))
ok(await api['followups:summary'](undefined))
ok(await api['people:list']({ scope: 'active', filter: {}, limit: 200, offset: 0 }))
const firstScreen = performance.now() - started
// A search while the indexes still fill: answered from the store.
const searchStarted = performance.now()
ok(await api['people:search']({ query: 'jansen' }))
const earlySearch = performance.now() - searchStarted
// From here, how long the event loop is held up while the indexes fill (the hand-over included):
// what she would feel as a stall.
const stalls = monitorEventLoopDelay({ resolution: 5 })
stalls.enable()
await ctx.indexing.ready
const ready = performance.now() - started
stalls.disable()
;(globalThis as { gc?: () => void }).gc?.()
const { rss, heapUsed } = process.memoryUsage()
// The indexes' typed arrays. The indexer has ended by now (`ready` waits for it): this process is
// all the app holds.
const indexBytes = ctx.search.footprint.arrayBytes + ctx.matching.footprint.arrayBytes
// Asked for, the resident memory once she has left it alone a while (V8 and the allocator may give
// pages back to the OS some seconds later).
const settle = Number(process.argv[4] ?? 0)
let settledRss = rss
if (settle > 0) {
  await new Promise((resolve) => setTimeout(resolve, settle))
  settledRss = process.memoryUsage().rss
}
await ctx.store.close()
console.log(
  JSON.stringify({
    firstScreen,
    earlySearch,
    ready,
    build: ctx.indexing.tookMs,
    handOver: ctx.indexing.handOverMs,
    longestStall: stalls.max / 1e6,
    rss,
    settledRss,
    indexerPeak,
    heapUsed,
    indexBytes,
    by: ctx.indexing.by,
    people: ctx.search.size,
  }),
)

/** A process's peak resident memory in bytes (Linux: VmHWM), or 0 where it cannot be read. */
function peakRss(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024
  } catch {
    return 0
  }
}
