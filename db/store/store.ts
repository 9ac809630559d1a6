import { closeSync, openSync, readSync } from 'node:fs'
import SQLite from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
import { nl } from '../../shared/i18n/nl'
import { translate } from '../../shared/i18n/messages'
import { bulkInsert, type BulkInsert } from './bulk'
import { StoreError } from './errors'
import { migrate } from './migrate'
import type { Database } from './schema'

export interface Store {
  db: Kysely<Database>
  /** Many rows into a table inside a transaction of `db` (an import's; see bulk.ts). */
  bulk: BulkInsert
  path: string
  encrypted: boolean
  /**
   * Copies the WAL into the file and truncates it (after an erase: with secure_delete on, no page
   * of the file or its WAL still holds what was erased).
   */
  checkpoint(): void
  /**
   * Rewrites the whole file from the live rows (VACUUM), then checkpoints. Deleted cells are zeroed
   * (secure_delete), but a b-tree page rebuilt when cells move between pages keeps old copies of
   * them in its unused space: only a rewrite is sure to leave nothing of an erased resident. About
   * 30 ms per MB here (4 s for a 100k ledger), so db/privacy/scrub.ts decides when.
   */
  scrub(): void
  close(): Promise<void>
}

const plainSqliteHeader = Buffer.from('SQLite format 3\0', 'latin1')

/** True when the file does not start with SQLite's plaintext header, i.e. page 1 is ciphertext. */
export function fileLooksEncrypted(path: string): boolean {
  const header = Buffer.alloc(plainSqliteHeader.length)
  const fd = openSync(path, 'r')
  try {
    const read = readSync(fd, header, 0, header.length, 0)
    return read === header.length && !header.equals(plainSqliteHeader)
  } finally {
    closeSync(fd)
  }
}

const isHexKey = (key: string) => /^[0-9a-f]{64}$/i.test(key)

/**
 * Opens (or creates) the encrypted SQLite file at `path` with a 256-bit key given as 64 hex
 * characters and sets the pragmas. SQLCipher-compatible encryption from the first byte. Most callers
 * want `openStore`, which also brings the schema up to date.
 */
export function openDatabase(path: string, key: string): Kysely<Database> {
  return openSqlite(path, key).db
}

function openSqlite(path: string, key: string): { db: Kysely<Database>; sqlite: SQLite.Database } {
  if (!isHexKey(key)) throw new Error('openStore: key must be 64 hexadecimal characters')
  let sqlite: SQLite.Database
  try {
    sqlite = new SQLite(path)
  } catch (error) {
    throw new StoreError(
      'store_unavailable',
      translate(nl, 'errors.storeUnavailable', { reason: (error as Error).message }),
      { cause: error },
    )
  }
  try {
    sqlite.pragma(`cipher = 'sqlcipher'`)
    sqlite.pragma('legacy = 4')
    // A raw key (x'…') skips the key derivation: the key is random bytes already, not a password.
    sqlite.pragma(`key = "x'${key}'"`)
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_schema').get()
    } catch (error) {
      throw new StoreError('store_wrong_key', translate(nl, 'errors.storeWrongKey'), {
        cause: error,
      })
    }
    sqlite.pragma('journal_mode = WAL')
    // FULL: every committed change is on disk before the call returns. Writes here are a person at a
    // time, so the extra fsync costs little and a power cut never takes a just-saved resident.
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    // A deleted row's bytes are overwritten, not only unlinked: an erased resident must be gone
    // from every page (the AVG's erasure; see db/privacy/erase.ts). Costs a little on deletes.
    sqlite.pragma('secure_delete = ON')
    // 32 MiB of page cache (SQLite's default is 2 MiB): the name and address indexes of a ledger of
    // 100k people are larger than that, and with encryption every miss is a read and a decryption.
    sqlite.pragma('cache_size = -32768')
  } catch (error) {
    sqlite.close()
    throw error
  }
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  })
  return { db, sqlite }
}

const statementCacheSize = 256

/**
 * Kysely's SQLite driver prepares every statement anew; a save runs about fifteen, and preparing
 * them was a third of its time. Statements are kept by their SQL text (bounded, oldest out first);
 * SQLite prepares a kept statement again by itself when a migration changes the schema.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare: (sql) => {
      let statement = cache.get(sql)
      if (!statement) {
        statement = sqlite.prepare(sql)
        if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value!)
        cache.set(sql, statement)
      }
      return statement
    },
  }
}

/** Opens the store (see `openDatabase`) and runs pending migrations. */
export async function openStore(path: string, key: string): Promise<Store> {
  const { db, sqlite } = openSqlite(path, key)
  try {
    await migrate(db as unknown as Kysely<unknown>)
  } catch (error) {
    await db.destroy()
    throw error
  }
  return {
    db,
    bulk: bulkInsert(sqlite),
    path,
    encrypted: fileLooksEncrypted(path),
    checkpoint: () => {
      sqlite.pragma('wal_checkpoint(TRUNCATE)')
    },
    scrub: () => {
      sqlite.exec('VACUUM')
      sqlite.pragma('wal_checkpoint(TRUNCATE)')
    },
    close: () => db.destroy(),
  }
}
