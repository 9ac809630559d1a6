import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yFindings, openView, target, test } from './fixtures'
import { makeTempDir } from '../support/platform'

// These move the clock and answer the save dialog through the browser harness.
test.skip(target === 'electron', 'the clock and the save dialog are the browser harness’s')

const list = (page: Page) => page.getByRole('list', { name: 'Bewonerslijst' })

/** Adds someone with the quick form on Bewoners (a contact today) and opens her. */
async function addAndOpen(page: Page, first: string, last: string) {
  await openView(page, 'Bewoners')
  await page.getByLabel('Voornaam').fill(first)
  await page.getByLabel('Achternaam').fill(last)
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await list(page)
    .getByRole('button', { name: `${last}, ${first}` })
    .click()
  await expect(page.getByRole('heading', { name: `${first} ${last}`, level: 1 })).toBeVisible()
}

test('toestemming per doel met een einde: een opvolging om te verlengen komt vanzelf', async ({
  app,
}) => {
  const { page } = app
  app.harness!.clock.set('2026-03-02T09:00:00.000Z')
  await addAndOpen(page, 'Ans', 'Bakker')
  const consents = page.getByRole('list', { name: 'Toestemming' })
  await expect(consents.getByRole('listitem')).toHaveText([
    /Contact houden.*Nog niet gevraagd/,
    /Gegevens delen met een initiatief.*Nog niet gevraagd/,
    /Opnemen in verhalen.*Nog niet gevraagd/,
  ])

  const form = page.getByRole('form', { name: 'Toestemming vastleggen' })
  await form.getByLabel('Doel').selectOption({ label: 'Gegevens delen met een initiatief' })
  await expect(form.getByLabel('Datum')).toHaveValue('2026-03-02')
  await form.getByLabel('Hoe').selectOption({ label: 'Schriftelijk' })
  await form.getByLabel('Afgesproken').fill('Mag haar nummer aan de wandelgroep geven')
  await form.getByRole('button', { name: 'Vastleggen' }).click()
  await expect(
    page.getByText('Toestemming vastgelegd: Gegevens delen met een initiatief.'),
  ).toBeVisible()
  await expect(consents.getByRole('listitem').nth(1)).toContainText(
    'Gegeven, geldig tot 2 maart 2028',
  )
  const followUps = page.getByRole('list', { name: 'Opvolgen', exact: true })
  await expect(followUps).toContainText('Toestemming verlengen: Gegevens delen met een initiatief')
  await expect(followUps).toContainText('2 februari 2028')
  await expectNoSeriousA11yFindings(page)

  // She refuses later: the history keeps both, and the renewal goes.
  await form.getByLabel('Doel').selectOption({ label: 'Gegevens delen met een initiatief' })
  await form.getByLabel('Besluit').selectOption({ label: 'Geweigerd' })
  await form.getByRole('button', { name: 'Vastleggen' }).click()
  await expect(consents.getByRole('listitem').nth(1)).toContainText('Geweigerd op 2 maart 2026')
  await consents.getByText('Geschiedenis: 2 besluiten').click()
  await expect(consents.getByRole('listitem').nth(1)).toContainText('Mag haar nummer')
  await expect(page.getByText('Toestemming verlengen')).toHaveCount(0)
})

test('de bewaartermijn: wie twee jaar geen contact had, bewaren met een reden of anonimiseren', async ({
  app,
}) => {
  const { page } = app
  app.harness!.clock.set('2024-01-10T09:00:00.000Z')
  await addAndOpen(page, 'Piet', 'Smit')
  await addAndOpen(page, 'Kees', 'Mol')
  // Two years and a bit later.
  app.harness!.clock.set('2026-03-02T09:00:00.000Z')
  await page.reload()
  await openView(page, 'Beschermen')
  const past = page.getByRole('region', { name: 'Over de bewaartermijn (2)' })
  await expect(past.getByRole('listitem')).toHaveText([
    /Smit, Piet.*Geen contact; in het register sinds 10 januari 2024/,
    /Mol, Kees.*Geen contact; in het register sinds 10 januari 2024/,
  ])
  await expectNoSeriousA11yFindings(page)

  await past.getByLabel('Smit, Piet kiezen').check()
  await page.getByLabel('Waarom bewaren').fill('Wacht op een plek bij de moestuin')
  await page.getByLabel('Opnieuw bekijken op').fill('2026-09-01')
  await page.getByRole('button', { name: 'Bewaren' }).click()
  await expect(page.getByText('1 bewoner bewaard.')).toBeVisible()
  const left = page.getByRole('region', { name: 'Over de bewaartermijn (1)' })
  await expect(left.getByRole('listitem')).toHaveText([/Mol, Kees/])

  page.once('dialog', (dialog) => void dialog.accept())
  await left.getByLabel('Mol, Kees kiezen').check()
  await page.getByRole('button', { name: 'Anonimiseren' }).click()
  await expect(page.getByText('1 bewoner geanonimiseerd.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Over de bewaartermijn (0)' })).toContainText(
    'Niemand.',
  )
  const log = page.getByRole('region', { name: 'Logboek' })
  await expect(log).toContainText('Geanonimiseerd')
  await expect(log).toContainText('Bewaard na de bewaartermijn')
  await expect(log).not.toContainText(/Kees|Mol|Piet|Smit/)
  await openView(page, 'Bewoners')
  await expect(list(page).getByRole('listitem')).toHaveText([/Smit, Piet/])

  // The register her privacy officer reads, from her settings.
  await openView(page, 'Beschermen')
  const register = page.getByRole('region', { name: 'Verwerkingsregister' })
  await expect(register).toContainText('Wie 24 maanden geen contact had')
  await expect(register).toContainText('30 dagen')
})

