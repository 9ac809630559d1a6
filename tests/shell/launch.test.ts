import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import vm from 'node:vm'
import { afterAll, describe, expect, it } from 'vitest'
import { channelNames } from '../../shared/channels'
import { electronApp, electronAppArgs, projectRoot } from '../support/electron-app'
import { makeTempDir, nodePlatform, TestClock } from '../support/platform'
import { createApi } from '../../db/api'
import { openContext, storeFileName } from '../../db/context'
import { indexerChild } from '../../db/platform/indexer-child'
import { runIndexer } from '../../db/search/indexer'
import { SearchIndex } from '../../db/search/search-index'
import { launch, menuLabels, type LaunchReport } from './launch'

// The built main process (npm run build), started on the stand-in Electron the way each setup
// starts it. Nothing here runs Electron itself: it cannot be downloaded on these machines.
const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  version: string
}
const temp = makeTempDir('sprokkelaar-shell-')
afterAll(() => temp.remove())
let runs = 0
const dir = () => join(temp.path, `run-${++runs}`)

/** `electron .` from the project folder: npm start (electron-vite preview) and test:electron. */
const fromProject = electronApp('.')

/** What every setup that opens a window must show. */
function expectAWorkingWindow(report: LaunchReport) {
  expect(report.started).toBe('window')
  expect(report.errorBoxes).toEqual([])
  expect(report.sandboxEnabled).toBe(true)
  expect(report.privilegedSchemes).toEqual([
    { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
  ])
  expect(report.window.webPreferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
  })
  expect(report.preloadExists).toBe(true)
  // Every channel of the contract is bound, and answers only our own window's own page.
  expect(report.channels).toEqual([...channelNames].sort())
  expect(report.appInfo).toMatchObject({ ok: true, value: { version, encrypted: true } })
  expect(report.foreignFrame).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  expect(report.otherWindow).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  expect(report.permissionGranted).toBe(false)
  // No policy header for every response: the PDF's data: document keeps its own inline styles.
  expect(report.headersReceivedHandlers).toBe(0)
  expect(report.requests['https://example.org/']).toBe('cancelled')
  expect(report.requests['data:text/html;base64,PHA+PC9wPg==']).toBe('allowed')
  // A right-click where she types: knippen, kopiëren, plakken, as the edit flags allow.
  expect(report.contextMenu).toEqual([
    [
      { label: 'Knippen', role: 'cut', enabled: false },
      { label: 'Kopiëren', role: 'copy', enabled: false },
      { label: 'Plakken', role: 'paste' },
      {},
      { label: 'Alles selecteren', role: 'selectAll' },
    ],
  ])
  // Quitting unbinds the API, closes the store (its WAL checkpointed away) and ends the process.
  expect(report.channelsAfterQuit).toBe(0)
  expect(report.quitExit).toBe(0)
  expect(report.dataFiles).toEqual(
    expect.arrayContaining(['sprokkelaar.db', 'store-key.json', 'sprokkelaar.log']),
  )
  expect(report.dataFiles).not.toContain('sprokkelaar.db-wal')
  // Contact opnemen: only the links built from her stored values reach the OS; a page that sends
  // a URL of its own is refused before anything opens.
  expect(report.contact.results.map((result) => result.ok)).toEqual([
    true,
    true,
    true,
    false,
    true,
    false,
  ])
  expect(report.contact.opened).toEqual([
    'mailto:mira@example.nl',
    'tel:+31612345678',
    'https://wa.me/31612345678',
    'mailto:?bcc=mira@example.nl,ruben@example.nl',
  ])
  // A backup at start, written and checked by the worker thread built beside the main process.
  expect(report.backups).toEqual([
    expect.stringMatching(/^sprokkelaar-backup-\d{4}-\d{2}-\d{2}-\d{6}\.sprokkel-backup$/),
  ])
  expect(report.log).toMatch(/info backup\.written bytes=\d+/)
}

const probeUrls = [
  'app://sprokkelaar/assets/index.js',
  'https://example.org/',
  'data:text/html;base64,PHA+PC9wPg==',
  'ws://localhost:5173/?token=abc',
  'http://localhost:5173/@vite/client',
  'http://localhost:5174/',
  'devtools://devtools/bundled/inspector.html',
]

