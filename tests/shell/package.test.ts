import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractAll, extractFile, listPackage } from '@electron/asar'
import { Arch, build, Platform } from 'electron-builder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../support/electron-app'
import { makeTempDir } from '../support/platform'
import { launch, menuLabels, type LaunchReport } from './launch'

// `electron-builder --dir` for Linux x64, with electron-builder.yml as it is, against a stand-in
// Electron (no Electron can be downloaded here): what goes into the package, and whether the
// main process in it starts. The Electron binary, its resources and locales are stand-ins; the
// app, its node_modules, the asar, the unpacked addon and the fuses are electron-builder's.

const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const fuseNames = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
]

/** An Electron distribution as electron-builder unpacks it, with Electron's default fuse wire. */
function standInElectronDist(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  mkdirSync(join(dir, 'locales'), { recursive: true })
  for (const locale of ['en-US', 'nl', 'de', 'fr'])
    writeFileSync(join(dir, 'locales', `${locale}.pak`), '')
  // Electron's defaults: run as node, no cookie encryption, NODE_OPTIONS, --inspect, no asar
  // integrity check, not only from asar, no browser snapshot, extra file:// privileges.
  const wire = Buffer.from(
    [1, fuseNames.length, ...'10110001'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))),
  )
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\n# stand-in Electron\n'),
      Buffer.from(fuseSentinel),
      wire,
    ]),
  )
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'chrome-sandbox'), '')
  writeFileSync(join(dir, 'LICENSE'), 'MIT')
  writeFileSync(join(dir, 'version'), '45.5.0')
  return dir
}

function fusesOf(binary: string): Record<string, string> {
  const bytes = readFileSync(binary)
  const at = bytes.indexOf(fuseSentinel) + fuseSentinel.length
  const length = bytes[at + 1]!
  return Object.fromEntries(
    fuseNames.slice(0, length).map((name, i) => [name, String.fromCharCode(bytes[at + 2 + i]!)]),
  )
}

/** Every production package (name@version) package-lock.json resolves: what the package may hold. */
function productionPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }>
  }
  return new Set(
    Object.entries(lock.packages)
      .filter(
        ([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional,
      )
      .map(([path, entry]) => `${path.split('node_modules/').at(-1)}@${entry.version}`),
  )
}

const temp = makeTempDir('sprokkelaar-package-')
// Installed where Windows users install: spaces, brackets and a per cent sign in the path.
const output = join(temp.path, 'Program Files [x86] 100%', 'dist')
const appOut = join(output, 'linux-unpacked')
const asar = join(appOut, 'resources', 'app.asar')
let files: string[]

beforeAll(async () => {
  await build({
    projectDir: projectRoot,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: {
      electronDist: standInElectronDist(join(temp.path, 'electron-dist')),
      directories: { output },
    },
    publish: 'never',
  })
  files = listPackage(asar, { isPack: false })
}, 180_000)
afterAll(() => temp.remove())

describe('the package (electron-builder --dir, Linux x64)', () => {
  it('holds the built app and its production dependencies only', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/out/main/index.js',
        // The threads the main process starts: the backup, and the indexes of a large ledger.
        '/out/main/backup.js',
        '/out/main/indexer.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
      ]),
    )
    // electron-builder may hoist a nested dependency (saxes's own xmlchars) to the top: each
    // package must still be a production one, at a version production code asked for.
    const topLevel = [
      ...new Set(
        files
          .map((file) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(file)?.[1])
          .filter((name): name is string => name !== undefined),
      ),
    ].sort()
    const production = productionPackages()
    const versioned = topLevel.map((name) => {
      const { version } = JSON.parse(
        extractFile(asar, `node_modules/${name}/package.json`).toString(),
      ) as {
        version: string
      }
      return `${name}@${version}`
    })
    expect(versioned.filter((entry) => !production.has(entry))).toEqual([])
    for (const name of ['better-sqlite3-multiple-ciphers', 'kysely', 'saxes', 'papaparse', 'zod']) {
      expect(topLevel).toContain(name)
    }
    // Only the tests write workbooks: exceljs and its unzippers stay out of her app.
    expect(topLevel).not.toContain('exceljs')
    for (const devOnly of [
      'electron',
      'vitest',
      'typescript',
      '@playwright/test',
      'react',
      'vite',
    ]) {
      expect(topLevel).not.toContain(devOnly)
    }
    // Nothing of the project but the build: no sources, tests, README or CI script.
    expect(
      files.filter((file) => !/^\/(out|node_modules)(\/|$)|^\/package\.json$/.test(file)),
    ).toEqual([])
    // Nothing of the test harness, no sources, no source maps, no C sources of the addon.
    expect(files.filter((file) => file.startsWith('/out/harness'))).toEqual([])
    expect(files.filter((file) => /\.(ts|map)$/.test(file) && !file.endsWith('.d.ts'))).toEqual([])
    expect(
      files.filter((file) => /better-sqlite3-multiple-ciphers\/(deps|src)\//.test(file)),
    ).toEqual([])
  })

  it('keeps the SQLite addon for this OS outside the archive, where Electron can load it', () => {
    const prebuilds = join(
      appOut,
      'resources/app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/prebuilds',
    )
    expect(readdirSync(prebuilds).sort()).toEqual(['linux-arm64.node', 'linux-x64.node'])
    expect(
      files.filter((file) => file.includes('/prebuilds/')).map((file) => file.split('/').at(-1)),
    ).not.toContain('win32-x64.node')
  })

  it('turns the fuses off that would let someone run or inspect it as plain Node', () => {
    expect(fusesOf(join(appOut, 'sprokkelaar'))).toEqual({
      runAsNode: '0',
      enableCookieEncryption: '1',
      enableNodeOptionsEnvironmentVariable: '0',
      enableNodeCliInspectArguments: '0',
      enableEmbeddedAsarIntegrityValidation: '1',
      onlyLoadAppFromAsar: '1',
      loadBrowserProcessSpecificV8Snapshot: '0',
      grantFileProtocolExtraPrivileges: '0',
    })
  })

  it('keeps Chromium’s Dutch and English texts only', () => {
    expect(readdirSync(join(appOut, 'locales')).sort()).toEqual(['en-US.pak', 'nl.pak'])
  })

  it('has what a deb needs (a homepage, a maintainer) and an icon for every OS', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      homepage?: string
    }
    expect(pkg.homepage).toMatch(/^https:\/\//)
    expect(readFileSync(join(projectRoot, 'electron-builder.yml'), 'utf8')).toMatch(
      /maintainer: .+ <.+@.+>/,
    )
    const png = readFileSync(join(projectRoot, 'build/icon.png'))
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024])
    expect(
      readFileSync(join(projectRoot, 'build/icon.ico')).readUInt16LE(4),
    ).toBeGreaterThanOrEqual(6)
    expect(readFileSync(join(projectRoot, 'build/icon.icns')).toString('latin1', 0, 4)).toBe('icns')
  })
})

