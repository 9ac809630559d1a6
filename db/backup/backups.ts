import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { copyFile, open, rename, rm } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { basename, join } from 'node:path'
import type { BackupErasure, BackupStatus, RestorePreview } from '../../shared/backup'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { getSetting, setSetting } from '../ledger/settings'
import type { Log } from '../platform/log'
import type { Platform } from '../platform/platform'
import { StoreError } from '../store/errors'
import type { Store } from '../store/store'
import { readTrailer, wrapKey, wrappedKeySchema, type Trailer, type WrappedKey } from './file'
import { backupsToKeep } from './rotation'
import { runBackupThread } from './thread'
import { backupNamePattern, partialSuffix } from './write'

/**
 * Her backups: at start and every day while the app runs, and when she asks. One at a time, in a
 * worker thread (write.ts), into `backups` in her data folder; after each checked backup the folder
 * is rotated (rotation.ts) and, when she chose a second folder, the same file is copied there and
 * that folder rotated too. A backup that fails its check is removed and never listed; the ones
 * before it stay.
 */

export const backupFolderName = 'backups'
const mirrorKey = 'backupMirrorDir'
const recoveryKey = 'recoveryWrap'
/** Ids of residents erased on request whose erasure the second folder still waits for. */
const pendingKey = 'backupErasePending'
const ledgerKey = 'ledgerId'
export const staleAfterDays = 7
const dayMs = 86_400_000

export interface BackupRuntime {
  running: Promise<void> | null
  problem: BackupStatus['problem']
}

/** The backup she chose to restore, between the steps (restore.ts). */
export interface RestoreState {
  path: string
  trailer: Trailer
  /** After the password opened it: the key, and the store part copied out and checked. */
  opened?: { key: string; staged: string; preview: RestorePreview }
}

export const idleBackups = (): BackupRuntime => ({ running: null, problem: null })

export interface BackupContext {
  store: Pick<Store, 'db' | 'path'>
  platform: Pick<Platform, 'dataDir' | 'now' | 'storeKey' | 'backupWorker'>
  log: Log
  backups: BackupRuntime
}

export interface ListedBackup {
  file: string
  name: string
  createdAt: Date
  bytes: number
  recovery: WrappedKey | null
}

export const backupFolder = (dataDir: string) => join(dataDir, backupFolderName)

/**
 * The whole, checked backups in a folder, newest first (only this ledger's, given its id); anything
 * else there is not listed.
 */
export function listBackups(folder: string, ledger?: string): ListedBackup[] {
  if (!existsSync(folder)) return []
  const listed: ListedBackup[] = []
  for (const name of readdirSync(folder)) {
    if (!backupNamePattern.test(name)) continue
    const file = join(folder, name)
    const trailer = readTrailer(file)
    if (!trailer || (ledger !== undefined && trailer.ledger !== ledger)) continue
    listed.push({
      file,
      name,
      createdAt: new Date(trailer.createdAt),
      bytes: statSync(file).size,
      recovery: trailer.recovery,
    })
  }
  return listed.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
}

/**
 * Removes the backups the rotation does not keep, and half-written copies left by a crash. The
 * files are hundreds of MB: removed off the main thread (fs/promises), so her window never waits.
 */
export async function rotate(folder: string, ledger?: string): Promise<void> {
  await removePartials(folder, ledger === undefined ? 0 : partialAgeMs)
  const listed = listBackups(folder, ledger)
  const kept = new Set(backupsToKeep(listed))
  for (const backup of listed) if (!kept.has(backup)) await rm(backup.file, { force: true })
}

/**
 * Half-written backups left by a crash. In her second folder only those an hour old: a shared
 * folder may hold a colleague's backup being written right now.
 */
async function removePartials(folder: string, minAgeMs = 0): Promise<void> {
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(partialSuffix)) continue
    if (!backupNamePattern.test(name.slice(0, -partialSuffix.length))) continue
    const path = join(folder, name)
    if (Date.now() - statSync(path).mtimeMs >= minAgeMs) await rm(path, { force: true })
  }
}

const partialAgeMs = 60 * 60 * 1000

/** This ledger's id, made with its first backup and kept in its settings (a restore keeps it). */
async function ledgerId(ctx: Pick<BackupContext, 'store'>): Promise<string> {
  const stored = await getSetting(ctx.store.db, ledgerKey)
  if (stored) return stored
  const id = randomUUID()
  await setSetting(ctx.store.db, ledgerKey, id)
  return id
}

/**
 * A checked backup copied into her second folder: `.partial`, flushed, renamed, the folder's entry
 * flushed. Off the main thread, like everything here that moves hundreds of MB.
 */
