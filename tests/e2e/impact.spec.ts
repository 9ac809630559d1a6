import { createApi } from '../../db/api'
import { expect, expectNoSeriousA11yFindings, openView, target, test } from './fixtures'

// Residents, the initiative and the clock are put in through the harness.
test.skip(target === 'electron', 'the ledger and the clock are the harness’s')

test('wat het werk bracht: aangemeld door de huisarts, de vragen bij de opvolging, het overzicht', async ({
  app,
}) => {
  test.setTimeout(90_000)
  const { page } = app
  app.harness!.clock.set('2026-03-02T09:00:00.000Z')
  const api = createApi(app.harness!.ctx)
  const made = <T>(result: { ok: boolean; value?: unknown }) => {
    if (!result.ok) throw new Error('setup')
    return result.value as T
  }
  const group = made<{ id: string }>(
    await api['initiatives:create']({
      name: 'Wandelgroep De Stappers',
      kind: 'activiteit',
      themes: ['wandelen'],
    }),
  )

  // She meets Sientje on her round; the GP sent her (Welzijn op Recept).
  await openView(page, 'Na de ronde')
  await page.getByLabel('Voornaam').fill('Sientje')
  await page.getByLabel('Achternaam').fill('Hofstede')
  await page.getByLabel('Wijk').fill('Noord')
  await page.getByLabel('Aangemeld door').selectOption({ label: 'Huisarts / Welzijn op Recept' })
  await page.getByLabel('Voornaam').press('Enter')
  await expect(page.getByText('Sientje Hofstede is vastgelegd.')).toBeVisible()

  // Five more residents the GP sent, each connected to the walking group with a follow-up today;
  // Sientje too.
  const residents: string[] = []
  for (const firstName of ['Aaltje', 'Berend', 'Cato', 'Dieuwke', 'Egbert']) {
    const person = made<{ id: string }>(
      await api['people:create']({
        firstName,
        lastName: 'Wandelaar',
        wijk: 'Noord',
        referredBy: 'Huisarts / Welzijn op Recept',
        moment: { date: '2026-03-02', channel: 'straat' },
      }),
    )
    residents.push(person.id)
  }
  const sientje = made<{ items: { id: string; firstName: string }[] }>(
    await api['people:list']({}),
  ).items.find((person) => person.firstName === 'Sientje')!
  for (const personId of [sientje.id, ...residents]) {
    made(
      await api['connections:create']({
        personId,
        initiativeId: group.id,
        date: '2026-03-02',
        followUpOn: '2026-03-02',
      }),
    )
  }
  // The five answered earlier the same way: still going, and got to know people.
  const today = made<{ groups: { today: { items: { id: string; personId: string }[] } } }>(
    await api['followups:today'](undefined),
  )
  for (const item of today.groups.today.items) {
    if (item.personId === sientje.id) continue
    made(
      await api['followups:done']({
        id: item.id,
        outcome: { going: 'yes', metPeople: 'yes' },
      }),
    )
  }

  // At Vandaag: "hoe gaat het bij de wandelgroep?" with Sientje, and the questions with it.
  await openView(page, 'Vandaag')
  await page.getByRole('button', { name: 'Sientje Hofstede: Gedaan' }).click()
  const done = page.getByRole('form', { name: 'Sientje Hofstede: gedaan' })
  const asked = done.getByRole('group', { name: 'Wat bracht de verbinding?' })
  await expect(asked).toBeVisible()
  await expectNoSeriousA11yFindings(page)
  // Only one of the two: she is told to answer both (or none), and nothing is saved.
  await asked.getByRole('group', { name: 'Gaat ze er nog heen?' }).getByLabel('Ja').check()
  await done.getByRole('button', { name: 'Gedaan' }).click()
  await expect(
    page.getByText('Beantwoord de eerste twee vragen allebei, of laat ze alle drie leeg.'),
  ).toBeVisible()
  await asked
    .getByRole('group', { name: 'Heeft ze er mensen bij leren kennen?' })
    .getByLabel('Een paar')
    .check()
  await asked
    .getByRole('group', { name: /Doet ze nu zelf iets voor anderen/ })
    .getByLabel('Een beetje')
    .check()
  await done.getByRole('button', { name: 'Gedaan' }).click()
  await expect(page.getByText('Gedaan; het contactmoment staat op de tijdlijn.')).toBeVisible()

  // Her first quarter, as the report shows it.
  await openView(page, 'Verantwoording')
  await page.getByLabel('Periode').selectOption({ label: 'Kwartaal' })
  await page.getByLabel('Jaar').fill('2026')
  await page.getByLabel('Kwartaal', { exact: true }).selectOption({ label: 'Kwartaal 1' })
  await page.getByRole('button', { name: 'Overzicht maken' }).click()
  const routes = page.getByRole('table', { name: 'Bewoners bereikt, per route (aangemeld door)' })
  await expect(routes.getByRole('row', { name: /^Huisarts/ })).toHaveText(
    'Huisarts / Welzijn op Recept606',
  )
  const going = page.getByRole('table', {
    name: 'Wat verbindingen brachten: gaat ze er nog heen?',
  })
  await expect(going.getByRole('row', { name: /^wandelen/ })).toHaveText('wandelen6 (100%)006')
  const met = page.getByRole('table', {
    name: 'Wat verbindingen brachten: heeft ze er mensen leren kennen?',
  })
  // Five yes and one "een paar": the one is "<5", and the five beside it hidden with it.
  await expect(met.getByRole('row', { name: /^Alle verbindingen/ })).toHaveText(
    'Alle verbindingen×<506',
  )
  await expect(page.getByRole('main')).not.toContainText('Sientje')
  await expectNoSeriousA11yFindings(page)
})
