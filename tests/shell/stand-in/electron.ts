// A stand-in for the `electron` module: no Electron binary can be downloaded on these machines, so
// the built main process is loaded under plain Node with this module in Electron's place (see
// hooks.ts). It does what the app asks of Electron in memory and records it, and it emulates the
// few things whose Electron behaviour the app depends on: where the app path and the data folder
// are, what the app's name and version are (read from the package.json at the app path, as Electron
// does), and that schemes must be made privileged before the app is ready.
import { fork } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface StandInConfig {
  /** What Electron takes as the app's folder: where its package.json is. */
  appPath: string
  appData: string
  packaged: boolean
  resourcesPath: string
  /** Throw from `new BrowserWindow` (a fault after the store is open). */
  windowFails: boolean
  keyring: boolean
  /** What the open dialog answers (null: she cancels). */
  openFile: string | null
}

interface Recorded {
  /** Links the app handed to the OS (shell.openExternal). */
  openedExternal: string[]
  privilegedSchemes: unknown[]
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>
  applicationMenu: unknown
  popups: unknown[]
  errorBoxes: { title: string; content: string }[]
  messageBoxes: unknown[]
  exitCode: number | undefined
  ipcHandlers: Map<string, (event: unknown, input: unknown) => unknown>
  beforeRequest: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void)[]
  headersReceived: number
  permissionRequest: ((contents: unknown, permission: string, cb: (ok: boolean) => void) => void)[]
  notifications: WeakRef<Notification>[]
  userModelId: string | undefined
  sandboxEnabled: boolean
  utilityProcesses: { modulePath: string; serviceName?: string; execArgv?: string[] }[]
}

export const standIn = {
  config: {
    appPath: process.cwd(),
    appData: '',
    packaged: false,
    resourcesPath: '',
    windowFails: false,
    keyring: false,
    openFile: null,
  } as StandInConfig,
  recorded: {
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    applicationMenu: undefined,
    popups: [],
    errorBoxes: [],
    messageBoxes: [],
    exitCode: undefined,
    ipcHandlers: new Map(),
    beforeRequest: [],
    headersReceived: 0,
    permissionRequest: [],
    notifications: [],
    userModelId: undefined,
    sandboxEnabled: false,
    utilityProcesses: [],
    openedExternal: [],
  } as Recorded,
  ready: undefined as (() => void) | undefined,
  /** Resolves with the exit code when the app calls app.exit or app.quit ends. */
  exited: undefined as unknown as Promise<number>,
}

let resolveExit: (code: number) => void = () => undefined
standIn.exited = new Promise((resolve) => (resolveExit = resolve))

const packageJson = () => {
  try {
    return JSON.parse(readFileSync(join(standIn.config.appPath, 'package.json'), 'utf8')) as {
      name?: string
      productName?: string
      version?: string
    }
  } catch {
    return {}
  }
}

class App extends EventEmitter {
  private paths = new Map<string, string>()
  isReady = false
  private readyPromise = new Promise<void>((resolve) => {
    standIn.ready = () => {
      this.isReady = true
      this.emit('ready')
      resolve()
    }
  })
  get isPackaged() {
    return standIn.config.packaged
  }
  // Electron: the app's package.json, or Electron's own name and version where there is none.
  getName = () => packageJson().productName ?? packageJson().name ?? 'Electron'
  getVersion = () => packageJson().version ?? '45.5.0'
  getAppPath = () => standIn.config.appPath
  getPath = (name: string) => {
    const set = this.paths.get(name)
    if (set) return set
    switch (name) {
      case 'appData':
        return standIn.config.appData
      case 'userData':
        return join(standIn.config.appData, this.getName())
      case 'documents':
        return join(standIn.config.appData, 'Documents')
      default:
        throw new Error(`stand-in: no path ${name}`)
    }
  }
  setPath = (name: string, path: string) => {
    if (this.isReady && name === 'userData') throw new Error('stand-in: userData set after ready')
    this.paths.set(name, path)
  }
  whenReady = () => this.readyPromise
  enableSandbox = () => {
    if (this.isReady) throw new Error('stand-in: enableSandbox after ready')
    standIn.recorded.sandboxEnabled = true
  }
  requestSingleInstanceLock = () => true
  setAppUserModelId = (id: string) => {
    standIn.recorded.userModelId = id
  }
  quit = () => {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
    this.emit('will-quit', event)
    if (!event.defaultPrevented) resolveExit(0)
  }
  exit = (code = 0) => {
    standIn.recorded.exitCode = code
    resolveExit(code)
  }
}

export const app = new App()

