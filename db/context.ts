import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AppInfo, PendingView } from '../shared/contract'
import type { ImportState } from './import/session'
import { fileLog, logFileName, type Log } from './platform/log'
import type { Platform } from './platform/platform'
import { buildInitiativeIndex, reindexInitiatives } from './connect/initiatives'
import type { MatchColumns } from './connect/match-columns'
import {
  reindexPeople,
  retagPeople,
  startPeopleIndexes,
  type IndexingOptions,
  type PeopleIndexing,
} from './search/people'
import type { SearchIndex } from './search/search-index'
import { startLock, type LockRuntime } from './lock/lock'
import { idleBackups, type BackupRuntime, type RestoreState } from './backup/backups'
import type { HandoverState } from './handover/import'
import { UndoLog } from './bulk/undo'
import { openStore, type Store } from './store/store'
import type { Touched } from './store/written'

export const storeFileName = 'sprokkelaar.db'

/** Everything a handler may use: the open store, the OS services and facts about this install. */
export interface ApiContext {
  store: Store
  /** Every person's words, for search as she types (db/search/people.ts). */
  search: SearchIndex
  /** What matching reads of every person (db/connect/match-columns.ts). */
  matching: MatchColumns
  /** Both are filled in the background after the store opens (db/search/people.ts). */
  indexing: PeopleIndexing
  /** The initiatives' words, for searching them like people. */
  initiativeSearch: SearchIndex
  platform: Platform
  /** The log file in the data folder: events and error codes, never personal data (db/log.ts). */
  log: Log
  info: AppInfo
  /** Where the app should go next time its window comes forward (a clicked notification). */
  pendingView?: PendingView | undefined
  /** The import she is working through, between its steps (db/import/session.ts). */
  imports: ImportState
  /** The app lock: locked or not, and wrong tries (db/lock/lock.ts). */
  lock: LockRuntime
  /** Backups: the one running, what went wrong last, the daily timer (db/backup/backups.ts). */
  backups: BackupRuntime
  /** The backup she chose to restore, between the steps (db/backup/restore.ts). */
  restore?: RestoreState | undefined
  /** The overdrachtsbestand she is receiving, between its steps (db/handover/import.ts). */
  handover: HandoverState
  /** Undo for bulk actions and merges, while the app runs (db/bulk/undo.ts). */
  undo: UndoLog
}

/**
 * Opens this user's store in the platform's data folder with the platform's key. The log is the
 * shell's when it has one already (it logs before the store opens), else the data folder's own.
 */
export async function openContext(
  platform: Platform,
  log: Log = fileLog(join(platform.dataDir, logFileName), platform.now),
  indexing: IndexingOptions = {},
): Promise<ApiContext> {
  mkdirSync(platform.dataDir, { recursive: true })
  const key = await platform.storeKey()
  const store = await openStore(join(platform.dataDir, storeFileName), key.key)
  log.info('store.opened', { encrypted: store.encrypted, keyProtection: key.protection })
  // Not waited for: the first screen comes from the store, search meanwhile too (search/people.ts).
  const people = startPeopleIndexes(store.db, {
    indexer: { start: platform.startIndexer, path: store.path, key: key.key },
    ...indexing,
    onDone: (outcome) => {
      if ('stopped' in outcome) log.info('search.indexStopped')
      else {
        const { people, ms, by } = outcome
        log.info('search.indexed', { people, ms: Math.round(ms), by })
      }
      indexing.onDone?.(outcome)
    },
  })
  // Its indexer (a large ledger's) holds the file open: it ends before the store closes.
  const close = store.close
  store.close = async () => {
    await people.indexing.stop()
    await close()
  }
  return {
    store,
    search: people.search,
    matching: people.matching,
    indexing: people.indexing,
    initiativeSearch: await buildInitiativeIndex(store.db),
    platform,
    log,
    imports: { progress: null },
    lock: await startLock(store),
    backups: idleBackups(),
    handover: {},
    undo: new UndoLog(),
    info: {
      version: platform.appVersion,
      dataDir: platform.dataDir,
      encrypted: store.encrypted,
      keyProtection: key.protection,
    },
  }
}

/**
 * Brings what is derived from the store in memory (the search indexes, with matching's columns) up
 * to date with what a write touched. The API table calls it for every write (db/api.ts).
 */
export async function followWrite(ctx: ApiContext, touched: Touched): Promise<void> {
  if (touched.people?.length) await reindexPeople(ctx.store.db, ctx, touched.people)
  if (touched.tags?.length) await retagPeople(ctx.store.db, ctx, touched.tags)
  if (touched.initiatives?.length) {
    await reindexInitiatives(ctx.store.db, ctx.initiativeSearch, touched.initiatives)
  }
}
