import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  protocol,
  screen,
  type IpcMainInvokeEvent,
} from 'electron'
import { createApi } from '../db/api'
import { openContext, type ApiContext } from '../db/context'
import { StoreError } from '../db/store/errors'
import { fileLog, logFileName } from '../db/platform/log'
import { startReminders } from '../db/followups/reminders'
import { startBackups } from '../db/backup/backups'
import { scrubIfPending } from '../db/privacy/scrub'
import { translate } from '../shared/i18n/messages'
import { nl } from '../shared/i18n/nl'
import { bindApi, unbindApi } from './ipc'
import { applicationMenu, contextMenu } from './menu'
import { dataFolder, shellFiles } from './paths'
import { electronPlatform } from './platform'
import { isOwnPage } from './policy'
import { appScheme, appSchemePrivileges, rendererResponse, rendererUrl } from './protocol'
import { hardenSession } from './security'
import { minimumSize, readWindowState, windowStateFileName, writeWindowState } from './window-state'

const productName = 'Sprokkelaar'
/** electron-builder.yml's appId: Windows ties notifications and the taskbar to it. */
const windowsAppId = 'nl.sprokkelaar.app'

const files = shellFiles(fileURLToPath(new URL('.', import.meta.url)))
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']

app.setPath(
  'userData',
  dataFolder({
    packaged: app.isPackaged,
    appData: app.getPath('appData'),
    productName,
    override: process.env['SPROKKELAAR_DATA_DIR'],
  }),
)
const dataDir = app.getPath('userData')
mkdirSync(dataDir, { recursive: true })
const logPath = join(dataDir, logFileName)
const log = fileLog(logPath)

protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }])
// Without it Windows shows her reminders under another app's name, or not at all.
if (process.platform === 'win32') {
  app.setAppUserModelId(app.isPackaged ? windowsAppId : process.execPath)
}

// Electron's own handler shows the error's message and stack in an English dialog; a message may
// quote a resident. The log gets the error without its message, she gets a Dutch sentence.
process.on('uncaughtException', (error) => {
  log.error('app.uncaught', error)
  dialog.showErrorBox(
    translate(nl, 'shell.unexpected.title'),
    translate(nl, 'shell.unexpected.detail', { log: logPath }),
  )
})
process.on('unhandledRejection', (reason) => log.error('app.unhandledRejection', reason))

let mainWindow: BrowserWindow | undefined
let context: ApiContext | undefined
let reminders: { stop(): void } | undefined
let backups: { stop(): void } | undefined

function createWindow(): BrowserWindow {
  const statePath = join(dataDir, windowStateFileName)
  const state = readWindowState(
    statePath,
    screen.getAllDisplays().map((display) => display.workArea),
  )
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    show: false,
    title: productName,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // The spellchecker downloads dictionaries; the app makes no network requests at all.
      spellcheck: false,
      // In a package the console cannot be opened at all: it would show every resident.
      devTools: !app.isPackaged,
      zoomFactor: state.zoom,
    },
  })
  if (state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.on('close', () =>
    writeWindowState(statePath, {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
      zoom: window.webContents.getZoomFactor(),
    }),
  )
  window.webContents.on('context-menu', (_event, params) => {
    const items = contextMenu(params)
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window })
  })
  // The page cancels closing while a form holds unsaved changes; Electron would then keep the
  // window open without a word, so ask her here.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      message: translate(nl, 'person.unsaved'),
      buttons: [translate(nl, 'person.leave'), translate(nl, 'person.stay')],
      defaultId: 1,
      cancelId: 1,
    })
    if (choice === 0) event.preventDefault()
  })
  void window.loadURL(devServerUrl ?? rendererUrl)
  return window
}

// Our window, showing our page. The CSP allows no frames (frame-src 'none'), so no frame of someone
// else's can be the sender either.
const isTrustedSender = (event: IpcMainInvokeEvent) =>
  event.sender === mainWindow?.webContents && isOwnPage(event.senderFrame?.url ?? '', devServerUrl)

function showMessage(titleKey: string, detail: string): void {
  const options = {
    type: 'info' as const,
    title: translate(nl, titleKey),
    message: translate(nl, titleKey),
    detail,
    buttons: [translate(nl, 'shell.ok')],
  }
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))
}

const menuActions = {
  about: () =>
    showMessage(
      'shell.about.title',
      translate(nl, 'shell.about.detail', {
        version: app.getVersion(),
        electron: process.versions.electron ?? '',
        chrome: process.versions.chrome ?? '',
        node: process.versions.node,
      }),
    ),
  shortcuts: () =>
    showMessage(
      'shell.shortcuts.title',
      translate(nl, 'shell.shortcuts.detail', {
        mod: process.platform === 'darwin' ? 'Cmd' : 'Ctrl',
      }),
    ),
}

async function start(): Promise<void> {
  log.info('app.start', {
    version: app.getVersion(),
    electron: process.versions.electron ?? null,
    node: process.versions.node,
    platform: process.platform,
    arch: process.arch,
    packaged: app.isPackaged,
  })
  try {
    protocol.handle(appScheme, (request) =>
      rendererResponse(files.rendererDir, request.url, request.method),
    )
    hardenSession(devServerUrl)
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        applicationMenu({
          packaged: app.isPackaged,
          platform: process.platform,
          actions: menuActions,
        }),
      ),
    )
    context = await openContext(
      electronPlatform(showWindow, () => mainWindow),
      log,
    )
    bindApi(createApi(context), isTrustedSender)
    mainWindow = createWindow()
    mainWindow.on('closed', () => (mainWindow = undefined))
    reminders = startReminders(context)
    backups = startBackups(context)
  } catch (error) {
    await failStart(error)
  }
}

/**
 * Anything that goes wrong while starting ends the process with a Dutch message: a process left
 * running without a window would hold the single-instance lock, and every later start would
 * silently give up.
 */
async function failStart(error: unknown): Promise<void> {
  log.error('app.startFailed', error)
  reminders?.stop()
  unbindApi()
  mainWindow?.destroy()
  dialog.showErrorBox(
    translate(nl, 'shell.startFailed.title'),
    error instanceof StoreError
      ? error.message
      : translate(nl, 'shell.startFailed.unexpected', { log: logPath }),
  )
  await context?.store.close().catch(() => undefined)
  app.exit(1)
}

function showWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

app.enableSandbox()
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', showWindow)
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    reminders?.stop()
    reminders = undefined
    backups?.stop()
    backups = undefined
    unbindApi()
    const open = context
    context = undefined
    if (!open) return
    // Close the store before the process goes: its last WAL pages are checkpointed. An erase in a
    // large ledger may have left the rewrite of the file for now (db/privacy/scrub.ts).
    event.preventDefault()
    log.info('app.quit')
    void scrubIfPending(open.store, log)
      .catch((error: unknown) => log.error('store.scrubFailed', error))
      .finally(() => void open.store.close().finally(() => app.quit()))
  })
  void app.whenReady().then(start)
}
