import { existsSync, renameSync, rmSync } from 'node:fs'
import { copyFile, rm, truncate } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { RestoreChoice, RestorePreview } from '../../shared/backup'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { openContext, storeFileName, type ApiContext } from '../context'
import { StoreError } from '../store/errors'
import { makeBackup } from './backups'
import { backupExtension, readTrailer, unwrapKey } from './file'
import { openKeyed, quickCheck } from './write'

/**
 * Restoring a backup, in three steps she sees: choose the file (its path stays here, in the main
 * process: the window never names a path), give the herstelwachtwoord and see what it holds, then
 * replace. Nothing in her data folder changes before the last step; a wrong password writes nothing
 * at all. On a new computer the password is the only way in: the key in the backup's trailer is
 * wrapped under it (file.ts). A backup made without one opens only with this computer's own key.
 */

const stagedName = 'restore.partial.db'

const restoreError = (key: string) =>
  new StoreError('invalid_input', translate(nl, `backup.restore.${key}`))

export async function chooseRestore(ctx: ApiContext): Promise<RestoreChoice | null> {
  const path = await ctx.platform.chooseFile({
    title: translate(nl, 'backup.restore.chooseTitle'),
    filters: [{ name: translate(nl, 'backup.fileKind'), extensions: [backupExtension] }],
  })
  if (path === null) return null
  const trailer = readTrailer(path)
  if (!trailer) throw new StoreError('file_unreadable', translate(nl, 'backup.restore.notABackup'))
  discardStaged(ctx)
  ctx.restore = { path, trailer }
  return { name: basename(path), createdAt: trailer.createdAt, hasRecovery: !!trailer.recovery }
}

/** Opens the chosen backup with her password and says what it holds; her ledger is untouched. */
export async function checkRestore(ctx: ApiContext, password: string): Promise<RestorePreview> {
  const chosen = ctx.restore
  if (!chosen) throw restoreError('nothingChosen')
  const key = chosen.trailer.recovery
    ? await unwrapKey(chosen.trailer.recovery, password)
    : (await ctx.platform.storeKey()).key
  if (key === null) {
    ctx.log.info('restore.wrongPassword')
    throw new StoreError('wrong_password', translate(nl, 'backup.restore.wrongPassword'))
  }
  discardStaged(ctx)
  const staged = join(ctx.platform.dataDir, stagedName)
  // Hundreds of MB: copied off the main thread.
  await copyFile(chosen.path, staged)
  await truncate(staged, chosen.trailer.storeBytes)
  let preview: RestorePreview
  try {
    const db = openKeyed(staged, key)
    try {
      if (quickCheck(db) !== 'ok') throw new Error('quick_check')
      const count = (sql: string) => db.prepare(sql).pluck().get() as number
      preview = {
        createdAt: chosen.trailer.createdAt,
        people: count(
          `SELECT count(*) FROM person WHERE deleted_at IS NULL AND anonymised_at IS NULL`,
        ),
        moments: count(`SELECT count(*) FROM contact_moment`),
      }
    } finally {
      db.close()
    }
  } catch (error) {
    rmSync(staged, { force: true })
    ctx.log.error('restore.unreadable', error)
    throw new StoreError(
      'file_unreadable',
      translate(
        nl,
        chosen.trailer.recovery ? 'backup.restore.damaged' : 'backup.restore.otherComputer',
      ),
    )
  }
  ctx.restore = { ...chosen, opened: { key, staged, preview } }
  return preview
}

/**
 * Replaces her ledger with the checked backup. A backup of the ledger as it is comes first (when
 * it holds anyone), so that restoring is never the way to lose something. The store is closed, the
 * backup's store moved in, the key saved the way this computer keeps keys, and everything opened
 * again; should that fail, the ledger of before is put back.
 */
export async function restoreBackup(ctx: ApiContext): Promise<RestorePreview> {
  const opened = ctx.restore?.opened
  if (!ctx.restore || !opened || !existsSync(opened.staged)) throw restoreError('nothingChosen')
  if (ctx.backups.running) await ctx.backups.running
  if (await holdsAnyone(ctx)) {
    const status = await makeBackup(ctx)
    if (status.problem === 'backup_failed') throw restoreError('backupFirstFailed')
  }
  const previousKey = (await ctx.platform.storeKey()).key
  const live = join(ctx.platform.dataDir, storeFileName)
  const before = `${live}.before-restore`
  await ctx.store.close()
  for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true })
  renameSync(live, before)
  renameSync(opened.staged, live)
  ctx.platform.replaceStoreKey(opened.key)
  let fresh: ApiContext
  try {
    fresh = await openContext(ctx.platform, ctx.log)
  } catch (error) {
    rmSync(live, { force: true })
    renameSync(before, live)
    ctx.platform.replaceStoreKey(previousKey)
    Object.assign(ctx, storeParts(await openContext(ctx.platform, ctx.log)))
    throw error
  }
  await rm(before, { force: true })
  Object.assign(ctx, storeParts(fresh), { restore: undefined, imports: { progress: null } })
  ctx.log.info('restore.done')
  return opened.preview
}

/**
 * What a context holds of its store (and of nothing else: undo steps name its rows): the rest
 * (platform, log, backups) stays the running app's.
 */
const storeKeys = [
  'store',
  'search',
  'matching',
  'indexing',
  'initiativeSearch',
  'lock',
  'info',
  'undo',
] as const satisfies readonly (keyof ApiContext)[]
const storeParts = (ctx: ApiContext) =>
  Object.fromEntries(storeKeys.map((key) => [key, ctx[key]])) as Pick<
    ApiContext,
    (typeof storeKeys)[number]
  >

function discardStaged(ctx: ApiContext): void {
  if (ctx.restore?.opened) rmSync(ctx.restore.opened.staged, { force: true })
  rmSync(join(ctx.platform.dataDir, stagedName), { force: true })
}

async function holdsAnyone(ctx: ApiContext): Promise<boolean> {
  const row = await ctx.store.db.selectFrom('person').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}
