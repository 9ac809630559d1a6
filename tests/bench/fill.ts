import { sql } from 'kysely'
import { createPerson } from '../../db/ledger/people'
import type { Store } from '../../db/store/store'
import type { NewPerson } from '../../shared/person'
import { at } from '../support/ledger'

/**
 * Puts `people` into the store quickly (the filling is not what is measured), then checkpoints with
 * full durability, so that measuring starts on a ledger that is on disk, as hers would be, rather
 * than against the write-back of a hundred megabytes just written.
 */
export async function fill(store: Store, people: Iterable<NewPerson>): Promise<void> {
  await sql`PRAGMA synchronous = OFF`.execute(store.db)
  for (const person of people) await createPerson(store.db, person, at())
  await sql`PRAGMA synchronous = FULL`.execute(store.db)
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db)
}

/** The next `count` items of an iterator. */
export function* take<T>(items: Iterator<T>, count: number): Generator<T> {
  for (let i = 0; i < count; i++) {
    const next = items.next()
    if (next.done) return
    yield next.value
  }
}
