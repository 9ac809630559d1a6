import { expect, expectNoSeriousA11yFindings, openView, test } from './fixtures'

test.beforeEach(async ({ app }) => {
  // Through the same API the app uses; capturing them by hand is what other specs test.
  await app.page.evaluate(async () => {
    const people = [
      {
        firstName: 'Jan',
        tussenvoegsel: 'de',
        lastName: 'Vries',
        street: 'Dorpsweg',
        houseNumber: '3',
      },
      {
        firstName: 'Ans',
        lastName: 'Bakker',
        tags: [{ kind: 'passion' as const, name: 'Tuinieren' }],
      },
      { firstName: 'Piet', lastName: 'Vriesema', wijk: 'Kerckebosch' },
      {
        firstName: 'Mehmet',
        lastName: 'Yılmaz',
        street: 'Boulevard',
        houseNumber: '7',
        strength: 'Repareert fietsen',
      },
    ]
    for (const person of people) await window.sprokkel.people.create(person)
  })
  await openView(app.page, 'Bewoners')
})

test('zoeken terwijl ze typt: een tikfout, een half woord, en waarom iemand gevonden is', async ({
  app,
}) => {
  const { page } = app
  const search = page.getByRole('combobox', { name: 'Zoeken' })
  const results = page.getByRole('listbox', { name: 'Zoekresultaten' })

  await search.fill('tuinren')
  await expect(results.getByRole('option')).toHaveText([/Bakker, Ans.*gevonden in: label/])

  await search.fill('de vr')
  await expect(results.getByRole('option').first()).toContainText('Vries, Jan de')
  await expect(results.getByRole('option').first().locator('mark')).toHaveText(['Vries', 'de'])

  await search.fill('fietsen boulevard')
  await expect(results.getByRole('option')).toHaveText([
    /Yılmaz, Mehmet.*Boulevard 7.*gevonden in: adres, kan/,
  ])
  await expectNoSeriousA11yFindings(page)
})

test('pijltjes kiezen, Enter opent, Esc wist', async ({ app }) => {
  const { page } = app
  const search = page.getByRole('combobox', { name: 'Zoeken' })
  await search.fill('vries')
  const options = page.getByRole('listbox', { name: 'Zoekresultaten' }).getByRole('option')
  await expect(options).toHaveText([/Vries, Jan de/, /Vriesema, Piet/])
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')

  await search.press('ArrowDown')
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true')
  await search.press('Escape')
  await expect(search).toHaveValue('')
  await expect(page.getByRole('list', { name: 'Bewonerslijst' })).toBeVisible()

  await search.fill('vries')
  await search.press('ArrowDown')
  await search.press('Enter')
  await expect(page.getByRole('heading', { name: 'Piet Vriesema', level: 1 })).toBeVisible()
})

test('↓ en Enter voordat de resultaten er zijn: ze komen aan wie ze koos', async ({ app }) => {
  const { page } = app
  // Every search answer is held until she has pressed her keys (a busy machine, a slow disk).
  let release = () => {}
  const keysPressed = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/people:search', async (route) => {
    await keysPressed
    await route.continue()
  })
  const search = page.getByRole('combobox', { name: 'Zoeken' })
  await search.fill('vries')
  await search.press('ArrowDown')
  await search.press('Enter')
  release()
  await expect(page.getByRole('heading', { name: 'Piet Vriesema', level: 1 })).toBeVisible()
})

test('Ctrl+K zoekt vanaf elke plek', async ({ app }) => {
  const { page } = app
  await openView(page, 'Vandaag')
  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Zoeken' })
  await expect(search).toBeFocused()
  await page.keyboard.type('yilmaz')
  await expect(
    page.getByRole('listbox', { name: 'Zoekresultaten' }).getByRole('option'),
  ).toHaveText([/Yılmaz, Mehmet/])
})

test('een filter verfijnt de zoekresultaten en de lijst', async ({ app }) => {
  const { page } = app
  const search = page.getByRole('combobox', { name: 'Zoeken' })
  await search.fill('vries')
  const options = page.getByRole('listbox', { name: 'Zoekresultaten' }).getByRole('option')
  await expect(options).toHaveCount(2)
  await page.getByLabel('In wijk').selectOption({ label: 'Kerckebosch' })
  await expect(options).toHaveText([/Vriesema, Piet/])

  await search.press('Escape')
  const list = page.getByRole('list', { name: 'Bewonerslijst' })
  await expect(list.getByRole('listitem')).toHaveText([/Vriesema, Piet/])
  await page.getByRole('button', { name: 'Filters wissen' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(4)
  await expectNoSeriousA11yFindings(page)
})

test('een lange lijst: alleen wat in beeld is staat in de pagina, scrollen haalt de rest', async ({
  app,
}) => {
  // 300 residents made through the API, then scrolled: about 13 s with both cores busy.
  test.setTimeout(60_000)
  const { page } = app
  await page.evaluate(async () => {
    for (let i = 0; i < 300; i++) {
      await window.sprokkel.people.create({
        firstName: 'Test',
        lastName: `Bakker${String(i).padStart(3, '0')}`,
      })
    }
  })
  await page.reload()
  await openView(page, 'Bewoners')
  await expect(page.getByText('304 bewoners')).toBeVisible()
  const list = page.getByRole('list', { name: 'Bewonerslijst' })
  await expect(list.getByRole('listitem').nth(1)).toContainText('Bakker000, Test')
  expect(await list.getByRole('listitem').count()).toBeLessThan(40)

  await list.hover()
  await expect(async () => {
    await page.mouse.wheel(0, 4000)
    await expect(list.getByRole('listitem').filter({ hasText: 'Yılmaz, Mehmet' })).toBeVisible({
      timeout: 200,
    })
  }).toPass()
  expect(await list.getByRole('listitem').count()).toBeLessThan(40)
})
