// Starts the built main process (out/main/index.js) under plain Node on the stand-in `electron`,
// the way one setup starts it (npm start, npm run dev, npm run test:electron, the package), then
// does what Electron and she would do (the app gets ready, the page loads and calls the API, a
// right-click, a reminder is clicked after garbage collection, the window closes, she quits) and
// writes what happened to a JSON report. Run by tests/shell/launch.test.ts, one process a setup:
//   node --expose-gc --import tsx --import ./tests/shell/stand-in/hooks.ts tests/shell/launch-main.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { listBackups } from '../../db/backup/backups'
import { app, BrowserWindow, standIn } from './stand-in/electron'

export interface LaunchSetup {
  /** Where Electron takes the app to be (the folder of its package.json, or the asar contents). */
  appPath: string
  /** The script Electron runs: package.json's main, from the app path. */
  mainFile: string
  appData: string
  packaged: boolean
  resourcesPath?: string
  env: Record<string, string>
  /**
   * Pretend to be this OS while the main module is evaluated (where it sets the Windows user model
   * id); not after, or the SQLite driver would load that OS's binary.
   */
  platform?: NodeJS.Platform
  windowFails?: boolean
  /** A resident with a follow-up due today, in SPROKKELAAR_DATA_DIR before the app starts. */
  seedDueFollowUp?: boolean
  /** Requests the session is asked about. */
  probeUrls?: string[]
  /** A list she imports: read in the utility process, as the shell reads every import file. */
  importFile?: string
  report: string
}

type Result = { ok: boolean; value?: unknown; error?: { code: string } }
type Handler = (event: unknown, input?: unknown) => Promise<Result>

const setup = JSON.parse(process.env['SHELL_SETUP']!) as LaunchSetup

