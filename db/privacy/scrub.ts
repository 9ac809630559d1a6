import { statSync } from 'node:fs'
import type { Kysely, Transaction } from 'kysely'
import { getSetting, setSetting } from '../ledger/settings'
import type { Log } from '../platform/log'
import type { Database } from '../store/schema'
import type { Store } from '../store/store'

/**
 * After an erase or anonymisation the live tables and indexes hold nothing of them, and deleted
 * cells are zeroed. But SQLite, when it moves cells between b-tree pages, leaves old copies in the
 * unused space of the page they left, and secure_delete does not reach those: the property test over
 * generated ledgers found an erased resident's follow-up there. Rewriting the file from the live rows
 * (Store.scrub, a VACUUM) is what removes them. It takes about 30 ms per MB: done at once for a
 * ledger up to `scrubAtOnceBytes`, otherwise marked pending and done in the daily privacy round and
 * when the app quits, and said so in the verwerkingsregister.
 */

const pendingKey = 'scrubPending'

/** 16 MiB: about 12,000 residents, half a second of rewriting. */
export const scrubAtOnceBytes = 16 * 1024 * 1024

/** Inside the erase's transaction: the file must be rewritten before it is clean. */
export const markScrubPending = (trx: Transaction<Database>) => setSetting(trx, pendingKey, '1')

export const scrubPending = async (db: Kysely<Database>) =>
  (await getSetting(db, pendingKey)) === '1'

/** Rewrites the file if an erase asked for it; answers whether it did. */
export async function scrubIfPending(store: Store, log?: Log): Promise<boolean> {
  if (!(await scrubPending(store.db))) return false
  const started = performance.now()
  store.scrub()
  await setSetting(store.db, pendingKey, '0')
  store.checkpoint()
  log?.info('store.scrubbed', { ms: Math.round(performance.now() - started) })
  return true
}

/** Right after an erase: at once for a small ledger, else left for the round or the quit. */
export async function scrubAfterErase(store: Store, atOnceBytes = scrubAtOnceBytes): Promise<void> {
  if (statSync(store.path).size <= atOnceBytes) await scrubIfPending(store)
}
