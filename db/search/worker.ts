import { sql } from 'kysely'
import { childPort } from '../platform/child-port'
import { openDatabase } from '../store/store'
import type { IndexJob, IndexName, IndexReply } from './indexer'
import { emptyPeopleIndexes, fillStep } from './people'

/**
 * The indexer's own process (see indexer.ts): reads every person from its own connection, in one
 * read transaction (the store as it was when it began), into both people indexes, and hands them
 * over a field at a time. The main process answers her window meanwhile. The Electron shell runs it
 * as a utility process (Electron's `process.parentPort`), Node as a child process (`process.send`).
 */

async function fill(job: IndexJob, post: (reply: IndexReply) => void): Promise<void> {
  const db = openDatabase(job.path, job.key)
  try {
    // It reads every page once, in order: a small page cache does (the main process keeps its own).
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
    const sameSlots = same(search.ids, matching.ids) && same(search.sortKeys, matching.sortKeys)
    const pieces = (index: IndexName, snapshot: object) => {
      for (const [field, value] of Object.entries(snapshot)) {
        post({ type: 'piece', index, field, value })
      }
    }
    pieces('search', search)
    pieces('matching', sameSlots ? { ...matching, ids: [], sortKeys: [] } : matching)
    post({ type: 'done', people, sameSlots })
  } catch (error) {
    post({ type: 'failed', detail: (error as Error).message })
  } finally {
    await db.destroy()
  }
}

const to = childPort<IndexJob, IndexReply>()
to.once((job) => void fill(job, to.post))
