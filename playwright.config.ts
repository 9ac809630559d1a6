import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from './tests/support/chromium'

const electron = process.env['SPROKKELAAR_E2E'] === 'electron'

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 2,
  reporter: [['list']],
  globalSetup: './tests/harness/global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
  },
  projects: electron
    ? [{ name: 'electron' }]
    : [
        {
          name: 'chromium',
          use: {
            browserName: 'chromium',
            // Debian's Chromium: Playwright's own browser download cannot reach its host here.
            launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
          },
        },
      ],
})
