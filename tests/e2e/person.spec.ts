import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yFindings, openView, test } from './fixtures'

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' })
const list = (page: Page) => page.getByRole('list', { name: 'Bewonerslijst' })

/** Adds Jan de Vries with the quick form on Bewoners and opens him. */
async function addAndOpenJan(page: Page) {
  await openView(page, 'Bewoners')
  await page.getByLabel('Voornaam').fill('Jan')
  await page.getByLabel('Tussenvoegsel').fill('de')
  await page.getByLabel('Achternaam').fill('Vries')
  await page.getByLabel('Wijk', { exact: true }).fill('Hoge Dennen')
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await list(page).getByRole('button', { name: 'Vries, Jan de' }).click()
  await expect(page.getByRole('heading', { name: 'Jan de Vries', level: 1 })).toBeVisible()
}

test.describe('Een bewoner', () => {
  test('bewerken: alles wordt bewaard, ook na herladen', async ({ app }) => {
    const { page } = app
    await addAndOpenJan(page)
    await page.getByLabel('Roepnaam').fill('Jantje')
    await page.getByLabel('Postcode').fill('3701ab')
    await page.getByLabel('Telefoon').fill('06 1234 5678')
    await page.getByLabel('Kan (kracht, talent)').fill('Was dertig jaar voetbaltrainer')
    await page.getByLabel('Passies en talenten').fill('Voetbal')
    await page.getByLabel('Passies en talenten').press('Enter')
    await page.getByLabel('dinsdag ochtend').check()
    await page.getByLabel('Beschikbaar vanaf').fill('2027-01-01')
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click()
    await expect(page.getByText('Wijzigingen opgeslagen.')).toBeVisible()

    await page.reload()
    await openView(page, 'Bewoners')
    await list(page).getByRole('button', { name: 'Vries, Jan de' }).click()
    await expect(page.getByLabel('Roepnaam')).toHaveValue('Jantje')
    await expect(page.getByLabel('Postcode')).toHaveValue('3701 AB')
    await expect(page.getByLabel('dinsdag ochtend')).toBeChecked()
    await expect(page.getByLabel('Beschikbaar vanaf')).toHaveValue('2027-01-01')
    await expect(page.getByRole('button', { name: 'Voetbal weghalen' })).toBeVisible()
  })

  test('een onjuist telefoonnummer krijgt een Nederlandse melding en niets verandert', async ({
    app,
  }) => {
    const { page } = app
    await addAndOpenJan(page)
    await page.getByLabel('Telefoon').fill('06-1234')
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click()
    await expect(page.getByLabel('Telefoon')).toHaveAccessibleDescription(
      'Vul een telefoonnummer in zoals 06-12345678 of 030-1234567.',
    )
    await expectNoSeriousA11yFindings(page)
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: /Terug naar Bewoners/ }).click()
    await list(page).getByRole('button', { name: 'Vries, Jan de' }).click()
    await expect(page.getByLabel('Telefoon')).toHaveValue('')
  })

  test('niet-opgeslagen wijzigingen gaan niet stil verloren', async ({ app }) => {
    const { page } = app
    await addAndOpenJan(page)
    await page.getByLabel('Notitie', { exact: true }).fill('Belt liever dan dat hij mailt')

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toBe(
        'Je hebt wijzigingen die nog niet zijn opgeslagen. Toch weggaan?',
      )
      void dialog.dismiss()
    })
    await menu(page).getByRole('button', { name: 'Bewoners' }).click()
    await expect(page.getByLabel('Notitie', { exact: true })).toHaveValue(
      'Belt liever dan dat hij mailt',
    )

    page.once('dialog', (dialog) => void dialog.accept())
    await menu(page).getByRole('button', { name: 'Bewoners' }).click()
    await expect(page.getByRole('heading', { name: 'Bewoners', level: 1 })).toBeVisible()
  })

  test('een contactmoment toevoegen zet het bovenaan de tijdlijn', async ({ app }) => {
    const { page } = app
    await addAndOpenJan(page)
    const moment = page.getByRole('form', { name: 'Contactmoment toevoegen' })
    await moment.getByLabel('Datum').fill('2026-03-02')
    await moment.getByLabel('Kanaal').selectOption({ label: 'Telefoon' })
    await moment.getByLabel('Notitie bij het contact').fill('Belde over de voetbalclub')
    await moment.getByRole('button', { name: 'Contactmoment toevoegen' }).click()
    await expect(page.getByRole('list', { name: 'Tijdlijn' }).getByRole('listitem')).toHaveText([
      /2 maart 2026.*Telefoon.*Belde over de voetbalclub/,
    ])
    await expect(page.getByText('Laatste contact: 2 maart 2026')).toBeVisible()
    await expectNoSeriousA11yFindings(page)
  })

  test('archiveren, verwijderen en ongedaan maken', async ({ app }) => {
    const { page } = app
    await addAndOpenJan(page)

    await page.getByRole('button', { name: 'Archiveren' }).click()
    await expect(page.getByText('Deze bewoner is gearchiveerd.')).toBeVisible()
    await page.getByRole('button', { name: /Terug naar Bewoners/ }).click()
    await expect(page.getByText('Nog niemand in je register.')).toBeVisible()
    await page.getByRole('button', { name: 'Gearchiveerd' }).click()
    await list(page).getByRole('button', { name: 'Vries, Jan de' }).click()
    await page.getByRole('button', { name: 'Terug naar actief' }).click()
    await expect(page.getByText('Deze bewoner is gearchiveerd.')).toBeHidden()

    await page.getByRole('button', { name: 'Verwijderen', exact: true }).click()
    await expect(
      page.getByRole('status').filter({ hasText: 'Jan de Vries staat in de prullenbak.' }),
    ).toBeVisible()
    await expect(page.getByText('Nog niemand in je register.')).toBeVisible()
    await page.getByRole('button', { name: 'Ongedaan maken' }).click()
    await expect(list(page).getByRole('listitem')).toHaveText([/Vries, Jan de/])

    // And from the trash, later.
    await list(page).getByRole('button', { name: 'Vries, Jan de' }).click()
    await page.getByRole('button', { name: 'Verwijderen', exact: true }).click()
    await page.getByRole('button', { name: 'Prullenbak' }).click()
    await list(page)
      .getByRole('listitem')
      .filter({ hasText: 'Vries, Jan de' })
      .getByRole('button', { name: 'Terugzetten' })
      .click()
    await expect(page.getByText('Jan de Vries is teruggezet.')).toBeVisible()
    await page.getByRole('button', { name: 'Actief' }).click()
    await expect(list(page).getByRole('listitem')).toHaveText([/Vries, Jan de/])
  })
})