class WebContents extends EventEmitter {
  url = ''
  zoom = 1
  getURL = () => this.url
  getZoomFactor = () => this.zoom
  setZoomFactor = (factor: number) => (this.zoom = factor)
  setWindowOpenHandler = () => undefined
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = []
  readonly webContents = new WebContents()
  bounds: { x: number; y: number; width: number; height: number }
  maximized = false
  destroyed = false
  constructor(readonly options: Record<string, unknown>) {
    super()
    if (standIn.config.windowFails) throw new Error('stand-in: the window could not be made')
    this.bounds = {
      x: (options['x'] as number | undefined) ?? 100,
      y: (options['y'] as number | undefined) ?? 100,
      width: options['width'] as number,
      height: options['height'] as number,
    }
    const prefs = options['webPreferences'] as { zoomFactor?: number } | undefined
    this.webContents.zoom = prefs?.zoomFactor ?? 1
    BrowserWindow.all.push(this)
    app.emit('web-contents-created', {}, this.webContents)
  }
  loadURL = async (url: string) => {
    this.webContents.url = url
    this.emit('ready-to-show')
  }
  show = () => undefined
  focus = () => undefined
  restore = () => undefined
  isMinimized = () => false
  maximize = () => (this.maximized = true)
  isMaximized = () => this.maximized
  getNormalBounds = () => this.bounds
  destroy = () => {
    this.destroyed = true
  }
  close = () => {
    this.emit('close', { preventDefault: () => undefined })
    this.emit('closed')
  }
}

export const dialog = {
  showErrorBox: (title: string, content: string) =>
    standIn.recorded.errorBoxes.push({ title, content }),
  showMessageBox: async (...args: unknown[]) => {
    standIn.recorded.messageBoxes.push(args.at(-1))
    return { response: 0 }
  },
  showMessageBoxSync: () => 1,
  showOpenDialog: async () =>
    standIn.config.openFile
      ? { canceled: false, filePaths: [standIn.config.openFile] }
      : { canceled: true, filePaths: [] },
  showSaveDialog: async () => ({ canceled: true }),
}

export const shell = {
  openExternal: async (url: string) => {
    standIn.recorded.openedExternal.push(url)
  },
}

export const Menu = {
  buildFromTemplate: (template: unknown) => ({
    template,
    popup: () => standIn.recorded.popups.push(template),
  }),
  setApplicationMenu: (menu: { template: unknown } | null) => {
    standIn.recorded.applicationMenu = menu?.template ?? null
  },
}

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => {
    // Electron: only before the app is ready.
    if (app.isReady) throw new Error('stand-in: registerSchemesAsPrivileged after ready')
    standIn.recorded.privilegedSchemes.push(...schemes)
  },
  handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) =>
    standIn.recorded.protocolHandlers.set(scheme, handler),
}

/** She has just touched the keyboard: never idle, unless a test says otherwise. */
export const powerMonitor = {
  getSystemIdleTime: () => 0,
}

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (
      handler: (contents: unknown, permission: string, cb: (ok: boolean) => void) => void,
    ) => standIn.recorded.permissionRequest.push(handler),
    setPermissionCheckHandler: () => undefined,
    webRequest: {
      onBeforeRequest: (
        listener: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void,
      ) => standIn.recorded.beforeRequest.push(listener),
      onHeadersReceived: () => (standIn.recorded.headersReceived += 1),
    },
  },
}

export const ipcMain = {
  handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => {
    if (standIn.recorded.ipcHandlers.has(channel)) {
      throw new Error(`stand-in: a second handler for ${channel}`)
    }
    standIn.recorded.ipcHandlers.set(channel, handler)
  },
  removeHandler: (channel: string) => standIn.recorded.ipcHandlers.delete(channel),
}

export class Notification extends EventEmitter {
  static isSupported = () => true
  constructor(readonly options: { title: string; body: string }) {
    super()
    standIn.recorded.notifications.push(new WeakRef(this))
  }
  show = () => undefined
}

/**
 * Electron's utility process, as a real Node child process: the module runs outside this process,
 * with `process.parentPort` as Electron gives it (see utility-child.mjs), and messages are cloned
 * (V8's serializer, as Electron's structured clone), so the built reader runs as it will.
 */
class UtilityProcess extends EventEmitter {
  private readonly child
  constructor(modulePath: string, args: string[], options: { execArgv?: string[] }) {
    super()
    const shim = fileURLToPath(new URL('./utility-child.mjs', import.meta.url))
    this.child = fork(modulePath, args, {
      execArgv: [...(options.execArgv ?? []), '--import', shim],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    })
    this.child.on('spawn', () => this.emit('spawn'))
    this.child.on('message', (message) => this.emit('message', message))
    this.child.on('exit', (code) => this.emit('exit', code ?? 1))
  }
  get pid() {
    return this.child.pid
  }
  postMessage = (message: unknown) => this.child.send(message as never)
  kill = () => this.child.kill()
}

export const utilityProcess = {
  fork: (
    modulePath: string,
    args: string[] = [],
    options: { serviceName?: string; execArgv?: string[] } = {},
  ) => {
    if (!app.isReady) throw new Error('stand-in: utilityProcess.fork before ready')
    standIn.recorded.utilityProcesses.push({
      modulePath,
      ...(options.serviceName ? { serviceName: options.serviceName } : {}),
      ...(options.execArgv ? { execArgv: options.execArgv } : {}),
    })
    return new UtilityProcess(modulePath, args, options)
  },
}

export const safeStorage = {
  isEncryptionAvailable: () => standIn.config.keyring,
  getSelectedStorageBackend: () => (standIn.config.keyring ? 'gnome_libsecret' : 'basic_text'),
  encryptString: (plain: string) => Buffer.from(`sealed:${plain}`),
  decryptString: (sealed: Buffer) => sealed.toString().replace(/^sealed:/, ''),
}
