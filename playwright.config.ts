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
  // Specs wait on the UI, never on time. These bounds only decide when a wait has failed, and
  // leave room for a shared CI machine: every spec passed 5 runs in a row with a core kept busy,
  // and 3 with both; the longest journeys set their own (test.setTimeout).
  timeout: 30_000,
  expect: { timeout: 10_000 },
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
