import AxeBuilder from '@axe-core/playwright'
import { _electron, expect, test as base, type Page } from '@playwright/test'
import { bridgeFile } from '../harness/paths'
import { startHarness, type Harness } from '../harness/server'
import { electronAppArgs, projectRoot } from '../support/electron-app'
import { makeTempDir } from '../support/platform'

/** The app under test, whichever shell runs it: Chromium + harness here, Electron where it exists. */
export interface AppUnderTest {
  readonly page: Page
  /** Quits and starts again on the same data folder, as she would the next morning. */
  restart(): Promise<void>
  /** The harness behind the page (browser runs only): its clock and recorded notifications. */
  readonly harness?: Harness
}

export const target = process.env['SPROKKELAAR_E2E'] === 'electron' ? 'electron' : 'browser'

/** Every request the page makes must stay inside the app; anything else fails the test. */
function guardNetwork(page: Page, isOwn: (url: string) => boolean, outside: string[]) {
  page.on('request', (request) => {
    if (!isOwn(request.url())) outside.push(request.url())
  })
}

/** Errors in the page (including CSP violations) fail the test rather than pass unseen. */
function collectPageErrors(page: Page, errors: string[]) {
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
}

// The app's page is served from app://sprokkelaar (electron/protocol.ts).
const isOwnFile = (url: string) => /^(app|data|devtools):/.test(url)

export const test = base.extend<{ dataDir: string; app: AppUnderTest }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from it
  dataDir: async ({}, use) => {
    const dir = makeTempDir('sprokkelaar-e2e-')
    await use(dir.path)
    dir.remove()
  },

  app:
    target === 'electron'
      ? async ({ dataDir }, use) => {
          const outside: string[] = []
          const errors: string[] = []
          const launch = async () => {
            // The project folder, as `npm start` gives it: Electron reads package.json from it.
            const electronApp = await _electron.launch({
              args: electronAppArgs,
              cwd: projectRoot,
              env: { ...process.env, SPROKKELAAR_DATA_DIR: dataDir },
            })
            const page = await electronApp.firstWindow()
            guardNetwork(page, isOwnFile, outside)
            collectPageErrors(page, errors)
            return { electronApp, page }
          }
          let current = await launch()
          await use({
            get page() {
              return current.page
            },
            restart: async () => {
              await current.electronApp.close()
              current = await launch()
            },
          })
          await current.electronApp.close()
          expect(outside, 'requests outside the app').toEqual([])
          expect(errors, 'errors in the page').toEqual([])
        }
      : async ({ dataDir, page, context }, use) => {
          let harness: Harness = await startHarness({ dataDir })
          const origin = new URL(harness.url).origin
          const isOwn = (url: string) =>
            url.startsWith(`${origin}/`) || url.startsWith('data:') || url === 'about:blank'
          const outside: string[] = []
          const errors: string[] = []
          guardNetwork(page, isOwn, outside)
          collectPageErrors(page, errors)
          await context.route(
            (url) => !isOwn(url.href),
            (route) => route.abort(),
          )
          await page.addInitScript({ path: bridgeFile })
          await page.goto(harness.url)
          await use({
            page,
            get harness() {
              return harness
            },
            restart: async () => {
              // Quitting closes her window before the store: nothing the page still asks for
              // (a view loading as the test moves on) can reach a harness that is gone.
              await page.goto('about:blank')
              await harness.close()
              harness = await startHarness({ dataDir, port: harness.port, clock: harness.clock })
              await page.goto(harness.url)
            },
          })
          await page.goto('about:blank')
          await harness.close()
          expect(outside, 'requests outside the harness origin').toEqual([])
          expect(errors, 'errors in the page').toEqual([])
        },
})

/** Fails on any accessibility finding rated serious or critical. */
export async function expectNoSeriousA11yFindings(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length}×)`)
  expect(serious).toEqual([])
}

export { expect }

/** Goes to a view through the sidebar, as she would ("Bewoners", "Na de ronde", "Vandaag"). */
export async function openView(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click()
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
}

/** She adds a resident with the quick add form in Bewoners, and sees her in the list. */
export async function addResident(page: Page, firstName: string, lastName: string): Promise<void> {
  await openView(page, 'Bewoners')
  await page.getByLabel('Voornaam').fill(firstName)
  await page.getByLabel('Achternaam').fill(lastName)
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await expect(page.getByRole('button', { name: `${lastName}, ${firstName}` })).toBeVisible()
}
