import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AppInfo } from '../shared/contract'
import type { ImportState } from './import/session'
import { fileLog, logFileName, type Log } from './platform/log'
import type { Platform } from './platform/platform'
import { buildInitiativeIndex } from './connect/initiatives'
import { buildSearchIndex } from './search/people'
import type { SearchIndex } from './search/search-index'
import { openStore, type Store } from './store/store'

export const storeFileName = 'sprokkelaar.db'

/** Everything a handler may use: the open store, the OS services and facts about this install. */
export interface ApiContext {
  store: Store
  /** Every person's words, for search as she types (db/search/people.ts). */
  search: SearchIndex
  /** The initiatives' words, for searching them like people. */
  initiativeSearch: SearchIndex
  platform: Platform
  /** The log file in the data folder: events and error codes, never personal data (db/log.ts). */
  log: Log
  info: AppInfo
  /** Where the app should go next time its window comes forward (a clicked notification). */
  pendingView?: 'today' | undefined
  /** The import she is working through, between its steps (db/import/session.ts). */
  imports: ImportState
}

/**
 * Opens this user's store in the platform's data folder with the platform's key. The log is the
 * shell's when it has one already (it logs before the store opens), else the data folder's own.
 */
export async function openContext(
  platform: Platform,
  log: Log = fileLog(join(platform.dataDir, logFileName), platform.now),
): Promise<ApiContext> {
  mkdirSync(platform.dataDir, { recursive: true })
  const key = await platform.storeKey()
  const store = await openStore(join(platform.dataDir, storeFileName), key.key)
  log.info('store.opened', { encrypted: store.encrypted, keyProtection: key.protection })
  return {
    store,
    search: await buildSearchIndex(store.db),
    initiativeSearch: await buildInitiativeIndex(store.db),
    platform,
    log,
    imports: { progress: null },
    info: {
      version: platform.appVersion,
      dataDir: platform.dataDir,
      encrypted: store.encrypted,
      keyProtection: key.protection,
    },
  }
}