/** Waits for the app's own state, never for a fixed time; gives up after a generous deadline. */
async function until<T>(check: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`launch-main: gave up waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

type MenuItem = { label?: string; role?: string; enabled?: boolean; submenu?: MenuItem[] }
const menuShape = (items: unknown): MenuItem[] =>
  (items as MenuItem[]).map((item) => ({
    ...(item.label ? { label: item.label } : {}),
    ...(item.role ? { role: item.role } : {}),
    ...(item.enabled === false ? { enabled: false } : {}),
    ...(item.submenu ? { submenu: menuShape(item.submenu) } : {}),
  }))

/** A request for one of our pages, answered by the handler the app registered for its scheme. */
async function fetchOwn(url: string) {
  const handler = standIn.recorded.protocolHandlers.get(new URL(url).protocol.slice(0, -1))
  if (!handler) return { status: 0, type: null, csp: null, body: '' }
  const response = await handler(new Request(url))
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    body: await response.text(),
  }
}

async function seedDueFollowUp(dataDir: string): Promise<void> {
  const { openContext } = await import('../../db/context')
  const { createApi } = await import('../../db/api')
  const { nodePlatform } = await import('../support/platform')
  const ctx = await openContext(nodePlatform(dataDir))
  const api = createApi(ctx)
  const person = await api['people:create']({ firstName: 'Ans', lastName: 'Bakker' })
  const { today } = ((await api['app:today'](undefined)) as { value: { today: string } }).value
  await api['followups:create']({
    personId: (person as { value: { id: string } }).value.id,
    dueOn: today,
  })
  await ctx.store.close()
}

async function inspectRunningApp(window: BrowserWindow): Promise<Record<string, unknown>> {
  const url = window.webContents.getURL()
  const page = url.startsWith('app:') ? await fetchOwn(url) : null
  const scripts = page
    ? await Promise.all(
        [...page.body.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map(
          async ([, src]) => {
            const asset = await fetchOwn(new URL(src!, url).href)
            return { src, status: asset.status, type: asset.type }
          },
        ),
      )
    : []
  const outside = await fetchOwn('app://sprokkelaar/..%2F..%2Fpackage.json')

  const handlers = standIn.recorded.ipcHandlers
  const call = (channel: string, event: unknown, input?: unknown) =>
    (handlers.get(channel) as Handler)(event, input)
  const trusted = { sender: window.webContents, senderFrame: { url } }
  const channels = [...handlers.keys()].sort()
  const appInfo = await call('app:info', trusted)
  const foreignFrame = await call('app:info', {
    ...trusted,
    senderFrame: { url: 'https://example.org/' },
  })
  const otherWindow = await call('app:info', { sender: {}, senderFrame: { url } })

  const requests = Object.fromEntries(
    (setup.probeUrls ?? []).map((probe) => {
      let cancel: boolean | undefined
      for (const listener of standIn.recorded.beforeRequest) {
        listener({ url: probe }, (result) => (cancel = result.cancel))
      }
      return [probe, cancel === undefined ? 'no filter' : cancel ? 'cancelled' : 'allowed']
    }),
  )
  let permission: boolean | undefined
  for (const handler of standIn.recorded.permissionRequest) {
    handler(window.webContents, 'media', (granted) => (permission = granted))
  }

  window.webContents.emit(
    'context-menu',
    {},
    {
      isEditable: true,
      selectionText: '',
      editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
    },
  )

  let reminder: Record<string, unknown> | null = null
  if (setup.seedDueFollowUp) {
    const shown = await until(() => standIn.recorded.notifications[0], 'the reminder')
    const text = { ...shown.deref()!.options }
    // Electron drops a click on a notification nothing references any more.
    for (let i = 0; i < 3; i++) {
      ;(globalThis as { gc?: () => void }).gc!()
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    const alive = shown.deref()
    alive?.emit('click')
    reminder = {
      text,
      aliveAfterGc: alive !== undefined,
      navigation: await call('app:takeNavigation', trusted),
    }
  }

  let imported: Record<string, unknown> | null = null
  if (setup.importFile) {
    standIn.config.openFile = setup.importFile
    imported = {
      view: await call('import:open', trusted),
      readers: standIn.recorded.utilityProcesses.map((reader) => ({
        ...reader,
        exists: existsSync(reader.modulePath),
      })),
    }
  }

  // Contact opnemen: the link the shell hands to the OS, built from what the ledger holds. A
  // resident whose stored values are hostile gets nothing opened.
  const contacted = (await call('people:create', trusted, {
    firstName: 'Mira',
    email: 'mira@example.nl',
    phone: '06-12345678',
  })) as { ok: boolean; value?: { id: string } }
  const contact = {
    results: [] as unknown[],
    opened: standIn.recorded.openedExternal,
  }
  if (contacted.ok) {
    for (const via of ['email', 'phone', 'whatsapp']) {
      contact.results.push(
        await call('contact:open', trusted, { personId: contacted.value!.id, via }),
      )
    }
    contact.results.push(
      await call('contact:open', trusted, {
        personId: contacted.value!.id,
        via: 'email',
        url: 'javascript:alert(1)',
      }),
    ) // One mail to two residents: both addresses as BCC, none in To.
    const other = (await call('people:create', trusted, {
      firstName: 'Ruben',
      email: 'ruben@example.nl',
    })) as { ok: boolean; value?: { id: string } }
    const selection = { ids: [contacted.value!.id, other.value?.id] }
    contact.results.push(await call('contact:mailMany', trusted, { selection }))
    contact.results.push(
      await call('contact:mailMany', trusted, { selection, url: 'mailto:?to=x@example.nl' }),
    )
  }

  // The backup the app makes at start, by the worker thread it ships (out/main/backup.js).
  const logFile = join(app.getPath('userData'), 'sprokkelaar.log')
  await until(
    () => (readFileSync(logFile, 'utf8').includes(' backup.written ') ? true : undefined),
    'the backup at start',
  )
  const backups = listBackups(join(app.getPath('userData'), 'backups')).map((b) => b.name)

  // A fault nobody caught, whose message quotes a resident.
  process.emit('uncaughtException', new Error('Cannot read Fatima el Amrani'))
  const uncaught = standIn.recorded.errorBoxes.splice(0)

  window.webContents.setZoomFactor(1.25)
  const webPreferences = { ...(window.options['webPreferences'] as { preload: string }) }
  window.close()
  app.quit()
  const exit = await standIn.exited
  const statePath = join(app.getPath('userData'), 'window-state.json')
  return {
    window: { ...window.options, webPreferences },
    loadedUrl: url,
    preloadExists: existsSync(webPreferences.preload),
    page: page && {
      ...page,
      body: page.body.includes('<div id="root">') ? 'the renderer' : page.body,
    },
    scripts,
    outside: outside.status,
    channels,
    channelsAfterQuit: handlers.size,
    appInfo,
    foreignFrame,
    otherWindow,
    requests,
    headersReceivedHandlers: standIn.recorded.headersReceived,
    permissionGranted: permission ?? null,
    applicationMenu: menuShape(standIn.recorded.applicationMenu),
    contextMenu: standIn.recorded.popups.map(menuShape),
    reminder,
    imported,
    backups,
    contact,
    uncaught,
    windowState: existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : null,
    quitExit: exit,
  }
}

Object.assign(standIn.config, {
  appPath: setup.appPath,
  appData: setup.appData,
  packaged: setup.packaged,
  resourcesPath: setup.resourcesPath ?? '',
  windowFails: setup.windowFails ?? false,
})
Object.assign(process.env, setup.env)
if (setup.seedDueFollowUp) await seedDueFollowUp(setup.env['SPROKKELAAR_DATA_DIR']!)

const realPlatform = process.platform
if (setup.platform) Object.defineProperty(process, 'platform', { value: setup.platform })
await import(pathToFileURL(setup.mainFile).href)
Object.defineProperty(process, 'platform', { value: realPlatform })
standIn.ready!()
const started = await Promise.race([
  standIn.exited.then(() => 'exited' as const),
  until(
    () =>
      standIn.recorded.ipcHandlers.size > 0 && BrowserWindow.all.length > 0 ? 'window' : undefined,
    'the window',
  ),
])
const report: Record<string, unknown> = {
  started,
  privilegedSchemes: standIn.recorded.privilegedSchemes,
  sandboxEnabled: standIn.recorded.sandboxEnabled,
  userModelId: standIn.recorded.userModelId ?? null,
  errorBoxes: standIn.recorded.errorBoxes,
  exitCode: standIn.recorded.exitCode ?? null,
  userData: app.getPath('userData'),
}
if (started === 'window') Object.assign(report, await inspectRunningApp(BrowserWindow.all[0]!))
report['dataFiles'] = existsSync(app.getPath('userData'))
  ? readdirSync(app.getPath('userData')).sort()
  : []
report['log'] = existsSync(join(app.getPath('userData'), 'sprokkelaar.log'))
  ? readFileSync(join(app.getPath('userData'), 'sprokkelaar.log'), 'utf8')
  : ''
writeFileSync(setup.report, JSON.stringify(report, null, 2))
process.exit(0)