describe('npm start (electron-vite preview: `electron .`, a build, not packaged)', () => {
  let report: LaunchReport
  it('starts', async () => {
    const list = join(temp.path, 'bewoners.csv')
    writeFileSync(
      list,
      'Naam;Telefoon\r\nFatima el Amrani;0612345678\r\nJan de Vries;0687654321\r\n',
    )
    report = await launch(dir(), {
      ...fromProject,
      packaged: false,
      env: {},
      probeUrls,
      importFile: list,
    })
    expectAWorkingWindow(report)
  })

  it('reads an import file in a utility process of its own, built next to the main process', () => {
    expect(report.imported!.view).toMatchObject({
      ok: true,
      value: { fileName: 'bewoners.csv', format: 'csv', rowCount: 2 },
    })
    expect(report.imported!.readers).toEqual([
      {
        modulePath: join(projectRoot, 'out/main/reader.js'),
        serviceName: 'Sprokkelaar bestandslezer',
        execArgv: ['--max-old-space-size=512'],
        exists: true,
      },
    ])
  })

  it('serves its page from app://, with the policy header, and nothing outside the build', () => {
    expect(report.loadedUrl).toBe('app://sprokkelaar/index.html')
    expect(report.page).toMatchObject({ status: 200, body: 'the renderer' })
    expect(report.page!.csp).toMatch(/^default-src 'self'.*frame-ancestors 'none'$/)
    expect(report.scripts.length).toBeGreaterThan(0)
    for (const script of report.scripts) expect(script.status).toBe(200)
    expect(report.outside).toBe(404)
    expect(report.requests['ws://localhost:5173/?token=abc']).toBe('cancelled')
  })

  it('keeps its data apart from the installed app’s', () => {
    expect(report.userData).toBe(join(report.userData, '..', 'Sprokkelaar (ontwikkeling)'))
  })

  it('has a Dutch menu, with zoom, help, and the developer tools of a development build', () => {
    expect(menuLabels(report.applicationMenu)).toEqual([
      'Bestand',
      'Sprokkelaar afsluiten',
      'Bewerken',
      'Ongedaan maken',
      'Opnieuw',
      'Knippen',
      'Kopiëren',
      'Plakken',
      'Alles selecteren',
      'Beeld',
      'Ware grootte',
      'Inzoomen',
      'Uitzoomen',
      'Volledig scherm',
      'Opnieuw laden',
      'Ontwikkelhulpmiddelen',
      'Help',
      'Sneltoetsen',
      'Over Sprokkelaar',
    ])
    expect(report.window.webPreferences['devTools']).toBe(true)
  })

  it('meets a fault nobody caught with a Dutch message, and logs it without its message', () => {
    expect(report.uncaught).toEqual([
      {
        title: 'Er ging iets mis in Sprokkelaar',
        content: expect.stringContaining('Wat je al had opgeslagen is bewaard.'),
      },
    ])
    expect(report.log).toMatch(/error app\.uncaught error="Error"/)
    expect(report.log).not.toContain('Fatima')
  })

  it('remembers the window and her zoom, and starts from them the next time', async () => {
    expect(report.windowState).toEqual({
      bounds: { x: 100, y: 100, width: 1200, height: 800 },
      maximized: false,
      zoom: 1.25,
    })
  })
})

describe('npm run dev (the renderer from the Vite dev server)', () => {
  it('loads the dev server and lets its hot-reload socket through, nothing else', async () => {
    const report = await launch(dir(), {
      ...fromProject,
      packaged: false,
      env: {
        ELECTRON_RENDERER_URL: 'http://localhost:5173',
        NODE_ENV_ELECTRON_VITE: 'development',
      },
      probeUrls,
    })
    expectAWorkingWindow(report)
    expect(report.loadedUrl).toBe('http://localhost:5173')
    expect(report.requests).toMatchObject({
      'ws://localhost:5173/?token=abc': 'allowed',
      'http://localhost:5173/@vite/client': 'allowed',
      'devtools://devtools/bundled/inspector.html': 'allowed',
      'http://localhost:5174/': 'cancelled',
    })
  })
})

describe('npm run test:electron (Playwright’s _electron with the e2e fixture’s arguments)', () => {
  let report: LaunchReport
  it('finds its app, its window and the data folder the test gives it', async () => {
    const dataDir = join(dir(), 'data')
    report = await launch(dir(), {
      ...electronApp(electronAppArgs[0]!),
      packaged: false,
      env: { SPROKKELAAR_DATA_DIR: dataDir },
      seedDueFollowUp: true,
      probeUrls,
    })
    expectAWorkingWindow(report)
    expect(report.userData).toBe(dataDir)
    // The app path is the project: Electron reads its package.json (name and version).
    expect(report.appInfo).toMatchObject({ ok: true, value: { version, dataDir } })
  })

  it('shows a reminder without names, and a click after garbage collection opens Vandaag', () => {
    expect(report.reminder).toEqual({
      text: { title: 'Sprokkelaar', body: '1 opvolging voor vandaag' },
      aliveAfterGc: true,
      navigation: { ok: true, value: 'today' },
    })
  })

  it('logs its start and its store, and nothing about the resident', () => {
    expect(report.log).toMatch(/app\.start .*packaged=false/)
    expect(report.log).toMatch(/store\.opened encrypted=true/)
    expect(report.log).not.toMatch(/Ans|Bakker/)
  })
})

