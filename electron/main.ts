import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron'
import { createApi } from '../db/api'
import { openContext, type ApiContext } from '../db/context'
import { StoreError } from '../db/errors'
import { startReminders } from '../db/reminders'
import { translate } from '../shared/i18n/messages'
import { nl } from '../shared/i18n/nl'
import { bindApi, unbindApi } from './ipc'
import { electronPlatform } from './platform'
import { hardenSession } from './security'

const here = fileURLToPath(new URL('.', import.meta.url))
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
const rendererFile = join(here, '../renderer/index.html')

// `npm run test:electron` gives every test its own data folder; a normal start uses the OS default.
const dataDirOverride = process.env['SPROKKELAAR_DATA_DIR']
if (dataDirOverride) app.setPath('userData', dataDirOverride)

// Our own files: the built renderer (inside app.asar once packaged), or the dev server in development.
const ownPrefix = devServerUrl ?? `${pathToFileURL(join(here, '..')).href}/`
const isOwnUrl = (url: string) => url.startsWith(ownPrefix)

let mainWindow: BrowserWindow | undefined
let context: ApiContext | undefined
let reminders: { stop(): void } | undefined

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Sprokkelaar',
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // The spellchecker downloads dictionaries; the app makes no network requests at all.
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
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
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(rendererFile)
  return window
}

// Our window, showing our page. The CSP allows no frames (frame-src 'none'), so no frame of someone
// else's can be the sender either.
const isTrustedSender = (event: IpcMainInvokeEvent) =>
  event.sender === mainWindow?.webContents && isOwnUrl(event.senderFrame?.url ?? '')

async function start(): Promise<void> {
  hardenSession(isOwnUrl, { cspHeader: !devServerUrl })
  try {
    context = await openContext(electronPlatform(showWindow, () => mainWindow))
  } catch (error) {
    const message = error instanceof StoreError ? error.message : String(error)
    dialog.showErrorBox('Sprokkelaar kan niet starten', message)
    app.exit(1)
    return
  }
  bindApi(
    createApi(context, { onError: (channel, error) => console.error(`[${channel}]`, error) }),
    isTrustedSender,
  )
  mainWindow = createWindow()
  mainWindow.on('closed', () => (mainWindow = undefined))
  reminders = startReminders(context)
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
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    reminders?.stop()
    unbindApi()
    void context?.store.close()
  })
  void app.whenReady().then(start)
}
