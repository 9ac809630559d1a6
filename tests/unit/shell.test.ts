import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { applicationMenu, contextMenu } from '../../electron/menu'
import { dataFolder } from '../../electron/paths'
import { isOwnPage, requestAllowed } from '../../electron/policy'
import { isAppUrl, rendererResponse, rendererUrl } from '../../electron/protocol'
import { readWindowState, writeWindowState } from '../../electron/window-state'
import { makeTempDir } from '../support/platform'

const temp = makeTempDir('sprokkelaar-shell-unit-')
afterAll(() => temp.remove())

describe('the app:// page, from an install folder with any name', () => {
  // Windows users install under "C:\Program Files (x86)", and a folder may hold % or [ ].
  const renderer = join(temp.path, 'Program Files [x86] 100% #1', 'Sprokkelaar', 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><div id="root"></div>')
  writeFileSync(join(renderer, 'assets', 'index-a1.js'), 'console.log(1)')
  writeFileSync(join(temp.path, 'secret.txt'), 'not for the page')

  it('serves the page and its assets, the page with the policy header', async () => {
    const page = await rendererResponse(renderer, rendererUrl)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(await page.text()).toContain('<div id="root">')
    const script = await rendererResponse(renderer, 'app://sprokkelaar/assets/index-a1.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('content-security-policy')).toBeNull()
    expect((await rendererResponse(renderer, 'app://sprokkelaar/')).status).toBe(200)
  })

  it('serves nothing outside the build, however the path is spelt', async () => {
    for (const url of [
      'app://sprokkelaar/../secret.txt',
      'app://sprokkelaar/..%2F..%2F..%2Fsecret.txt',
      'app://sprokkelaar/%2e%2e/%2e%2e/%2e%2e/secret.txt',
      'app://sprokkelaar/assets/%00.js',
      'app://sprokkelaar/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const response = await rendererResponse(renderer, url)
      expect(response.status, url).toBeGreaterThanOrEqual(400)
      expect(await response.text()).not.toContain('not for the page')
    }
    expect((await rendererResponse(renderer, rendererUrl, 'POST')).status).toBe(405)
  })

  it('is our page by its origin, whatever folder it was read from', () => {
    expect(isAppUrl('app://sprokkelaar/index.html#/x')).toBe(true)
    expect(isOwnPage('app://sprokkelaar/index.html')).toBe(true)
    expect(isOwnPage('app://sprokkelaar.evil/index.html')).toBe(false)
    expect(isOwnPage('file:///C:/Program%20Files/Sprokkelaar/index.html')).toBe(false)
    expect(isOwnPage('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isOwnPage('http://localhost:5173/', undefined)).toBe(false)
    expect(isOwnPage('not a url')).toBe(false)
  })
})

describe('requests', () => {
  it('in a build: our files and data: only', () => {
    expect(requestAllowed('app://sprokkelaar/assets/x.js')).toBe(true)
    expect(requestAllowed('data:text/html,<p>')).toBe(true)
    for (const url of [
      'https://example.org/',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'devtools://devtools/',
      'file:///etc/passwd',
      'mailto:someone@example.org',
    ]) {
      expect(requestAllowed(url), url).toBe(false)
    }
  })

  it('in development: also the dev server and its hot-reload socket, on its own port', () => {
    const dev = 'http://localhost:5173'
    expect(requestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(requestAllowed('ws://localhost:5173/?token=x', dev)).toBe(true)
    expect(requestAllowed('devtools://devtools/bundled/inspector.html', dev)).toBe(true)
    expect(requestAllowed('ws://localhost:5174/', dev)).toBe(false)
    expect(requestAllowed('wss://localhost:5173/', dev)).toBe(false)
    expect(requestAllowed('https://fonts.example.org/x.woff2', dev)).toBe(false)
  })
})

describe('the menus', () => {
  const actions = { about: () => undefined, shortcuts: () => undefined }
  const labels = (items: ReturnType<typeof applicationMenu>): string[] =>
    items.flatMap((item) => [
      ...(item.label ? [item.label] : []),
      ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
    ])
  const roles = (items: ReturnType<typeof applicationMenu>): string[] =>
    items.flatMap((item) => [
      ...(item.role ? [item.role] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
    ])

  it('a packaged app has no reload and no developer tools', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const menu = applicationMenu({ packaged: true, platform, actions })
      expect(roles(menu)).not.toContain('toggleDevTools')
      expect(roles(menu)).not.toContain('reload')
      expect(roles(menu)).not.toContain('forceReload')
      expect(labels(menu)).toEqual(
        expect.arrayContaining(['Bewerken', 'Beeld', 'Inzoomen', 'Help']),
      )
    }
  })

  it('on a Mac starts with the app menu, as Mac users expect', () => {
    const menu = applicationMenu({ packaged: true, platform: 'darwin', actions })
    expect(menu[0]!.label).toBe('Sprokkelaar')
    expect(labels([menu[0]!])).toEqual(
      expect.arrayContaining(['Over Sprokkelaar', 'Sprokkelaar afsluiten']),
    )
  })

  it('offers copy for selected text, and nothing where there is nothing to do', () => {
    const flags = {
      canUndo: false,
      canRedo: false,
      canCut: false,
      canCopy: true,
      canPaste: false,
      canDelete: false,
      canSelectAll: false,
      canEditRichly: false,
    }
    expect(
      contextMenu({ isEditable: false, selectionText: 'Kerkstraat', editFlags: flags }),
    ).toEqual([{ role: 'copy', label: 'Kopiëren' }])
    expect(contextMenu({ isEditable: false, selectionText: ' ', editFlags: flags })).toEqual([])
  })
})

describe('the data folder', () => {
  it('is the OS place for an installed app, a folder of its own for a development build', () => {
    const base = { appData: '/home/meike/.config', productName: 'Sprokkelaar' }
    expect(dataFolder({ ...base, packaged: true })).toBe('/home/meike/.config/Sprokkelaar')
    expect(dataFolder({ ...base, packaged: false })).toBe(
      '/home/meike/.config/Sprokkelaar (ontwikkeling)',
    )
    expect(dataFolder({ ...base, packaged: true, override: '/tmp/x' })).toBe('/tmp/x')
  })
})

describe('the window as she left it', () => {
  const path = join(temp.path, 'window-state.json')
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }]

  it('comes back where it was, maximised or not, at her zoom', () => {
    writeWindowState(path, {
      bounds: { x: 300.4, y: 120, width: 1000, height: 700 },
      maximized: true,
      zoom: 1.5,
    })
    expect(readWindowState(path, screen)).toEqual({
      bounds: { x: 300, y: 120, width: 1000, height: 700 },
      maximized: true,
      zoom: 1.5,
    })
  })

  it('on a screen that was unplugged comes back on one that is there', () => {
    writeWindowState(path, {
      bounds: { x: 2200, y: 100, width: 1000, height: 700 },
      maximized: false,
      zoom: 1,
    })
    expect(readWindowState(path, screen).bounds).toEqual({ width: 1000, height: 700 })
  })

  it('is never larger than the largest screen nor smaller than the minimum', () => {
    writeWindowState(path, {
      bounds: { x: 0, y: 0, width: 4000, height: 200 },
      maximized: false,
      zoom: 9,
    })
    const state = readWindowState(path, screen)
    expect(state.bounds).toMatchObject({ width: 1920, height: 560 })
    expect(state.zoom).toBe(3)
  })

  it('falls back to the defaults when the file is missing or damaged', () => {
    const damaged = join(temp.path, 'damaged.json')
    writeFileSync(damaged, '{"bounds":')
    for (const file of [damaged, join(temp.path, 'missing.json')]) {
      expect(readWindowState(file, screen)).toEqual({
        bounds: { width: 1200, height: 800 },
        maximized: false,
        zoom: 1,
      })
    }
    expect(readFileSync(damaged, 'utf8')).toBe('{"bounds":')
  })
})