test('Na de ronde en Instellingen zijn toegankelijk', async ({ app }) => {
  const { page } = app
  await menu(page).getByRole('button', { name: 'Na de ronde' }).click()
  await expect(page.getByLabel('Voornaam')).toBeFocused()
  await expectNoSeriousA11yFindings(page)
  await page.getByRole('button', { name: 'Instellingen' }).click()
  await page.getByLabel('Jouw naam').fill('Meike')
  await expect(page.getByLabel('Dagelijkse herinnering om')).toHaveValue('09:00')
  await page.getByLabel('Dagelijkse herinnering om').fill('08:30')
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByText('Instellingen opgeslagen.')).toBeVisible()
  await page.reload()
  await page.getByRole('button', { name: 'Instellingen' }).click()
  await expect(page.getByLabel('Dagelijkse herinnering om')).toHaveValue('08:30')
  await expect(page.getByLabel('Jouw naam')).toHaveValue('Meike')
  await expectNoSeriousA11yFindings(page)
})

test('wijken beheren in Instellingen; een hernoemde wijk verhuist met haar bewoners', async ({
  app,
}) => {
  const { page } = app
  await openView(page, 'Bewoners')
  await page.getByLabel('Voornaam').fill('Ans')
  await page.getByLabel('Wijk', { exact: true }).fill('Kerkebos')
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(list(page).getByRole('listitem')).toHaveText([/Ans.*Kerkebos/])

  await page.getByRole('button', { name: 'Instellingen' }).click()
  await page.getByLabel('Nieuwe wijk').fill('Vollenhove')
  await page.getByRole('button', { name: 'Wijk toevoegen' }).click()
  await expect(page.getByText('Vollenhove is toegevoegd.')).toBeVisible()
  await page.getByLabel('Nieuwe wijk').fill('vollenhové')
  await page.getByRole('button', { name: 'Wijk toevoegen' }).click()
  await expect(page.getByRole('alert')).toHaveText('Er is al een wijk die Vollenhove heet.')

  await page.getByRole('button', { name: 'Kerkebos hernoemen' }).click()
  await page.getByLabel('Nieuwe naam voor Kerkebos').fill('Kerckebosch')
  await page.getByLabel('Nieuwe naam voor Kerkebos').press('Enter')
  await expect(page.getByText('Kerkebos heet nu Kerckebosch.')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Wijken' }).getByRole('listitem')).toHaveText([
    /Kerckebosch/,
    /Vollenhove/,
  ])
  await expectNoSeriousA11yFindings(page)

  await menu(page).getByRole('button', { name: 'Bewoners' }).click()
  await expect(list(page).getByRole('listitem')).toHaveText([/Ans.*Kerckebosch/])
})
