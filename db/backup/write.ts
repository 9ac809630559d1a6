import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3-multiple-ciphers'
import { backupExtension, encodeTrailer, type WrappedKey } from './file'

/**
 * Writing one backup, start to finish, on a connection of its own (it runs in a worker thread: see
 * worker.ts). Not the driver's `backup()`: SQLite's online backup refuses an encrypted source with
 * "incompatible source and target" (the target connection would need the key before the first page,
 * and the driver opens it without one). `VACUUM INTO` writes the same consistent snapshot (one read
 * transaction, so a save in the middle is either wholly in or wholly out) as a fresh file, encrypted
 * with the same key, and never touches the live file's pages or its WAL.
 *
 * The copy is written as `….partial`, then opened on its own and checked (SQLite's quick_check and
 * the rows of every table against the source's), then gets its trailer, is flushed to disk and only
 * then renamed to its final name. A crash at any point leaves at worst a `.partial`, which is never
 * listed and is removed by the next backup.
 */

export interface WriteBackupRequest {
  /** The live store file. */
  source: string
  /** The store key, 64 hex characters. */
  key: string
  /** The backup folder. */
  folder: string
  createdAt: string
  recovery: WrappedKey | null
  /** The ledger's id (backups.ts), in the trailer. */
  ledger: string
}

export type WriteBackupOutcome =
  | { ok: true; file: string; bytes: number; rows: number; copyMs: number; checkMs: number }
  | { ok: false; reason: 'check_failed' | 'write_failed'; detail: string }

export const partialSuffix = '.partial'

/** `sprokkelaar-backup-2026-12-06-141502.sprokkel-backup`: the time it was made, nothing of hers. */
export function backupFileName(createdAt: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const stamp = [
    createdAt.getFullYear(),
    pad(createdAt.getMonth() + 1),
    pad(createdAt.getDate()),
    `${pad(createdAt.getHours())}${pad(createdAt.getMinutes())}${pad(createdAt.getSeconds())}`,
  ].join('-')
  return `sprokkelaar-backup-${stamp}.${backupExtension}`
}

export const backupNamePattern = new RegExp(
  `^sprokkelaar-backup-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.${backupExtension}$`,
)

/** Opens a store file with its key; `readonly` for everything but the live store. */
export function openKeyed(path: string, key: string): SQLite.Database {
  const db = new SQLite(path, { readonly: true, fileMustExist: true })
  try {
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.pragma(`key = "x'${key}'"`)
    db.prepare('SELECT count(*) FROM sqlite_schema').get()
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

/** Rows per table, every table of the schema (SQLite's own and FTS shadow tables included). */
export function tableRows(db: SQLite.Database): Map<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[]
  return new Map(
    tables.map((table) => [
      table,
      db
        .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  )
}

/** SQLite's quick_check: "ok", or what it found. */
export function quickCheck(db: SQLite.Database): string {
  const rows = db.pragma('quick_check') as { quick_check: string }[]
  return rows.map((row) => row.quick_check).join('; ')
}

export function writeBackup(request: WriteBackupRequest): WriteBackupOutcome {
  const name = backupFileName(new Date(request.createdAt))
  const partial = join(request.folder, name + partialSuffix)
  rmSync(partial, { force: true })
  let before: Map<string, number>
  let unchanged: boolean
  const started = performance.now()
  const source = openKeyed(request.source, request.key)
  try {
    const version = source.pragma('data_version', { simple: true })
    before = tableRows(source)
    source.prepare('VACUUM INTO ?').run(partial)
    // No other connection wrote between the counts and the copy: they must match to the row.
    unchanged = source.pragma('data_version', { simple: true }) === version
  } catch (error) {
    rmSync(partial, { force: true })
    return { ok: false, reason: 'write_failed', detail: (error as Error).message }
  } finally {
    source.close()
  }

  const copied = performance.now()
  let checked: { rows: number } | { problem: string }
  try {
    const copy = openKeyed(partial, request.key)
    try {
      checked = checkCopy(copy, before, unchanged)
    } finally {
      copy.close()
    }
  } catch (error) {
    checked = { problem: (error as Error).message }
  }
  if ('problem' in checked) {
    rmSync(partial, { force: true })
    return { ok: false, reason: 'check_failed', detail: checked.problem }
  }

  const checkMs = Math.round(performance.now() - copied)
  const storeBytes = statSync(partial).size
  const fd = openSync(partial, 'r+')
  try {
    writeSync(
      fd,
      encodeTrailer({
        version: 1,
        createdAt: request.createdAt,
        storeBytes,
        recovery: request.recovery,
        ledger: request.ledger,
      }),
      0,
      undefined,
      storeBytes,
    )
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  const file = join(request.folder, name)
  renameSync(partial, file)
  syncFolder(request.folder)
  return {
    ok: true,
    file,
    bytes: statSync(file).size,
    rows: checked.rows,
    copyMs: Math.round(copied - started),
    checkMs,
  }
}

/** The copy opened on its own: SQLite's quick_check, then every table's rows against the source's. */
function checkCopy(
  copy: SQLite.Database,
  before: Map<string, number>,
  unchanged: boolean,
): { rows: number } | { problem: string } {
  const check = quickCheck(copy)
  if (check !== 'ok') return { problem: `quick_check: ${check}` }
  const after = tableRows(copy)
  for (const [table, count] of before) {
    if (!after.has(table)) return { problem: `table missing: ${table}` }
    if (unchanged && after.get(table) !== count) return { problem: `rows differ: ${table}` }
  }
  return { rows: [...after.values()].reduce((sum, count) => sum + count, 0) }
}

/** Flushes a folder's entries (the rename) where the OS allows opening a folder (not Windows). */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(folder, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
