import { createApi } from '../../db/api'
import { expect, expectNoSeriousA11yFindings, openView, target, test } from './fixtures'

// The residents are put in through the harness's API table; everything after goes through the UI.
test.skip(target === 'electron', 'residents are set up through the harness')

test('de wandelgroep: toevoegen, wie past erbij, voorstellen, actief, en op haar tijdlijn', async ({
  app,
}) => {
  // A long journey (an initiative, who fits, a proposal, two statuses, her timeline): about 13 s
  // with both cores of this machine busy.
  test.setTimeout(60_000)
  const api = createApi(app.harness!.ctx)
  const passion = (name: string) => [{ kind: 'passion' as const, name }]
  await api['people:create']({
    firstName: 'Ans',
    lastName: 'Bakker',
    wijk: 'Noord',
    tags: passion('wandelen'),
    availability: ['tue-morning'],
  })
  await api['people:create']({
    firstName: 'Bram',
    lastName: 'Smit',
    wijk: 'Zuid',
    tags: passion('wandelen'),
    availability: ['tue-morning', 'fri-afternoon'],
  })
  await api['people:create']({ firstName: 'Carla', lastName: 'Visser', wish: 'Graag wandelen' })
  await api['people:create']({ firstName: 'Dirk', lastName: 'Jansen', tags: passion('koken') })

  const { page } = app
  await openView(page, 'Verbinden')
  await expect(page.getByText('Nog geen initiatieven.')).toBeVisible()
  await page.getByRole('button', { name: 'Initiatief toevoegen' }).click()
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Wandelgroep De Stappers')
  await page.getByLabel('Soort').selectOption({ label: 'Activiteit' })
  await page.getByLabel('Wijk', { exact: true }).fill('Noord')
  await page.getByLabel('Thema’s').pressSequentially('wandelen')
  await page.getByLabel('Thema’s').press('Enter')
  await page
    .getByRole('group', { name: 'Wanneer komt het samen?' })
    .getByRole('checkbox', { name: 'dinsdag ochtend' })
    .check()
  await page.getByLabel('Zoekt').fill('Iemand die de route wil uitzetten')
  await page.getByRole('button', { name: 'Initiatief opslaan' }).click()

  await expect(
    page.getByRole('heading', { name: 'Wandelgroep De Stappers', level: 1 }),
  ).toBeVisible()
  const fits = page.getByRole('list', { name: 'Wie past erbij?' })
  await expect(fits.getByRole('listitem')).toHaveCount(3)
  await expect(fits.getByRole('listitem').nth(0)).toContainText(
    'Ans Bakkerpassie: wandelen · dinsdagochtend vrij · zelfde wijk',
  )
  await expect(fits.getByRole('listitem').nth(1)).toContainText(
    'Bram Smitpassie: wandelen · dinsdagochtend vrij',
  )
  await expect(fits.getByRole('listitem').nth(2)).toContainText('Carla Visserwil: wandelen')
  await expectNoSeriousA11yFindings(page)

  await page.getByRole('button', { name: 'Ans Bakker voorstellen' }).click()
  const form = page.getByRole('form', { name: 'Ans Bakker verbinden met Wandelgroep De Stappers' })
  await expect(form.getByLabel('Vraag over 3 weken hoe het gaat')).toBeChecked()
  await form.getByLabel('Notitie').fill('Wil het een keer proberen')
  await form.getByRole('button', { name: 'Voorstellen' }).click()
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Ans Bakker is voorgesteld bij Wandelgroep De Stappers.' }),
  ).toBeVisible()
  await expect(fits.getByRole('listitem')).toHaveCount(2)

  const connection = page.getByRole('form', {
    name: 'Status van de verbinding met Ans Bakker',
  })
  await connection.getByLabel('Status met Ans Bakker').selectOption({ label: 'Actief' })
  await connection.getByRole('button', { name: 'Status opslaan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Ans Bakker: Actief.' })).toBeVisible()
  await expectNoSeriousA11yFindings(page)

  await page.getByRole('button', { name: 'Ans Bakker', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Ans Bakker', level: 1 })).toBeVisible()
  const timeline = page.getByRole('list', { name: 'Tijdlijn' })
  await expect(timeline).toContainText('Verbinding met Wandelgroep De Stappers: Actief')
  await expect(timeline).toContainText('Verbinding met Wandelgroep De Stappers: Voorgesteld')
  await expect(page.getByText('Vraag hoe het gaat met Wandelgroep De Stappers')).toBeVisible()
  await expectNoSeriousA11yFindings(page)
})
