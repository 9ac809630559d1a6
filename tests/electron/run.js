// `npm run test:electron`: the e2e specs against the real Electron app, where its binary exists.
// Here (ELECTRON_SKIP_BINARY_DOWNLOAD=1) there is none, and the run says so instead of pretending.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
let electronBinary
try {
  electronBinary = require('electron')
} catch (error) {
  console.log(
    'test:electron SKIPPED: no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD, or its ' +
      `download failed): ${error.message.split('\n')[0]}\n` +
      'Run `npm install` on a machine with internet, then `npm run test:electron` again.',
  )
  process.exit(0)
}

const run = (command, args, env = process.env) => {
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  })
  if (status !== 0) process.exit(status ?? 1)
}

console.log(`test:electron: running the e2e specs in ${electronBinary}`)
run('npm', ['run', 'native:electron'])
run('npx', ['electron-vite', 'build'])
run('npx', ['playwright', 'test'], { ...process.env, SPROKKELAAR_E2E: 'electron' })
