import type { Page } from '@playwright/test'
import { notifyDue } from '../../db/followups/reminders'
import { expect, expectNoSeriousA11yFindings, openView, target, test } from './fixtures'

// These move the clock through the harness; real Electron keeps its own.
test.skip(target === 'electron', 'the clock is moved through the browser harness')

/** Records someone after a round with a follow-up pick, as in "Na de ronde". */
async function capture(page: Page, first: string, tv: string, last: string, pick: string) {
  await openView(page, 'Na de ronde')
  await page.getByLabel('Voornaam').fill(first)
  await page.getByLabel('Tussenvoegsel').fill(tv)
  await page.getByLabel('Achternaam').fill(last)
  await page.getByLabel('Opvolgen').selectOption({ label: pick })
  await page.getByLabel('Voornaam').press('Enter')
  await expect(page.getByText(`${first} ${tv} ${last} is vastgelegd.`)).toBeVisible()
}

const group = (page: Page, name: string) => page.getByRole('list', { name, exact: true })

test('over een jaar: eerst later, een jaar later te laat, dan gedaan met een notitie', async ({
  app,
}) => {
  const { page } = app
  app.harness!.clock.set('2026-11-26T09:00:00.000Z')
  await capture(page, 'Fatima', 'el', 'Amrani', 'Over 1 jaar')

  await openView(page, 'Vandaag')
  await expect(group(page, 'Later').getByRole('listitem')).toHaveText([
    /Fatima el Amrani.*Terugkomen zoals afgesproken.*Gepland op 26 november 2027/,
  ])
  await expect(page.getByRole('heading', { name: /Te laat/ })).toContainText('0')

  // A year and a day later she opens the app.
  app.harness!.clock.set('2027-11-27T08:00:00.000Z')
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible()
  await expect(group(page, 'Te laat').getByRole('listitem')).toHaveText([/Fatima el Amrani/])
  await expect(
    page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: /Vandaag/ }),
  ).toHaveAccessibleName(/1 opvolging vandaag of te laat/)

  await page.getByRole('button', { name: 'Fatima el Amrani: Gedaan' }).click()
  const done = page.getByRole('form', { name: 'Fatima el Amrani: gedaan' })
  await expect(done.getByLabel('Notitie (komt op de tijdlijn)')).toBeFocused()
  await expectNoSeriousA11yFindings(page)
  await done.getByLabel('Notitie (komt op de tijdlijn)').fill('Ze kookt mee bij de buurtmaaltijd')
  await done.getByRole('button', { name: 'Gedaan' }).click()
  await expect(page.getByText('Gedaan; het contactmoment staat op de tijdlijn.')).toBeVisible()
  await expect(page.getByText('Geen opvolgingen open. Mooi zo.')).toBeVisible()

  await openView(page, 'Bewoners')
  await page.getByRole('button', { name: 'Amrani, Fatima el' }).click()
  const timeline = page.getByRole('list', { name: 'Tijdlijn' })
  await expect(timeline.getByRole('listitem').first()).toContainText('27 november 2027')
  await expect(timeline).toContainText('Ze kookt mee bij de buurtmaaltijd')
  await expect(timeline).toContainText('Opvolging gedaan')
})

test('later: een maand verschuiven staat op de tijdlijn', async ({ app }) => {
  const { page } = app
  app.harness!.clock.set('2026-11-26T09:00:00.000Z')
  await capture(page, 'Jan', 'de', 'Vries', 'Over 1 week')
  app.harness!.clock.set('2026-12-04T09:00:00.000Z')
  await openView(page, 'Vandaag')
  await expect(group(page, 'Te laat').getByRole('listitem')).toHaveText([
    /Jan de Vries.*3 december 2026/,
  ])

  await page.getByText('Later', { exact: true }).and(page.locator('summary')).click()
  await page.getByRole('button', { name: 'Jan de Vries later: Over 1 maand' }).click()
  await expect(page.getByText('Verplaatst naar 4 januari 2027.')).toBeVisible()
  await expect(group(page, 'Later').getByRole('listitem')).toHaveText([
    /Jan de Vries.*4 januari 2027/,
  ])

  await openView(page, 'Bewoners')
  await page.getByRole('button', { name: 'Vries, Jan de' }).click()
  await expect(page.getByRole('list', { name: 'Tijdlijn' })).toContainText(
    'Opvolging verplaatst van 3 december 2026 naar 4 januari 2027',
  )
})

test('de melding telt zonder namen, en klikken opent Vandaag', async ({ app }) => {
  const { page } = app
  const harness = app.harness!
  harness.clock.set('2026-11-26T09:00:00.000Z')
  await capture(page, 'Fatima', 'el', 'Amrani', 'Over 1 week')
  harness.clock.set('2026-12-03T08:00:00.000Z')

  await notifyDue(harness.ctx)
  const [notification] = harness.platform.notifications
  expect({ title: notification?.title, body: notification?.body }).toEqual({
    title: 'Sprokkelaar',
    body: '1 opvolging voor vandaag',
  })

  await openView(page, 'Bewoners')
  notification!.onClick?.()
  // The OS brings the window forward when she clicks; the harness stands in for that.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible()
  await expect(group(page, 'Vandaag').getByRole('listitem')).toHaveText([/Fatima el Amrani/])
})
