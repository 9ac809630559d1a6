import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { createApi } from '../../db/api'
import { openContext } from '../../db/context'
import type { BulkOutcome, MergeOutcome } from '../../shared/bulk'
import type { Result } from '../../shared/result'
import { makeTempDir, nodePlatform, TestClock } from '../support/platform'
import { fill } from './fill'
import { syntheticPeople } from './ledger'
import { megabytes, percentile, round, timeEach, type Figure } from './measure'

const people = 100_000
const selected = 10_000
const merges = 40

/**
 * Bulk actions and merging in a 100k-resident ledger made through the app's own writes, opened as
 * the app opens it (search indexes built from the store), each measured through the API as the
 * window calls it: the transaction, the count, the undo kept, and the search and matching indexes
 * brought up to date for everyone changed.
 * - `bulk.label.s@10k`: a new label on 10k selected residents (median of three labels);
 * - its undo, and archiving the same 10k;
 * - `merge.p95_ms@100k`: two records merged into one (their moments, follow-ups, tags moved), 40
 *   different pairs, and each undone.
 */
export async function bulkBench(): Promise<Figure[]> {
  const dir = makeTempDir('sprokkelaar-bench-')
  const platform = nodePlatform(dir.path, new TestClock(new Date('2026-04-01T09:00:00.000Z')))
  const filled = await openContext(platform)
  await fill(filled.store, syntheticPeople(people, 29))
  await filled.store.close()
  const ctx = await openContext(platform)
  try {
    const api = createApi(ctx)
    const ids = (
      await sql<{ id: string }>`SELECT id FROM person ORDER BY name_key, id`.execute(ctx.store.db)
    ).rows.map((row) => row.id)
    const selection = { ids: ids.filter((_, i) => i % 10 === 0).slice(0, selected) }

    const outcomes: BulkOutcome[] = []
    const label = await timeEach(3, async (i) => {
      const outcome = ok<BulkOutcome>(
        await api['bulk:apply']({
          selection,
          action: { kind: 'label', tag: { kind: 'theme', name: `Buurtfeest ${i}` } },
        }),
      )
      if (outcome.changed !== selected) throw new Error('bulk label incomplete')
      outcomes.push(outcome)
    })
    const undo = await timeEach(1, async () => {
      ok(await api['bulk:undo']({ id: outcomes[0]!.undoId }))
    })
    const archive = await timeEach(1, async () => {
      ok(await api['bulk:apply']({ selection, action: { kind: 'archive', archived: true } }))
    })

    // Pairs apart from the selection: each a different resident and the next one in name order.
    const pairs = Array.from({ length: merges }, (_, i) => [ids[1 + i * 7]!, ids[2 + i * 7]!])
    // Each undone before the next: the undo log keeps the newest twenty steps.
    const merged: MergeOutcome[] = []
    const merge: number[] = []
    const unmerge: number[] = []
    for (const [keepId, otherId] of pairs) {
      const start = performance.now()
      const outcome = ok<MergeOutcome>(
        await api['people:merge']({ keepId, otherId, fromOther: ['email', 'phone'] }),
      )
      const between = performance.now()
      ok(await api['bulk:undo']({ id: outcome.undoId }))
      unmerge.push(performance.now() - between)
      merge.push(between - start)
      merged.push(outcome)
    }
    const moved = merged.reduce((sum, m) => sum + m.moved.moments + m.moved.followUps, 0)
    const rss = process.memoryUsage().rss
    return [
      {
        id: 'bulk.label.s@10k',
        value: round(percentile(label, 50) / 1000, 2),
        unit: 's',
        target: 1,
      },
      { id: 'bulk.label.max_s@10k', value: round(Math.max(...label) / 1000, 2), unit: 's' },
      { id: 'bulk.undo.s@10k', value: round(undo[0]! / 1000, 2), unit: 's' },
      { id: 'bulk.archive.s@10k', value: round(archive[0]! / 1000, 2), unit: 's' },
      { id: 'merge.p95_ms@100k', value: round(percentile(merge, 95), 1), unit: 'ms', target: 50 },
      { id: 'merge.p50_ms@100k', value: round(percentile(merge, 50), 1), unit: 'ms' },
      { id: 'merge.moved_rows', value: moved, unit: 'rows' },
      { id: 'merge.undo.p95_ms@100k', value: round(percentile(unmerge, 95), 1), unit: 'ms' },
      { id: 'bulk.rss_mb@100k', value: megabytes(rss), unit: 'MB' },
    ]
  } finally {
    await ctx.store.close()
    dir.remove()
  }
}

function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`bulk bench: ${result.error.code} ${result.error.message}`)
  return result.value as T
}
