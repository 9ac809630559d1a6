import type { KeyProtection } from '../../shared/contract'
import type { ReaderProcess } from '../import/file/protocol'
import type { IndexerProcess } from '../search/indexer'

export interface StoreKey {
  /** 64 hex characters: a random 256-bit key, never a password. */
  key: string
  protection: KeyProtection
}

/**
 * The OS services the API needs, passed in so that everything behind the API runs under plain Node.
 * The Electron shell implements it with Electron's APIs; tests and the e2e harness with plain files.
 */
export interface Platform {
  readonly appVersion: string
  /** The folder that holds the store and everything else of this user's. */
  readonly dataDir: string
  /** The store key, created on first use and kept by the OS where it can. */
  storeKey(): Promise<StoreKey>
  /** Keeps another store key from now on (a restored backup's), the way `storeKey` keeps it. */
  replaceStoreKey(key: string): void
  /** The backup's worker thread (db/backup/worker.ts as built, or its tsx loader in tests). */
  readonly backupWorker: URL
  /** The clock, so that tests can move time without sleeping. */
  now(): Date
  /** Seconds since she last touched keyboard or mouse (the app lock's idle time). */
  idleSeconds(): number
  /** A desktop notification (Electron's Notification in the shell; recorded in tests). */
  notify(notification: DesktopNotification): void
  /** Asks her for a file to open (the native dialog in the shell); null when she cancels. */
  chooseFile(request: FileRequest): Promise<string | null>
  /**
   * Hands a link to the OS (her mail client, phone app, WhatsApp): only the shapes of
   * db/contact/links.ts, refused otherwise (Electron's shell.openExternal in the shell; recorded in
   * tests).
   */
  openExternal(url: string): Promise<void>
  /** Asks her for a folder (a second place for backups); null when she cancels. */
  chooseFolder(request: { title: string }): Promise<string | null>
  /** Asks her where to save a file (the native dialog in the shell); null when she cancels. */
  chooseSaveFile(request: FileRequest & { defaultName: string }): Promise<string | null>
  /**
   * Prints a self-contained HTML document (no scripts, nothing to fetch) to an A4 PDF: Electron's
   * printToPDF in a hidden window in the shell, Chromium's own PDF in tests.
   */
  printToPdf(html: string): Promise<Uint8Array>
  /**
   * Starts a file reader off the main thread for one import file (see import/file/worker.ts): a
   * utility process in the shell, a worker thread under Node.
   */
  startReader(): ReaderProcess
  /**
   * Starts a process that fills the people indexes of a large ledger (see db/search/indexer.ts): a
   * utility process in the shell, a Node child process under Node. Its memory is the OS's again
   * when it ends.
   */
  startIndexer(): IndexerProcess
}

export interface FileRequest {
  title: string
  filters: { name: string; extensions: string[] }[]
}

export interface DesktopNotification {
  title: string
  body: string
  onClick?: () => void
}
