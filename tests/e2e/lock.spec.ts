import {
  addResident,
  expect,
  expectNoSeriousA11yFindings,
  openView,
  target,
  test,
} from './fixtures'

// Her being away is the harness's idle time here; real Electron asks the OS.
test.skip(target === 'electron', 'idle time is set through the browser harness')

test('vergrendelen met een pincode: niets van een bewoner in beeld, ook niet na een tijd weg', async ({
  app,
}) => {
  const { page } = app
  await addResident(page, 'Fatima', 'Amrani')

  await page.getByRole('button', { name: 'Instellingen' }).click()
  const turnOn = page.getByRole('form', { name: 'Vergrendeling aanzetten' })
  await turnOn.getByLabel('Pincode of wachtwoord').fill('48')
  await turnOn.getByLabel('Nog een keer').fill('48')
  await turnOn.getByRole('button', { name: 'Vergrendeling aanzetten' }).click()
  await expect(turnOn.getByLabel('Pincode of wachtwoord')).toHaveAccessibleDescription(
    'Kies minstens 4 tekens.',
  )
  await turnOn.getByLabel('Pincode of wachtwoord').fill('4826')
  await turnOn.getByLabel('Nog een keer').fill('4826')
  await turnOn.getByLabel('Vergrendelen na (minuten niet gebruikt)').fill('5')
  await turnOn.getByRole('button', { name: 'Vergrendeling aanzetten' }).click()
  await expect(page.getByText('De vergrendeling staat aan')).toBeVisible()

  // She locks it herself before she walks away.
  await openView(page, 'Bewoners')
  await page.getByRole('button', { name: 'Vergrendelen', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Sprokkelaar is vergrendeld' })).toBeVisible()
  await expect(page.locator('body')).not.toContainText('Fatima')
  await expect(page.getByRole('navigation')).toHaveCount(0)
  await expectNoSeriousA11yFindings(page)

  await page.getByLabel('Pincode of wachtwoord').fill('1234')
  await page.getByRole('button', { name: 'Ontgrendelen' }).click()
  await expect(
    page.getByText('Dat is niet de juiste pincode of het juiste wachtwoord.'),
  ).toBeVisible()
  await page.getByLabel('Pincode of wachtwoord').fill('4826')
  await page.getByRole('button', { name: 'Ontgrendelen' }).click()
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible()

  // Five minutes away: the next time the app asks, it is locked; a reload starts locked too.
  app.harness!.platform.idle.seconds = 5 * 60
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Sprokkelaar is vergrendeld' })).toBeVisible()
  await expect(page.locator('body')).not.toContainText('Fatima')
  app.harness!.platform.idle.seconds = 0
  await page.getByLabel('Pincode of wachtwoord').fill('4826')
  await page.getByRole('button', { name: 'Ontgrendelen' }).click()
  await openView(page, 'Bewoners')
  await expect(page.getByRole('button', { name: 'Amrani, Fatima' })).toBeVisible()
})
