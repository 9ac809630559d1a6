import { defineConfig } from 'vitest/config'

// The shell's checks against the build: the main process started on a stand-in Electron, and the
// package electron-builder makes. `npm run test:shell` builds first.
export default defineConfig({
  test: {
    include: ['tests/shell/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