describe('on Windows', () => {
  it('names itself to Windows, so its reminders are shown under its own name', async () => {
    const report = await launch(dir(), {
      ...fromProject,
      packaged: false,
      platform: 'win32',
      env: {},
    })
    expect(report.started).toBe('window')
    expect(report.userModelId).toBe(process.execPath)
  })
})

describe('a start that goes wrong', () => {
  it('after the store is open: a Dutch error box, the store closed, and the process ends', async () => {
    const dataDir = join(dir(), 'data')
    const report = await launch(dir(), {
      ...fromProject,
      packaged: false,
      windowFails: true,
      env: { SPROKKELAAR_DATA_DIR: dataDir },
    })
    expect(report.started).toBe('exited')
    expect(report.exitCode).toBe(1)
    expect(report.errorBoxes).toEqual([
      {
        title: 'Sprokkelaar kan niet starten',
        content: expect.stringContaining(`het logbestand (${join(dataDir, 'sprokkelaar.log')})`),
      },
    ])
    expect(report.dataFiles).toContain('sprokkelaar.db')
    expect(report.dataFiles).not.toContain('sprokkelaar.db-wal')
    expect(report.log).toMatch(/error app\.startFailed error="Error"/)
    expect(report.log).not.toContain('could not be made')
  })

  it('with a damaged key file: says so in Dutch, makes no new key, and ends', async () => {
    const dataDir = join(dir(), 'data')
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(join(dataDir, 'store-key.json'), '{"version":1,"protec')
    const report = await launch(dir(), {
      ...fromProject,
      packaged: false,
      env: { SPROKKELAAR_DATA_DIR: dataDir },
    })
    expect(report.started).toBe('exited')
    expect(report.exitCode).toBe(1)
    expect(report.errorBoxes).toEqual([
      {
        title: 'Sprokkelaar kan niet starten',
        content: expect.stringMatching(/^Het sleutelbestand .* is beschadigd/),
      },
    ])
    expect(readFileSync(join(dataDir, 'store-key.json'), 'utf8')).toBe('{"version":1,"protec')
    expect(report.dataFiles).not.toContain('sprokkelaar.db')
  })
})

describe('the preload', () => {
  it('is one CommonJS file that requires only electron and exposes one call per channel', () => {
    const code = readFileSync(join(projectRoot, 'out/preload/index.cjs'), 'utf8')
    const required: string[] = []
    const exposed: Record<string, unknown> = {}
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: { invoke: async () => ({ ok: true, value: null }) },
    }
    const module = { exports: {} }
    vm.runInNewContext(code, {
      require: (name: string) => {
        required.push(name)
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`)
        return electron
      },
      module,
      exports: module.exports,
    })
    expect(required).toEqual(['electron'])
    const api = exposed['sprokkel'] as Record<string, Record<string, unknown>>
    expect(Object.keys(exposed)).toEqual(['sprokkel'])
    const calls = Object.entries(api).flatMap(([domain, verbs]) =>
      Object.keys(verbs).map((verb) => `${domain}:${verb}`),
    )
    expect(calls.sort()).toEqual([...channelNames].sort())
  })
})

describe('the indexer', () => {
  it('is built beside the main process and fills the people indexes of a store, as a utility process and as a Node child', async () => {
    const folder = dir()
    const platform = nodePlatform(folder, new TestClock(new Date('2026-03-02T09:30:00Z')))
    const ctx = await openContext(platform)
    const api = createApi(ctx)
    const ids: string[] = []
    for (const [firstName, lastName] of [
      ['Ans', 'Bakker'],
      ['Kees', 'Mol'],
      ['Fatima', 'el Amrani'],
    ] as const) {
      const created = await api['people:create']({ firstName, lastName })
      if (!created.ok) throw new Error(created.error.code)
      ids.push((created.value as { id: string }).id)
    }
    await ctx.store.close()
    // What the packaged app starts for a large ledger (electron/platform.ts), not its tsx loader:
    // in the stand-in's utility process (Electron's `process.parentPort`), and as a Node child.
    const entry = pathToFileURL(join(projectRoot, 'out/main/indexer.js'))
    const utility = ['--import', join(import.meta.dirname, 'stand-in/utility-child.mjs')]
    const { key } = await platform.storeKey()
    for (const execArgv of [utility, []]) {
      const run = runIndexer(() => indexerChild(entry, execArgv), {
        path: join(folder, storeFileName),
        key,
        chunk: 2,
      })
      const outcome = await run.outcome
      if (!outcome.ok) throw new Error(outcome.detail)
      expect(outcome.people).toBe(3)
      const search = new SearchIndex()
      search.load(outcome.search)
      expect(search.search('bakkr').map((hit) => hit.id)).toEqual([ids[0]])
      expect(search.search('fatma amrani').map((hit) => hit.id)).toEqual([ids[2]])
    }
  })
})
