import { expect, expectNoSeriousA11yFindings, openView, test } from './fixtures'

test('de eerste keer: haar naam en haar wijken, met het toetsenbord; daarna Vandaag, ook na herstarten', async ({
  app,
}) => {
  let { page } = app
  await expect(
    page.getByRole('heading', { name: 'Welkom bij Sprokkelaar', level: 1 }),
  ).toBeVisible()
  await expect(page.getByLabel('Jouw naam')).toBeFocused()
  await expectNoSeriousA11yFindings(page)
  await page.keyboard.type('Meike')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Je wijken')).toBeFocused()
  await page.keyboard.type('Kerckebosch, Hoge Dennen')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible()

  await page.getByRole('button', { name: 'Instellingen' }).click()
  await expect(page.getByLabel('Jouw naam')).toHaveValue('Meike')
  await expect(page.getByRole('list', { name: 'Wijken' }).getByRole('listitem')).toHaveText([
    /Hoge Dennen/,
    /Kerckebosch/,
  ])

  await app.restart()
  page = app.page
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Welkom bij Sprokkelaar' })).toHaveCount(0)
})

test('vanaf de welkomst meteen haar Excel-lijst importeren', async ({ app }) => {
  const { page } = app
  await page.getByLabel('Jouw naam').fill('Meike')
  await page.getByRole('button', { name: 'Opslaan en mijn Excel-lijst importeren' }).click()
  await expect(page.getByRole('heading', { name: 'Importeren uit Excel', level: 1 })).toBeVisible()
  await expect(page.getByRole('button', { name: /Bestand kiezen/ })).toBeVisible()

  await app.restart()
  await expect(app.page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible()
})

test('de welkomst overslaan: Vandaag, en Bewoners is leeg', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Overslaan' }).click()
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible()
  await openView(page, 'Bewoners')
  await expect(page.getByText('Nog niemand in je register.')).toBeVisible()
})