test('inzage: alles over één bewoner als PDF en JSON, met een waarschuwing bij gevoelige woorden', async ({
  app,
}) => {
  const { page } = app
  app.harness!.clock.set('2026-03-02T09:00:00.000Z')
  await addAndOpen(page, 'Henk', 'Jansen')
  await page.getByLabel('Kan (kracht, talent)').fill('Was verpleegkundige in het ziekenhuis')
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click()
  await expect(page.getByText('Wijzigingen opgeslagen.')).toBeVisible()

  const files = makeTempDir('sprokkelaar-inzage-e2e-')
  try {
    app.harness!.platform.fileDialog.saveAnswer = join(files.path, 'inzage.pdf')
    await page.getByRole('button', { name: 'Inzage opslaan (PDF en JSON)' }).click()
    const warning = page.getByRole('alert').filter({ hasText: 'ziekenhuis' })
    await expect(warning).toContainText('Lees de inzage na voordat je hem deelt.')
    await expectNoSeriousA11yFindings(page)
    await warning.getByRole('button', { name: 'Toch opslaan' }).click()
    await expect(page.getByText('Opgeslagen: inzage.pdf en inzage.json.')).toBeVisible()
    expect(existsSync(join(files.path, 'inzage.pdf'))).toBe(true)
    expect(existsSync(join(files.path, 'inzage.json'))).toBe(true)
  } finally {
    files.remove()
  }
  await openView(page, 'Beschermen')
  await expect(page.getByRole('region', { name: 'Logboek' })).toContainText('Inzage opgeslagen')
})

test('echt verwijderen uit de prullenbak', async ({ app }) => {
  const { page } = app
  app.harness!.clock.set('2026-03-02T09:00:00.000Z')
  await addAndOpen(page, 'Jan', 'Vries')
  await page.getByRole('button', { name: 'Verwijderen', exact: true }).click()
  await page.getByRole('button', { name: 'Prullenbak' }).click()
  await expect(list(page).getByRole('listitem')).toHaveText([/Vries, Jan/])
  await expectNoSeriousA11yFindings(page)
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Vries, Jan echt verwijderen?')
    void dialog.accept()
  })
  await page.getByRole('button', { name: 'Vries, Jan echt verwijderen' }).click()
  await expect(page.getByText('1 bewoner echt verwijderd.')).toBeVisible()
  await expect(page.getByText('Nog niemand in je register.')).toBeVisible()
  await page.getByRole('button', { name: 'Actief' }).click()
  await expect(page.getByText('Nog niemand in je register.')).toBeVisible()
})

test('de termijnen staan in Instellingen; een onmogelijke krijgt een Nederlandse melding', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'Instellingen' }).click()
  const retention = page.getByLabel('Bewaartermijn (maanden zonder contact)')
  await expect(retention).toHaveValue('24')
  await expect(page.getByLabel('Toestemming geldt (jaren)')).toHaveValue('2')
  await expect(page.getByLabel('Prullenbak leegt zich na (dagen)')).toHaveValue('30')
  await retention.fill('3')
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await expect(retention).toHaveAccessibleDescription(
    /Kies een bewaartermijn van 6 tot 120 maanden./,
  )
  await retention.fill('12')
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await expect(page.getByText('Instellingen opgeslagen.')).toBeVisible()
  await openView(page, 'Beschermen')
  await expect(page.getByText('Wie 12 maanden geen contact had, staat hier.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Verwerkingsregister' })).toContainText(
    'Wie 12 maanden geen contact had, komt in een lijst',
  )
})
