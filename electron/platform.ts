import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  Notification,
  powerMonitor,
  safeStorage,
  shell,
  utilityProcess,
} from 'electron'
import { isOpenableLink } from '../db/contact/links'
import { readerHeapMb, type ReaderProcess } from '../db/import/file/protocol'
import type { Platform } from '../db/platform/platform'
import { indexerFlags, type IndexerProcess, type IndexReply } from '../db/search/indexer'
import { loadOrCreateStoreKey, writeStoreKey, type KeyCipher } from '../db/store/key'

/** Electron's safeStorage: DPAPI on Windows, the Keychain on macOS, libsecret/KWallet on Linux. */
const safeStorageCipher: KeyCipher = {
  // On Linux without a keyring Electron falls back to "basic_text", a fixed password in its own
  // source: that protects nothing, so we say so instead of pretending.
  available: () =>
    safeStorage.isEncryptionAvailable() &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (sealed) => safeStorage.decryptString(sealed),
}

/**
 * Notifications still on her screen or in the notification centre. Electron forgets a click on a
 * notification that JavaScript no longer references: after garbage collection a click would no
 * longer open Vandaag. A few a day at most, so the last ones are simply kept.
 */
const shownNotifications = new Set<Notification>()
const keptNotifications = 20

/**
 * `showWindow` brings her window forward when she clicks a notification; `window` is the one a
 * dialog belongs to (modal to it).
 */
export function electronPlatform(
  showWindow: () => void,
  window: () => BrowserWindow | undefined,
): Platform {
  const dataDir = app.getPath('userData')
  return {
    appVersion: app.getVersion(),
    dataDir,
    storeKey: async () => loadOrCreateStoreKey(join(dataDir, 'store-key.json'), safeStorageCipher),
    replaceStoreKey: (key) =>
      void writeStoreKey(join(dataDir, 'store-key.json'), key, safeStorageCipher),
    // Built beside this file (electron.vite.config.ts builds it as `backup`).
    backupWorker: new URL('./backup.js', import.meta.url),
    now: () => new Date(),
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
    notify: ({ title, body, onClick }) => {
      if (!Notification.isSupported()) return
      const notification = new Notification({ title, body })
      const forget = () => shownNotifications.delete(notification)
      notification.on('click', () => {
        forget()
        onClick?.()
        showWindow()
      })
      notification.on('failed', forget)
      shownNotifications.add(notification)
      if (shownNotifications.size > keptNotifications) {
        shownNotifications.delete(shownNotifications.values().next().value!)
      }
      notification.show()
    },
    chooseFile: async ({ title, filters }) => {
      const options = { title, filters, properties: ['openFile' as const] }
      const parent = window()
      const { canceled, filePaths } = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options)
      return canceled ? null : (filePaths[0] ?? null)
    },
    openExternal: async (url) => {
      // Built in the main process from what the ledger holds; checked once more at the door.
      if (!isOpenableLink(url)) throw new Error('openExternal: not a contact link')
      await shell.openExternal(url)
    },
    chooseFolder: async ({ title }) => {
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] }
      const parent = window()
      const { canceled, filePaths } = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options)
      return canceled ? null : (filePaths[0] ?? null)
    },
    chooseSaveFile: async ({ title, filters, defaultName }) => {
      const options = { title, filters, defaultPath: join(app.getPath('documents'), defaultName) }
      const parent = window()
      const { canceled, filePath } = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options)
      return canceled || !filePath ? null : filePath
    },
    printToPdf: printInHiddenWindow,
    startReader: readerProcess,
    startIndexer: indexerProcess,
  }
}

/** The file reader, built next to this file (electron.vite.config.ts builds it as `reader`). */
const readerEntry = fileURLToPath(new URL('./reader.js', import.meta.url))

/**
 * An import file is read in a utility process of its own: a broken or huge file cannot freeze her
 * window or the main process, it cannot grow past its heap, and Cancel ends it at once.
 */
function readerProcess(): ReaderProcess {
  const child = utilityProcess.fork(readerEntry, [], {
    serviceName: 'Sprokkelaar bestandslezer',
    execArgv: [`--max-old-space-size=${readerHeapMb}`],
    // What it might print is file content: hers, never in a terminal or log.
    stdio: 'ignore',
  })
  return {
    send: (request) => child.postMessage(request),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      child.on('exit', listener)
      child.on('error', listener)
    },
    stop: () => void child.kill(),
  }
}

/** The people indexes' filler, built next to this file too (as `indexer`). */
const indexerEntry = fileURLToPath(new URL('./indexer.js', import.meta.url))

/**
 * A large ledger's people indexes are filled in a utility process of their own: its heap and its
 * CPU stay out of the main process, and when it has handed them over and ends, the OS has all of
 * its memory back at once.
 */
function indexerProcess(): IndexerProcess {
  const child = utilityProcess.fork(indexerEntry, [], {
    serviceName: 'Sprokkelaar zoekindex',
    execArgv: indexerFlags,
    // What it might print could name her data folder: never in a terminal or log.
    stdio: 'ignore',
  })
  return {
    send: (job) => child.postMessage(job),
    onMessage: (listener) => child.on('message', (reply) => listener(reply as IndexReply)),
    onExit: (listener) => {
      child.on('exit', listener)
      child.on('error', listener)
    },
    stop: () => void child.kill(),
  }
}

/**
 * Prints a self-contained document in a hidden window of its own: no script runs in it, no
 * preload, and the hardened session refuses every request but data: (see security.ts). The
 * document sets its own A4 page and margins, and its own policy (inline styles only): it is not
 * one of our pages, so it gets no policy header.
 */
async function printInHiddenWindow(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      spellcheck: false,
      devTools: false,
    },
  })
  try {
    await window.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`,
    )
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
    })
  } finally {
    window.destroy()
  }
}
