import { sql } from 'kysely'
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../store/store'
import { emptyPeopleIndexes, fillStep } from './people'
import type { IndexJob, IndexOutcome } from './thread'

/**
 * The indexing thread (see thread.ts): reads every person from its own connection, in one read
 * transaction (the store as it was when it began), into both people indexes, and hands them over
 * as typed arrays, moved rather than copied. The main thread answers her window meanwhile.
 */
const job = workerData as IndexJob
const db = openDatabase(job.path, job.key)
try {
  // It reads every page once, in order: a small page cache does (the main thread keeps its own).
  await sql`PRAGMA cache_size = -2048`.execute(db)
  const indexes = emptyPeopleIndexes()
  const people = await db.transaction().execute(async (trx) => {
    let after = ''
    let count = 0
    for (;;) {
      const read = await fillStep(trx, indexes, after, job.chunk)
      count += read.length
      if (read.length < job.chunk) return count
      after = read.at(-1)!
    }
  })
  indexes.search.pack()
  indexes.matching.pack()
  const search = indexes.search.snapshot()
  const matching = indexes.matching.snapshot()
  // Both were filled with the same people in the same order, so a person has the same slot in
  // each: her id and name key go once (a message copies every string it carries).
  const same = (a: readonly unknown[], b: readonly unknown[]) =>
    a.length === b.length && a.every((value, i) => value === b[i])
  const sameSlots =
    same(search.snapshot.ids, matching.snapshot.ids) &&
    same(search.snapshot.sortKeys, matching.snapshot.sortKeys)
  const outcome: IndexOutcome = {
    ok: true,
    people,
    search: search.snapshot,
    matching: sameSlots ? { ...matching.snapshot, ids: [], sortKeys: [] } : matching.snapshot,
    sameSlots,
  }
  parentPort?.postMessage(outcome, [...search.transfer, ...matching.transfer])
} catch (error) {
  parentPort?.postMessage({ ok: false, detail: (error as Error).message } satisfies IndexOutcome)
} finally {
  await db.destroy()
}
