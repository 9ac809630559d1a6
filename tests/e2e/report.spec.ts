import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createApi } from '../../db/api'
import { pdfText } from '../support/pdf'
import { makeTempDir } from '../support/platform'
import { expect, expectNoSeriousA11yFindings, openView, target, test } from './fixtures'

// Residents are put in through the harness's API table; the save dialog is the harness's too.
test.skip(target === 'electron', 'the ledger and the save dialog are the harness’s')

test('een kwartaaloverzicht voor twee wijken: “<5” waar het hoort, CSV en PDF zonder namen', async ({
  app,
}) => {
  // A quarter's report, a CSV and a PDF (a second Chromium prints it): about 12 s with both cores
  // busy.
  test.setTimeout(60_000)
  const api = createApi(app.harness!.ctx)
  const names: string[] = []
  const add = async (firstName: string, wijk: string, dates: string[]) => {
    names.push(firstName)
    const person = await api['people:create']({ firstName, lastName: 'Testbewoner', wijk })
    if (!person.ok) throw new Error('setup')
    for (const date of dates) {
      await api['moments:add']({
        personId: (person.value as { id: string }).id,
        date,
        channel: 'straat',
      })
    }
  }
  for (const name of ['Annelies', 'Bartholomeus', 'Cornelia', 'Dirkje', 'Evertje', 'Fokje']) {
    await add(name, 'Noord', ['2026-01-12', '2026-02-09'])
  }
  await add('Gijsbertus', 'Zuid', ['2026-03-03'])
  await add('Hendrikje', 'Zuid', ['2026-03-04'])
  await add('Ignatius', 'Oost', ['2026-02-02'])

  const { page } = app
  await openView(page, 'Verantwoording')
  await page.getByLabel('Periode').selectOption({ label: 'Kwartaal' })
  await page.getByLabel('Jaar', { exact: true }).fill('2026')
  await page.getByLabel('Kwartaal', { exact: true }).selectOption({ label: 'Kwartaal 1' })
  await page.getByLabel('Uitsplitsen').selectOption({ label: 'Per kwartaal' })
  await page.getByRole('checkbox', { name: 'Noord' }).check()
  await page.getByRole('checkbox', { name: 'Zuid' }).check()
  const story = page.getByLabel('Verhalen uit de wijk')
  await story.fill('Hendrikje uit Zuid vond weer aansluiting.')
  await page.getByRole('button', { name: 'Controleren op namen en adressen' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Dit kan iemand aanwijzen.' }),
  ).toContainText('Hendrikje (naam)')
  await story.fill('Een buurvrouw vond via de wandelgroep weer aansluiting.')
  await page.getByRole('button', { name: 'Controleren op namen en adressen' }).click()
  await expect(
    page.getByText(
      'Geen namen, straten, telefoonnummers of e-mailadressen uit je register gevonden.',
      {
        exact: true,
      },
    ),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Overzicht maken' }).click()

  await expect(
    page.getByRole('heading', { name: 'Verantwoording: januari 2026 – maart 2026' }),
  ).toBeVisible()
  const reached = page.getByRole('table', { name: 'Bewoners bereikt', exact: true })
  await expect(reached.getByRole('row', { name: /^Zuid/ })).toHaveText('Zuid<5<5')
  await expect(reached.getByRole('row', { name: /^Totaal/ })).toHaveText('Totaal88')
  await expect(reached).not.toContainText('Oost')
  await expect(
    page.getByText('Aantallen van 1 tot en met 5 min 1 staan er als “<5”.'),
  ).toBeVisible()
  await expectNoSeriousA11yFindings(page)

  const files = makeTempDir('sprokkelaar-report-e2e-')
  try {
    const path = join(files.path, 'verantwoording-2026-K1.csv')
    app.harness!.platform.fileDialog.saveAnswer = path
    await page.getByRole('button', { name: 'Exporteren als CSV' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: 'Opgeslagen als verantwoording-2026-K1.csv.' }),
    ).toBeVisible()
    const csv = readFileSync(path, 'utf8')
    expect(csv).toContain('Zuid;<5;<5')
    expect(csv).toContain('Een buurvrouw vond via de wandelgroep weer aansluiting.')
    for (const name of [...names, 'Testbewoner']) expect(csv).not.toContain(name)
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: 'CSV · januari 2026 – maart 2026 · Noord, Zuid · k = 5' }),
    ).toBeVisible()

    // The PDF: printed by Chromium, opened as text.
    const pdfPath = join(files.path, 'verantwoording-2026-K1.pdf')
    app.harness!.platform.fileDialog.saveAnswer = pdfPath
    await page.getByRole('button', { name: 'Exporteren als PDF' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: 'Opgeslagen als verantwoording-2026-K1.pdf.' }),
    ).toBeVisible()
    const pdf = await pdfText(readFileSync(pdfPath))
    expect(pdf).toContain('Verantwoording: januari 2026 – maart 2026')
    expect(pdf).toContain('Wijken: Noord, Zuid')
    expect(pdf).toContain('<5')
    expect(pdf).toContain('Een buurvrouw vond via de wandelgroep weer aansluiting.')
    expect(pdf).toContain('Werkwijze')
    for (const name of [...names, 'Testbewoner']) expect(pdf).not.toContain(name)
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: 'PDF · januari 2026 – maart 2026 · Noord, Zuid · k = 5' }),
    ).toBeVisible()

    // Later that day, January–February next to this quarter would give March away: seen, not
    // exported, until she takes the quarter's settings again.
    await page.getByLabel('Periode').selectOption({ label: 'Van – tot' })
    await page.getByLabel('Van (maand)').fill('2026-01')
    await page.getByLabel('Tot en met (maand)').fill('2026-02')
    await page.getByRole('button', { name: 'Overzicht maken' }).click()
    await expect(
      page.getByRole('heading', { name: 'Verantwoording: januari 2026 – februari 2026' }),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Exporteren als CSV' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Instellingen van die export gebruiken' }).click()
    await expect(page.getByLabel('Tot en met (maand)')).toHaveValue('2026-03')
    await page.getByRole('button', { name: 'Overzicht maken' }).click()
    await expect(page.getByRole('button', { name: 'Exporteren als PDF' })).toBeEnabled()
  } finally {
    files.remove()
  }
})
