import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DesktopNotification, FileRequest, Platform } from '../../db/platform/platform'
import { isOpenableLink } from '../../db/contact/links'
import { indexerChild } from '../../db/platform/indexer-child'
import { readerThread } from '../../db/platform/reader-thread'
import { loadOrCreateStoreKey, writeStoreKey, type KeyCipher } from '../../db/store/key'
import { chromiumArgs, chromiumExecutable } from './chromium'

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string }

/** A machine without an OS keyring, as CI is: the key is kept in a file only its owner can read. */
export const noKeyring: KeyCipher = {
  available: () => false,
  encrypt: () => {
    throw new Error('no keyring')
  },
  decrypt: () => {
    throw new Error('no keyring')
  },
}

/** A clock that tests move by hand, so nothing ever sleeps. */
export class TestClock {
  constructor(private current: Date = new Date()) {}
  now = (): Date => new Date(this.current)
  set(to: Date | string): void {
    this.current = new Date(to)
  }
}

/** The file dialog of tests: answers with the file a test put ready (or "cancel" with null). */
export interface TestFileDialog {
  answer: string | null
  /** Where "save as" answers; null: she cancels. */
  saveAnswer: string | null
  /** The folder the folder dialog answers; null: she cancels. */
  folderAnswer: string | null
  requests: FileRequest[]
}

export type TestPlatform = Platform & {
  notifications: DesktopNotification[]
  fileDialog: TestFileDialog
  /** Every document printed to PDF, as HTML, in order. */
  printed: string[]
  /** How long she has been away, as the test says (the app lock's idle time). */
  idle: { seconds: number }
  /** Every link handed to the OS, in order (her mail client, phone app, WhatsApp). */
  opened: string[]
}

/**
 * Chromium's own PDF, standing in for Electron's printToPDF (the same engine): Debian's Chromium,
 * no script, and every request refused but data:.
 */
export async function chromiumPdf(html: string): Promise<Uint8Array> {
  // Loaded here, not at the top: most tests never print, and the benchmarks measure memory.
  const { chromium } = await import('@playwright/test')
  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    args: chromiumArgs,
  })
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    await context.route(
      (url) => url.protocol !== 'data:',
      (route) => route.abort(),
    )
    const page = await context.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
    })
  } finally {
    await browser.close()
  }
}

/**
 * The Platform of tests and the e2e harness: plain files in a folder, a clock of its own,
 * notifications recorded instead of shown, and a file dialog that answers what the test chose.
 */
export function nodePlatform(dataDir: string, clock = new TestClock()): TestPlatform {
  const notifications: DesktopNotification[] = []
  const fileDialog: TestFileDialog = {
    answer: null,
    saveAnswer: null,
    folderAnswer: null,
    requests: [],
  }
  const printed: string[] = []
  const idle = { seconds: 0 }
  const opened: string[] = []
  return {
    appVersion: version,
    dataDir,
    storeKey: async () => loadOrCreateStoreKey(join(dataDir, 'store-key.json'), noKeyring),
    replaceStoreKey: (key) => void writeStoreKey(join(dataDir, 'store-key.json'), key, noKeyring),
    backupWorker: new URL('./backup-thread.mjs', import.meta.url),
    now: clock.now,
    idleSeconds: () => idle.seconds,
    idle,
    notify: (notification) => notifications.push(notification),
    notifications,
    chooseFile: async (request) => {
      fileDialog.requests.push(request)
      return fileDialog.answer
    },
    openExternal: async (url) => {
      if (!isOpenableLink(url)) throw new Error('openExternal: not a contact link')
      opened.push(url)
    },
    opened,
    chooseFolder: async (request) => {
      fileDialog.requests.push({ ...request, filters: [] })
      return fileDialog.folderAnswer
    },
    chooseSaveFile: async (request) => {
      fileDialog.requests.push(request)
      return fileDialog.saveAnswer
    },
    fileDialog,
    printToPdf: async (html) => {
      printed.push(html)
      return chromiumPdf(html)
    },
    printed,
    startReader: () => readerThread(readerEntry),
    startIndexer: () => indexerChild(indexerEntry),
  }
}

/** The reader's worker thread, its TypeScript run through tsx. */
const readerEntry = new URL('./reader-thread.mjs', import.meta.url)
/** The indexer's child process, its TypeScript run through tsx. */
const indexerEntry = new URL('./index-process.mjs', import.meta.url)

export function makeTempDir(prefix = 'sprokkelaar-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}
