import { expect, expectNoSeriousA11yFindings, openView, test } from './fixtures'

test.describe('Bewoners', () => {
  test.beforeEach(async ({ app }) => openView(app.page, 'Bewoners'))

  test('een bewoner toevoegen en terugzien, ook na herladen en herstarten', async ({ app }) => {
    let page = app.page
    await expect(page.getByRole('heading', { name: 'Bewoners', level: 1 })).toBeVisible()
    await expect(page.getByText('Nog niemand in je register.')).toBeVisible()

    await page.getByLabel('Voornaam').fill('Fatima')
    await page.getByLabel('Tussenvoegsel').fill('el')
    await page.getByLabel('Achternaam').fill('Amrani')
    await page.getByLabel('Wijk', { exact: true }).fill('Kerckebosch')
    await page.getByLabel('Notitie').fill('Wil graag koken voor de buurt')
    await page.getByRole('button', { name: 'Opslaan' }).click()

    await expect(page.getByRole('status')).toHaveText('Fatima el Amrani is opgeslagen.')
    const list = page.getByRole('list', { name: 'Bewonerslijst' })
    await expect(list.getByRole('listitem')).toHaveCount(1)
    await expect(list.getByRole('listitem').first()).toContainText('Amrani, Fatima el')
    await expect(list.getByRole('listitem').first()).toContainText('Kerckebosch')
    await expect(page.getByText('1 bewoner', { exact: true })).toBeVisible()
    // Ready for the next person straight away.
    await expect(page.getByLabel('Voornaam')).toBeFocused()
    await expect(page.getByLabel('Voornaam')).toHaveValue('')

    await page.reload()
    await openView(page, 'Bewoners')
    await expect(list.getByRole('listitem')).toHaveText([/Amrani, Fatima el/])

    await app.restart()
    page = app.page
    await openView(page, 'Bewoners')
    await expect(
      page.getByRole('list', { name: 'Bewonerslijst' }).getByRole('listitem'),
    ).toHaveText([/Amrani, Fatima el/])
  })

  test('alleen met het toetsenbord: typen, Tab en Enter', async ({ app }) => {
    const { page } = app
    await expect(page.getByLabel('Voornaam')).toBeFocused()
    await page.keyboard.type('Jan')
    await page.keyboard.press('Tab')
    await page.keyboard.type('de')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Vries')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Hoge Dennen')
    await page.keyboard.press('Enter')

    await expect(page.getByRole('status')).toHaveText('Jan de Vries is opgeslagen.')
    await expect(page.getByLabel('Voornaam')).toBeFocused()
    await page.keyboard.type('Ans')
    await page.keyboard.press('Enter')
    await expect(
      page.getByRole('list', { name: 'Bewonerslijst' }).getByRole('listitem'),
    ).toHaveText([/^Ans/, /Vries, Jan de/])
  })

  test('onjuiste invoer geeft een Nederlandse melding en slaat niets op', async ({ app }) => {
    const { page } = app
    await page.getByLabel('Achternaam').fill('Vries')
    await page.getByRole('button', { name: 'Opslaan' }).click()

    const firstName = page.getByLabel('Voornaam')
    await expect(page.getByText('Vul een voornaam in.')).toBeVisible()
    await expect(firstName).toHaveAttribute('aria-invalid', 'true')
    await expect(firstName).toHaveAccessibleDescription('Vul een voornaam in.')
    await expect(page.getByText('Nog niemand in je register.')).toBeVisible()

    // The main side checks again, whatever the form let through.
    const result = await page.evaluate(() =>
      window.sprokkel.people.create({ firstName: 42 } as never),
    )
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Controleer de invoer: Voornaam: Vul een voornaam in.',
      },
    })

    await page.reload()
    await openView(page, 'Bewoners')
    await expect(page.getByText('Nog niemand in je register.')).toBeVisible()
  })

  test('de taalkeuze wordt onthouden', async ({ app }) => {
    const { page } = app
    await page.getByLabel('Taal').selectOption('en')
    await expect(page.getByRole('heading', { name: 'Residents', level: 1 })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.reload()
    // Still a first start (an empty ledger): she is greeted again, in English.
    await expect(
      page.getByRole('heading', { name: 'Welcome to Sprokkelaar', level: 1 }),
    ).toBeVisible()
    await page.getByRole('button', { name: /^Residents/ }).click()
    await expect(page.getByLabel('First name')).toBeVisible()
    await page.getByLabel('Language').selectOption('nl')
    await expect(page.getByRole('heading', { name: 'Bewoners', level: 1 })).toBeVisible()
  })

  test('de zijbalk opent elke weergave', async ({ app }) => {
    const { page } = app
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' })
    await expect(menu.getByRole('button', { name: /Bewoners/ })).toHaveAttribute(
      'aria-current',
      'page',
    )
    await expect(menu).not.toContainText('binnenkort')
    for (const name of [
      'Vandaag',
      'Na de ronde',
      'Verbinden',
      'Verantwoording',
      'Beschermen',
      'Bewoners',
    ]) {
      await menu.getByRole('button', { name: new RegExp(`^${name}`) }).click()
      await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
    }
    await expect(page.getByLabel('Voornaam')).toBeVisible()
  })

  test('toont dat de gegevens versleuteld zijn opgeslagen', async ({ app }) => {
    await expect(app.page.getByText('Versleuteld opgeslagen')).toBeVisible()
  })

  test('de pagina laadt alleen eigen bestanden (strikte CSP)', async ({ app }) => {
    const policy = app.page.locator('meta[http-equiv="Content-Security-Policy"]')
    await expect(policy).toHaveAttribute('content', /^default-src 'self'; script-src 'self'; /)
    await expect(policy).toHaveAttribute('content', /connect-src 'self'/)
    await expect(policy).not.toHaveAttribute('content', /unsafe-inline|unsafe-eval/)
  })

  test('toegankelijk: axe vindt niets ernstigs, ook niet bij een foutmelding', async ({ app }) => {
    const { page } = app
    await page.getByLabel('Voornaam').fill('Jan')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByRole('status')).toHaveText('Jan is opgeslagen.')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByText('Vul een voornaam in.')).toBeVisible()
    // The message about Jan is gone: it must not read as if this attempt was saved too.
    await expect(page.getByRole('status')).toHaveText('')
    await expectNoSeriousA11yFindings(page)
  })
})
