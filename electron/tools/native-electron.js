// Builds the SQLite addon for Electron's ABI into .native/electron, leaving node_modules alone.
//
// The addon is not N-API: the build in node_modules is for Node (npm test, npm run bench) and does
// not load in Electron, and an Electron build does not load in Node. So `npm start` and `npm run
// dist` use a second build, made here in a copy of the package, and electron/native.ts points the
// driver at it. Needs the internet once per Electron version (Electron's headers).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

if (existsSync(output) && existsSync(stampFile)) {
  const previous = readFileSync(stampFile, 'utf8')
  if (previous === JSON.stringify(stamp)) {
    console.log(
      `native:electron: up to date (Electron ${stamp.electron}, ${stamp.platform}-${stamp.arch})`,
    )
    process.exit(0)
  }
}

// A copy of the package in a project of its own, so the rebuild never touches node_modules.
const stage = join(outDir, 'stage')
rmSync(stage, { recursive: true, force: true })
mkdirSync(join(stage, 'node_modules'), { recursive: true })
writeFileSync(
  join(stage, 'package.json'),
  JSON.stringify({ name: 'stage', private: true, dependencies: { [moduleName]: stamp.addon } }),
)
cpSync(join(root, 'node_modules', moduleName), join(stage, 'node_modules', moduleName), {
  recursive: true,
  filter: (path) => !path.includes(`${moduleName}/build`),
})

// npm_config_nodedir points node-gyp at Node's headers (needed for the Node build); here it would
// build against the wrong runtime, so it is dropped for this child build only.
delete process.env.npm_config_nodedir
delete process.env.NPM_CONFIG_NODEDIR

const { rebuild } = await import('@electron/rebuild')
console.log(
  `native:electron: building ${moduleName} ${stamp.addon} for Electron ${stamp.electron}…`,
)
try {
  await rebuild({
    buildPath: stage,
    electronVersion: stamp.electron,
    arch: stamp.arch,
    onlyModules: [moduleName],
    force: true,
  })
} catch (error) {
  rmSync(stage, { recursive: true, force: true })
  console.error(
    `native:electron: the Electron build of ${moduleName} failed: ${error.message}\n` +
      'It needs Electron\'s headers from the internet, and a C++ toolchain (see README, "Native module").',
  )
  process.exit(1)
}
cpSync(join(stage, 'node_modules', moduleName, 'build', 'Release', 'better_sqlite3.node'), output)
writeFileSync(stampFile, JSON.stringify(stamp))
rmSync(stage, { recursive: true, force: true })
console.log(`native:electron: ${output}`)
