// Builds the SQLite addon for Electron's ABI into .native/electron, leaving node_modules alone.
//
// The addon is not N-API: the build in node_modules is for Node (npm test, npm run bench) and does
// not load in Electron, and an Electron build does not load in Node. So `npm start` and `npm run
// dist` use a second build, made here in a copy of the package, and electron/native.ts points the
// driver at it. Needs the internet once per Electron version (Electron's headers).
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const moduleName = 'better-sqlite3-multiple-ciphers'
const outDir = join(root, '.native', 'electron')
const output = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'stamp.json')

const versionOf = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version

const stamp = {
  electron: versionOf('electron'),
  addon: versionOf(moduleName),
  platform: process.platform,
  arch: process.env.npm_config_arch ?? process.arch,
}

mkdirSync(outDir, { recursive: true })
if (existsSync(output) && existsSync(stampFile)) {
  const previous = readFileSync(stampFile, 'utf8')
  if (previous === JSON.stringify(stamp)) {
    console.log(
      `native:electron: up to date (Electron ${stamp.electron}, ${stamp.platform}-${stamp.arch})`,
    )
    process.exit(0)
  }
}

// A copy of the package, so the build never touches the Node build in node_modules.
const stage = join(outDir, 'stage')
rmSync(stage, { recursive: true, force: true })
cpSync(join(root, 'node_modules', moduleName), stage, {
  recursive: true,
  filter: (path) => !path.includes(`${moduleName}/build`),
})

// node-gyp against Electron's headers, as Electron's docs describe for native modules. The
// npm_config_nodedir that points the Node build at Node's headers must not reach this build.
const env = { ...process.env }
delete env.npm_config_nodedir
delete env.NPM_CONFIG_NODEDIR
const nodeGyp = createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js')
console.log(
  `native:electron: building ${moduleName} ${stamp.addon} for Electron ${stamp.electron}…`,
)
const { status } = spawnSync(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${stamp.electron}`,
    `--arch=${stamp.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: stage, env, stdio: 'inherit' },
)
if (status !== 0) {
  rmSync(stage, { recursive: true, force: true })
  console.error(
    `native:electron: the Electron build of ${moduleName} failed (node-gyp exit ${status}).\n` +
      'It needs Electron\'s headers from the internet and a C++ toolchain (see README, "Native module").',
  )
  process.exit(1)
}
cpSync(join(stage, 'build', 'Release', 'better_sqlite3.node'), output)
writeFileSync(stampFile, JSON.stringify(stamp))
rmSync(stage, { recursive: true, force: true })
console.log(`native:electron: ${output}`)
