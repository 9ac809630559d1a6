import { createApi } from '../../db/api'
import type { MailTemplate } from '../../shared/templates'
import { expect, expectNoSeriousA11yFindings, openView, target, test } from './fixtures'

// The clock and the OS's link opener are the browser harness's here; real Electron has its own.
test.skip(target === 'electron', 'the clock and the opened links go through the browser harness')

test('een jaar later, vanuit Vandaag: Fatima mailen, het contact vastleggen; geen antwoord op bellen', async ({
  app,
}) => {
  const { page } = app
  const harness = app.harness!
  harness.clock.set('2026-11-26T09:00:00.000Z')
  // "Geen tijd nu, maar na mijn pensioen": a year from now, and how to reach her.
  const created = await createApi(harness.ctx)['people:create']({
    firstName: 'Fatima',
    lastName: 'Amrani',
    email: 'fatima@example.nl',
    phone: '06-12345678',
    followUpPick: '1y',
    followUpReason: 'Na haar pensioen vragen of ze wil koken',
  })
  expect(created.ok).toBe(true)

  harness.clock.set('2027-11-26T08:00:00.000Z')
  // With someone in her ledger there is no welcome: the app opens on Vandaag.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible()
  const contact = page.getByRole('group', { name: 'Contact opnemen met Fatima Amrani' })
  await expect(contact.getByRole('button')).toHaveText(['E-mail', 'Bellen', 'WhatsApp'])
  await contact.getByLabel('Met sjabloon').selectOption({ label: 'Na je pensioen' })
  await contact.getByRole('button', { name: 'E-mail' }).click()
  await expect(contact.getByRole('status')).toHaveText('Je mailprogramma is geopend.')
  // The harness records what the shell would hand to the OS: built from her stored address, the
  // template filled in for her.
  expect(harness.platform.opened).toHaveLength(1)
  const mail = new URL(harness.platform.opened[0]!)
  expect(mail.pathname).toBe('fatima@example.nl')
  expect(mail.searchParams.get('subject')).toBe('Hoe gaat het, Fatima?')
  expect(mail.searchParams.get('body')).toContain(
    'Een jaar geleden vertelde je dat je na je pensioen wel iets wilde doen in de wijk.',
  )
  await expectNoSeriousA11yFindings(page)

  await contact
    .getByRole('group', { name: 'Is het gelukt?' })
    .getByRole('button', { name: 'Ja, contact vastleggen' })
    .click()
  await expect(page.getByText('Contact met Fatima Amrani vastgelegd.')).toBeVisible()
  await expect(page.getByRole('group', { name: 'Contact opnemen met Fatima Amrani' })).toHaveCount(
    0,
  )

  // Her page: the e-mail on her timeline; a call with no answer comes back in a week.
  await openView(page, 'Bewoners')
  await page.getByRole('button', { name: 'Amrani, Fatima' }).click()
  await expect(page.getByRole('list', { name: 'Tijdlijn' })).toContainText('E-mail')
  const onHerPage = page.getByRole('group', { name: 'Contact opnemen met Fatima Amrani' })
  await onHerPage.getByRole('button', { name: 'Bellen' }).click()
  await onHerPage.getByRole('button', { name: 'Geen antwoord' }).click()
  await expect(page.getByRole('region', { name: 'Opvolgen' })).toContainText(
    'Geen antwoord op Bellen',
  )
  expect(harness.platform.opened.at(-1)).toBe('tel:+31612345678')
})

test('een sjabloon aanpassen in Instellingen', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Overslaan' }).click()
  await page.getByRole('button', { name: 'Instellingen' }).click()
  const templates = page.getByRole('form', { name: 'Sjablonen voor e-mail' })
  const first = templates.getByRole('group', { name: 'Na je pensioen' })
  await expect(first.getByLabel('Onderwerp')).toHaveValue('Hoe gaat het, {{voornaam}}?')
  await first.getByLabel('Onderwerp').fill('Even bijpraten, {{voornaam}}?')
  await templates.getByRole('button', { name: 'Sjabloon toevoegen' }).click()
  await templates.getByRole('button', { name: 'Sjablonen bewaren' }).click()
  // A new one without a name is not saved.
  await expect(templates.getByLabel('Naam van het sjabloon').last()).toHaveAccessibleDescription(
    'Dit veld is verplicht.',
  )
  await templates.getByRole('button', { name: 'Nieuw sjabloon verwijderen' }).click()
  await templates.getByRole('button', { name: 'Sjablonen bewaren' }).click()
  await expect(templates.getByRole('status')).toHaveText('Sjablonen bewaard.')
  await expectNoSeriousA11yFindings(page)
  const stored = await createApi(app.harness!.ctx)['templates:list'](undefined)
  expect(stored.ok && (stored.value as MailTemplate[])[0]?.subject).toBe(
    'Even bijpraten, {{voornaam}}?',
  )
})
