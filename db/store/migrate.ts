import { sql, type Kysely } from 'kysely'
import { nl } from '../../shared/i18n/nl'
import { translate } from '../../shared/i18n/messages'
import { StoreError } from './errors'
import { migrations as allMigrations, type Migration } from './migrations'

export async function schemaVersion(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)
  return rows[0]?.user_version ?? 0
}

/**
 * Brings the store up to the newest schema. All pending migrations run in one transaction with the
 * new version number, so a store is either fully upgraded or left exactly as it was. A store written
 * by a newer version is refused rather than guessed at.
 */
export async function migrate(
  db: Kysely<unknown>,
  migrations: readonly Migration[] = allMigrations,
): Promise<{ from: number; to: number }> {
  const from = await schemaVersion(db)
  const to = migrations.length
  if (from > to) {
    throw new StoreError(
      'store_too_new',
      translate(nl, 'errors.storeTooNew', { found: from, known: to }),
    )
  }
  if (from === to) return { from, to }
  await db.transaction().execute(async (trx) => {
    for (const migration of migrations.slice(from)) await migration.up(trx)
    // PRAGMA takes no bound parameters; `to` is an array length, so always a whole number.
    await sql.raw(`PRAGMA user_version = ${to}`).execute(trx)
  })
  return { from, to }
}
