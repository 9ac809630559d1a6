import { expect, target, test } from './fixtures'

// What the Electron shell denies (electron/security.ts). The browser harness has no shell, so these
// run with `npm run test:electron` only.
test.skip(target !== 'electron', 'the shell exists only in Electron')

test('de app opent geen nieuwe vensters', async ({ app }) => {
  const opened = await app.page.evaluate(() => window.open('https://example.org/') === null)
  expect(opened).toBe(true)
})

test('de app geeft geen toestemmingen (camera, microfoon, locatie)', async ({ app }) => {
  const state = await app.page.evaluate(
    async () => (await navigator.permissions.query({ name: 'geolocation' })).state,
  )
  expect(state).toBe('denied')
})
