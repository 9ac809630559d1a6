import type { Kysely, Transaction } from 'kysely'
import type { PrivacyLogEntry, PrivacyLogKind } from '../../shared/privacy'
import { newId } from '../store/ids'
import type { Database } from '../store/schema'

/**
 * What she did under the AVG and when (an inzage, an erasure, anonymising, keeping, the trash
 * emptied): what her privacy officer may ask to see. Never contents, and the person only while he
 * is in the ledger (erasing him empties the link).
 */
export async function logPrivacy(
  db: Kysely<Database> | Transaction<Database>,
  kind: PrivacyLogKind,
  at: Date,
  count: number,
  personId: string | null = null,
): Promise<void> {
  await db
    .insertInto('privacy_log')
    .values({ id: newId(at.getTime()), at: at.toISOString(), kind, person_id: personId, count })
    .execute()
}

/** The log, newest first (the last 200). */
export async function listPrivacyLog(db: Kysely<Database>): Promise<PrivacyLogEntry[]> {
  return db
    .selectFrom('privacy_log')
    .select(['id', 'at', 'kind', 'count'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute()
}