async function copyInto(file: string, folder: string): Promise<void> {
  const partial = join(folder, basename(file) + partialSuffix)
  await copyFile(file, partial)
  const handle = await open(partial, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(partial, join(folder, basename(file)))
  if (process.platform === 'win32') return
  const dir = await open(folder, 'r')
  try {
    await dir.sync()
  } finally {
    await dir.close()
  }
}

async function storedRecovery(ctx: Pick<BackupContext, 'store'>): Promise<WrappedKey | null> {
  const stored = await getSetting(ctx.store.db, recoveryKey)
  if (!stored) return null
  const parsed = wrappedKeySchema.safeParse(JSON.parse(stored))
  return parsed.success ? parsed.data : null
}

/** For the verwerkingsregister: whether a second folder and a herstelwachtwoord are set. */
export async function backupFacts(
  db: Store['db'],
): Promise<{ mirror: boolean; recovery: boolean }> {
  return {
    mirror: !!(await getSetting(db, mirrorKey)),
    recovery: !!(await getSetting(db, recoveryKey)),
  }
}

/** Makes a backup now (or waits for the one running), then answers the status. */
export async function makeBackup(ctx: BackupContext): Promise<BackupStatus> {
  if (!ctx.backups.running) {
    ctx.backups.running = writeOne(ctx).finally(() => {
      ctx.backups.running = null
    })
  }
  await ctx.backups.running
  return backupStatus(ctx)
}

async function writeOne(ctx: BackupContext): Promise<void> {
  await eraseWhenBack(ctx)
  const folder = backupFolder(ctx.platform.dataDir)
  mkdirSync(folder, { recursive: true })
  await removePartials(folder)
  const started = performance.now()
  const outcome = await runBackupThread(ctx.platform.backupWorker, {
    kind: 'write',
    request: {
      source: ctx.store.path,
      key: (await ctx.platform.storeKey()).key,
      folder,
      createdAt: ctx.platform.now().toISOString(),
      recovery: await storedRecovery(ctx),
      ledger: await ledgerId(ctx),
    },
  })
  if (!outcome.ok) {
    // The reason's kind only: SQLite's message may name her data folder.
    ctx.log.info('backup.failed', { reason: outcome.reason })
    ctx.backups.problem = 'backup_failed'
    return
  }
  ctx.backups.problem = null
  ctx.log.info('backup.written', {
    bytes: outcome.bytes,
    rows: outcome.rows,
    ms: Math.round(performance.now() - started),
    copyMs: outcome.copyMs,
    checkMs: outcome.checkMs,
  })
  await rotate(folder)
  const mirror = await getSetting(ctx.store.db, mirrorKey)
  if (!mirror) return
  try {
    // A USB stick that is not in: the folder is not there, and is not made (that would be the
    // mount point of a drive that is away).
    if (!statSync(mirror).isDirectory()) throw new Error('not a folder')
    await copyInto(outcome.file, mirror)
    // Only this ledger's: the folder may hold colleagues' backups too.
    await rotate(mirror, await ledgerId(ctx))
    ctx.log.info('backup.mirrored')
  } catch (error) {
    ctx.log.error('backup.mirrorFailed', error)
    ctx.backups.problem = 'mirror_failed'
  }
}

export async function backupStatus(
  ctx: Pick<BackupContext, 'store' | 'platform' | 'backups'>,
): Promise<BackupStatus> {
  const folder = backupFolder(ctx.platform.dataDir)
  const listed = listBackups(folder)
  const newest = listed[0]
  const recovery = await storedRecovery(ctx)
  return {
    folder,
    mirror: (await getSetting(ctx.store.db, mirrorKey)) || null,
    last: newest
      ? { createdAt: newest.createdAt.toISOString(), bytes: newest.bytes, name: newest.name }
      : null,
    count: listed.length,
    stale:
      !newest || ctx.platform.now().getTime() - newest.createdAt.getTime() > staleAfterDays * dayMs,
    running: ctx.backups.running !== null,
    problem: ctx.backups.problem,
    recoverySetAt: recovery?.setAt ?? null,
  }
}

/** Her second folder, chosen in the OS's folder dialog; null clears it. */
export async function setMirror(
  ctx: BackupContext & { platform: Pick<Platform, 'chooseFolder'> },
  choose: boolean,
): Promise<BackupStatus> {
  if (!choose) {
    await setSetting(ctx.store.db, mirrorKey, '')
    return backupStatus(ctx)
  }
  const folder = await ctx.platform.chooseFolder({
    title: translate(nl, 'backup.chooseMirrorTitle'),
  })
  if (folder === null) return backupStatus(ctx)
  if (folder === backupFolder(ctx.platform.dataDir)) {
    throw new StoreError('invalid_input', translate(nl, 'backup.mirrorSameFolder'))
  }
  await setSetting(ctx.store.db, mirrorKey, folder)
  // The new folder gets a backup at once, so that she sees it work.
  return makeBackup(ctx)
}

/**
 * Sets (or changes) her herstelwachtwoord: the store key wrapped under it is kept in the store, and
 * every backup from now on carries it. Backups made before keep the password of then.
 */
export async function setRecovery(ctx: BackupContext, password: string): Promise<BackupStatus> {
  const wrapped = await wrapKey((await ctx.platform.storeKey()).key, password, ctx.platform.now())
  await setSetting(ctx.store.db, recoveryKey, JSON.stringify(wrapped))
  ctx.log.info('recovery.set')
  return makeBackup(ctx)
}

/**
 * On her request (a resident's right to erasure): these residents, erased from her ledger already,
 * erased from every backup too, in the backup folder and the second folder, one file at a time in
 * the worker thread (erase.ts). After any backup that is running, and no backup starts meanwhile.
 */
export async function eraseFromBackups(
  ctx: BackupContext & { store: Pick<Store, 'db'> },
  ids: readonly string[],
): Promise<BackupErasure> {
  while (ctx.backups.running) await ctx.backups.running
  let result: BackupErasure = { checked: 0, changed: 0, failed: 0, mirrorUnreachable: false }
  ctx.backups.running = (async () => {
    result = await eraseFromEach(ctx, ids)
  })().finally(() => {
    ctx.backups.running = null
  })
  await ctx.backups.running
  return result
}

async function eraseFromEach(ctx: BackupContext, ids: readonly string[]): Promise<BackupErasure> {
  const result: BackupErasure = { checked: 0, changed: 0, failed: 0, mirrorUnreachable: false }
  const folders: { folder: string; ledger?: string }[] = [
    { folder: backupFolder(ctx.platform.dataDir) },
  ]
  const mirror = await getSetting(ctx.store.db, mirrorKey)
  if (mirror) {
    if (reachable(mirror)) folders.push({ folder: mirror, ledger: await ledgerId(ctx) })
    else {
      // The USB stick is out: its backups are done the next time it is there (eraseWhenBack).
      result.mirrorUnreachable = true
      const pending = await pendingErasure(ctx)
      await setSetting(ctx.store.db, pendingKey, JSON.stringify([...new Set([...pending, ...ids])]))
    }
  }
  await eraseIn(ctx, folders, ids, result)
  ctx.log.info('backup.erasedFrom', { ...result })
  return result
}

const reachable = (folder: string) => existsSync(folder) && statSync(folder).isDirectory()

/** The ids still to erase from the second folder's backups, once it is there again. */
async function pendingErasure(ctx: Pick<BackupContext, 'store'>): Promise<string[]> {
  const stored = await getSetting(ctx.store.db, pendingKey)
  return stored ? (JSON.parse(stored) as string[]) : []
}

/** Before a backup: an erasure the second folder missed (it was away), now that it is back. */
async function eraseWhenBack(ctx: BackupContext): Promise<void> {
  const mirror = await getSetting(ctx.store.db, mirrorKey)
  const pending = await pendingErasure(ctx)
  if (!mirror || pending.length === 0 || !reachable(mirror)) return
  const result: BackupErasure = { checked: 0, changed: 0, failed: 0, mirrorUnreachable: false }
  await eraseIn(ctx, [{ folder: mirror, ledger: await ledgerId(ctx) }], pending, result)
  ctx.log.info('backup.erasedFrom', { ...result })
  if (result.failed === 0) await setSetting(ctx.store.db, pendingKey, '')
}

async function eraseIn(
  ctx: BackupContext,
  folders: readonly { folder: string; ledger?: string }[],
  ids: readonly string[],
  result: BackupErasure,
): Promise<void> {
  const key = (await ctx.platform.storeKey()).key
  for (const { folder, ledger } of folders) {
    for (const backup of listBackups(folder, ledger)) {
      result.checked++
      const outcome = await runBackupThread(ctx.platform.backupWorker, {
        kind: 'erase',
        request: { file: backup.file, key, ids: [...ids], now: ctx.platform.now().toISOString() },
      })
      if (!outcome.ok) result.failed++
      else if (outcome.erased > 0) result.changed++
    }
  }
}

/**
 * A backup at start and then every day while the app runs (the shell calls this once). The timer
 * does not keep the process alive; a backup cut off by quitting leaves only a `.partial`.
 */
export function startBackups(ctx: BackupContext): { stop(): void } {
  const run = () =>
    void makeBackup(ctx).catch((error: unknown) => ctx.log.error('backup.failed', error))
  run()
  const timer = setInterval(run, dayMs)
  timer.unref?.()
  return { stop: () => clearInterval(timer) }
}