describe('the packaged app, started from its archive', () => {
  let report: LaunchReport
  it('opens its window from an install folder with [ ] and % in its name', async () => {
    const appDir = join(appOut, 'resources', 'app')
    extractAll(asar, appDir)
    const list = join(temp.path, 'lijst.csv')
    writeFileSync(list, 'Naam;Telefoon\r\nNoor Bakker;0611223344\r\n')
    expect(
      existsSync(
        join(appDir, 'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node'),
      ),
    ).toBe(true)
    report = await launch(join(temp.path, 'run'), {
      appPath: appDir,
      mainFile: join(appDir, 'out/main/index.js'),
      packaged: true,
      resourcesPath: join(appOut, 'resources'),
      env: {},
      probeUrls: ['https://example.org/', 'data:text/html;base64,PHA+PC9wPg=='],
      importFile: list,
    })
    expect(report.started).toBe('window')
    expect(report.errorBoxes).toEqual([])
    expect(report.page).toMatchObject({ status: 200, body: 'the renderer' })
    expect(report.appInfo).toMatchObject({ ok: true, value: { encrypted: true } })
  })

  it('reads an import file with the reader it ships', () => {
    expect(report.imported!.view).toMatchObject({ ok: true, value: { rowCount: 1 } })
    expect(report.imported!.readers).toEqual([
      expect.objectContaining({
        modulePath: join(appOut, 'resources', 'app', 'out/main/reader.js'),
        exists: true,
      }),
    ])
  })

  it('makes its backup at start with the worker it ships', () => {
    expect(report.backups).toHaveLength(1)
    expect(report.log).toMatch(/backup\.written bytes=\d+/)
  })

  it('keeps her data in the installed app’s own folder', () => {
    expect(report.userData).toBe(join(temp.path, 'run', 'appData', 'Sprokkelaar'))
    expect(report.dataFiles).toEqual(expect.arrayContaining(['sprokkelaar.db', 'store-key.json']))
  })

  it('has a Dutch menu without reload or developer tools, and no console at all', () => {
    const labels = menuLabels(report.applicationMenu)
    expect(labels).toEqual(
      expect.arrayContaining([
        'Bestand',
        'Bewerken',
        'Beeld',
        'Inzoomen',
        'Help',
        'Over Sprokkelaar',
        'Sneltoetsen',
      ]),
    )
    expect(labels).not.toContain('Ontwikkelhulpmiddelen')
    expect(labels).not.toContain('Opnieuw laden')
    expect(report.window.webPreferences['devTools']).toBe(false)
  })
})
