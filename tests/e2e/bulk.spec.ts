import { createApi } from '../../db/api'
import { expect, expectNoSeriousA11yFindings, openView, target, test } from './fixtures'

// Residents are put in through the harness's API first (the quick add form is its own spec).
test.skip(target === 'electron', 'the ledger is filled through the browser harness')

const seed = async (api: ReturnType<typeof createApi>, people: Record<string, unknown>[]) => {
  for (const person of people) expect((await api['people:create'](person)).ok).toBe(true)
}

test('een gefilterde selectie in één keer labelen, ongedaan maken; twee aangevinkt archiveren', async ({
  app,
}) => {
  const { page } = app
  await seed(createApi(app.harness!.ctx), [
    { firstName: 'Ans', lastName: 'Bakker', wijk: 'Noord' },
    { firstName: 'Henk', lastName: 'Visser', wijk: 'Noord' },
    { firstName: 'Fatima', lastName: 'Amrani', wijk: 'Noord' },
    { firstName: 'Piet', lastName: 'Smit', wijk: 'Zuid' },
  ])
  await page.reload()
  await openView(page, 'Bewoners')
  await page.getByLabel('In wijk').selectOption({ label: 'Noord' })
  const bulk = page.getByRole('form', { name: 'Met de selectie' })
  await expect(bulk).toContainText('Iedereen in deze lijst (3)')
  await bulk.getByLabel('Soort label').selectOption({ label: "Thema's" })
  await bulk.getByLabel('Naam van het label').fill('Buurtfeest')
  await bulk.getByRole('button', { name: 'Uitvoeren voor 3' }).click()
  const notice = page.getByRole('status').filter({ hasText: 'Label toegevoegd bij 3 bewoners.' })
  await expect(notice).toBeVisible()
  await expectNoSeriousA11yFindings(page)

  // Search finds them by the new label; Piet in Zuid was not in the selection.
  await page.getByLabel('In wijk').selectOption({ label: 'Alle' })
  const search = page.getByRole('combobox', { name: 'Zoeken' })
  await search.fill('buurtfeest')
  const results = page.getByRole('listbox', { name: 'Zoekresultaten' })
  await expect(results.getByRole('option')).toHaveCount(3)
  await expect(results).not.toContainText('Smit')
  await search.fill('')

  await notice.getByRole('button', { name: 'Ongedaan maken' }).click()
  await expect(notice).toHaveCount(0)
  await search.fill('buurtfeest')
  await expect(page.getByText('Niemand gevonden voor “buurtfeest”.')).toBeVisible()
  await search.fill('')

  // Two ticked rows: only those two are archived.
  await page.getByRole('checkbox', { name: 'Kiezen: Bakker, Ans' }).check()
  await page.getByRole('checkbox', { name: 'Kiezen: Smit, Piet' }).check()
  await expect(bulk).toContainText('2 aangevinkt')
  await bulk.getByLabel('Wat wil je doen?').selectOption({ label: 'Archiveren' })
  await bulk.getByRole('button', { name: 'Uitvoeren voor 2' }).click()
  await expect(page.getByText('2 bewoners gearchiveerd.')).toBeVisible()
  await expect(page.getByText('2 bewoners', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Bakker, Ans' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Gearchiveerd' }).click()
  await expect(page.getByRole('button', { name: 'Bakker, Ans' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Smit, Piet' })).toBeVisible()
})

test('twee keer ingevoerd: vergelijken, per gegeven kiezen, samenvoegen en ongedaan maken', async ({
  app,
}) => {
  const { page } = app
  await seed(createApi(app.harness!.ctx), [
    {
      firstName: 'Fatima',
      lastName: 'Amrani',
      phone: '06-12345678',
      wish: 'Koken voor buren',
      moment: { date: '2026-01-10', channel: 'portiek', note: 'Bij de portiek' },
    },
    {
      firstName: 'Fatima',
      lastName: 'Amrani',
      phone: '0612345678',
      email: 'fatima@example.nl',
      moment: { date: '2026-02-10', channel: 'telefoon', note: 'Belde zelf' },
    },
    // A namesake with nothing else in common is never offered.
    { firstName: 'Fatima', lastName: 'Amrani', phone: '0687654321' },
  ])
  await page.reload()
  await openView(page, 'Bewoners')
  await expect(page.getByText('3 bewoners', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Mogelijk dubbel' }).click()
  const doubles = page.getByRole('region', { name: 'Mogelijk dubbel' })
  await expect(doubles.getByRole('listitem')).toHaveCount(1)
  await expect(doubles).toContainText('Zelfde naam en telefoonnummer')
  await doubles
    .getByRole('button', { name: 'Vergelijken: Amrani, Fatima en Amrani, Fatima' })
    .click()

  const merge = page.getByRole('form', { name: 'Samenvoegen' })
  // Side by side, only where they differ: her wish from one, the e-mail address from the other.
  await expect(merge.getByRole('rowheader')).toContainText(['E-mail', 'Wil'])
  await merge.getByRole('radio', { name: 'fatima@example.nl' }).check()
  await merge.getByRole('radio', { name: 'Koken voor buren' }).check()
  await expectNoSeriousA11yFindings(page)
  page.once('dialog', (dialog) => void dialog.accept())
  await merge.getByRole('button', { name: 'Samenvoegen' }).click()
  const notice = page.getByRole('status').filter({ hasText: 'Samengevoegd' })
  await expect(notice).toContainText('1 contactmomenten')
  await expect(page.getByText('Geen mogelijk dubbele bewoners gevonden.')).toBeVisible()

  // Undo: both records as they were, the pair offered again.
  await notice.getByRole('button', { name: 'Ongedaan maken' }).click()
  await expect(doubles.getByRole('listitem')).toHaveCount(1)
  await page.getByRole('button', { name: 'Mogelijk dubbel' }).click()
  await expect(page.getByText('3 bewoners', { exact: true })).toBeVisible()

  // Her page says it too, and merges right there, for good.
  const search = page.getByRole('combobox', { name: 'Zoeken' })
  await search.fill('koken')
  await expect(
    page.getByRole('listbox', { name: 'Zoekresultaten' }).getByRole('option'),
  ).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Fatima Amrani', level: 1 })).toBeVisible()
  await expect(page.getByRole('note')).toHaveText(
    /Mogelijk dubbel: Amrani, Fatima heeft dezelfde naam en hetzelfde telefoonnummer\./,
  )
  await page.getByRole('button', { name: 'Vergelijken: Amrani, Fatima en Amrani, Fatima' }).click()
  await merge.getByRole('radio', { name: 'fatima@example.nl' }).check()
  page.once('dialog', (dialog) => void dialog.accept())
  await merge.getByRole('button', { name: 'Samenvoegen' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Samengevoegd' })).toBeVisible()
  await expect(page.getByRole('note')).toHaveCount(0)
  const timeline = page.getByRole('list', { name: 'Tijdlijn' })
  await expect(timeline).toContainText('Bij de portiek')
  await expect(timeline).toContainText('Belde zelf')
  await expect(page.getByRole('textbox', { name: 'E-mail', exact: true })).toHaveValue(
    'fatima@example.nl',
  )
  await expect(page.getByLabel('Wil (wensen)')).toHaveValue('Koken voor buren')
  await expectNoSeriousA11yFindings(page)
  await openView(page, 'Bewoners')
  await expect(page.getByText('2 bewoners', { exact: true })).toBeVisible()
})

test('Vandaag: alle te late opvolgingen van één wijk in één keer verzetten, en ongedaan maken', async ({
  app,
}) => {
  const { page } = app
  const harness = app.harness!
  harness.clock.set('2026-03-02T09:00:00.000Z')
  await seed(createApi(harness.ctx), [
    { firstName: 'Ans', lastName: 'Bakker', wijk: 'Noord', followUpPick: '1w' },
    { firstName: 'Henk', lastName: 'Visser', wijk: 'Noord', followUpPick: '1w' },
    { firstName: 'Piet', lastName: 'Smit', wijk: 'Zuid', followUpPick: '1w' },
  ])
  harness.clock.set('2026-04-02T09:00:00.000Z')
  await page.reload()
  await expect(page.getByRole('heading', { name: /Te laat/ })).toContainText('3')
  const group = page.getByRole('region', { name: 'Alles van één wijk of label in één keer' })
  await expect(group.getByLabel('Wijk of label')).toHaveValue(/^wijk:/)
  await expect(group.getByLabel('Wijk of label')).toContainText('Wijk Noord (2 te laat)')
  await group.getByLabel('Verzetten naar').selectOption({ label: 'Over 1 maand' })
  await group.getByRole('button', { name: 'Alle 2 verzetten' }).click()
  const notice = page.getByRole('status').filter({ hasText: '2 opvolgingen verzet.' })
  await expect(notice).toBeVisible()
  await expect(page.getByRole('heading', { name: /Te laat/ })).toContainText('1')
  await expectNoSeriousA11yFindings(page)
  await notice.getByRole('button', { name: 'Ongedaan maken' }).click()
  await expect(page.getByRole('heading', { name: /Te laat/ })).toContainText('3')
})
