import { closeSync, openSync, readSync } from 'node:fs'
import SQLite from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { nl } from '../shared/i18n/nl'
import { translate } from '../shared/i18n/messages'
import { StoreError } from './errors'
import { migrate } from './migrate'
import type { Database } from './schema'

export interface Store {
  db: Kysely<Database>
  path: string
  encrypted: boolean
  close(): Promise<void>
}

export interface OpenStoreOptions {
  /**
   * Path to a build of the SQLite addon for this runtime. The Electron shell passes its own build;
   * under Node (tests, benchmarks, harness) the one in node_modules is used.
   */
  nativeBinding?: string
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
 * Opens (or creates) the encrypted store at `path` with a 256-bit key given as 64 hex characters,
 * sets the pragmas and runs pending migrations. SQLCipher-compatible encryption from the first byte.
 */
export async function openStore(
  path: string,
  key: string,
  options: OpenStoreOptions = {},
): Promise<Store> {
  if (!isHexKey(key)) throw new Error('openStore: key must be 64 hexadecimal characters')
  let sqlite: SQLite.Database
  try {
    sqlite = new SQLite(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
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
  } catch (error) {
    sqlite.close()
    throw error
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    await migrate(db as unknown as Kysely<unknown>)
  } catch (error) {
    await db.destroy()
    throw error
  }
  return {
    db,
    path,
    encrypted: fileLooksEncrypted(path),
    close: () => db.destroy(),
  }
}
