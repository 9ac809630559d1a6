// `npm run test:electron`: the e2e specs against the real Electron app, where its binary exists.
// Electron 45 downloads its binary on first use (`install-electron`), not at `npm install`. Where
// that download cannot happen (these CI machines), the run says it was skipped instead of pretending.
import { spawnSync } from 'node:child_process'

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const run = (args, env = process.env) =>
  spawnSync(npx, args, { stdio: 'inherit', env, shell: process.platform === 'win32' }).status

if (run(['install-electron']) !== 0) {
  console.log(
    'test:electron SKIPPED: no Electron binary could be installed (no internet, or its host is ' +
      'not reachable). Run `npm run test:electron` again on a machine with internet.',
  )
  process.exit(0)
}

if (run(['electron-vite', 'build']) !== 0) process.exit(1)
const status = run(['playwright', 'test'], { ...process.env, SPROKKELAAR_E2E: 'electron' })
if (status !== 0 && process.platform === 'linux') {
  console.log(
    '\nOn Ubuntu 24.04 and later, Electron started from node_modules stops with "The SUID sandbox ' +
      'helper binary was found, but is not configured correctly" (AppArmor restricts the user ' +
      'namespaces Chromium’s sandbox uses). See the README, "On Ubuntu 24.04".',
  )
}
process.exit(status ?? 1)
