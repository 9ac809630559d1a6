import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createApi } from '../../db/api'
import { pdfPages } from '../support/pdf'
import { makeTempDir } from '../support/platform'
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
  await page.getByLabel('Jaar', { exact: true }).fill('2026')
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
  await expect(page.getByRole('article')).not.toContainText('Sientje')
  await expectNoSeriousA11yFindings(page)

  // A story about Sientje: she has not said yes to "opnemen in verhalen" yet.
  await page.getByRole('button', { name: 'Nieuw verhaal' }).click()
  const storyForm = page.getByRole('form', { name: 'Nieuw verhaal' })
  await storyForm.getByLabel('Titel').fill('Weer onder de mensen')
  await storyForm
    .getByLabel('Verhaal', { exact: true })
    .fill('Via de huisarts kwam een bewoonster bij de wandelgroep; nu loopt ze elke week mee.')
  await storyForm.getByLabel('Over wie').fill('Sientje')
  await storyForm.getByRole('button', { name: /Sientje Hofstede/ }).click()
  await storyForm.getByRole('button', { name: 'Verhaal bewaren' }).click()
  const stories = page.getByRole('region', { name: 'Verhalen met toestemming' })
  await expect(stories.getByRole('list', { name: 'Over wie: Weer onder de mensen' })).toHaveText(
    'Sientje Hofstede: toestemming nog niet gevraagd',
  )
  await stories.getByLabel('In dit overzicht: Weer onder de mensen').check()
  await page.getByRole('button', { name: 'Overzicht maken' }).click()
  await expect(
    page.getByText(
      'Een gekozen verhaal gaat over iemand zonder toestemming “Opnemen in verhalen”.',
      {
        exact: false,
      },
    ),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Exporteren als PDF' })).toHaveCount(0)
  await expect(page.getByRole('article')).toContainText('nu loopt ze elke week mee')
  await expectNoSeriousA11yFindings(page)

  // She asks Sientje, who says yes; now the page for the wethouder can be made.
  made(
    await api['consent:record']({
      personId: sientje.id,
      purpose: 'stories',
      given: true,
      date: '2026-03-02',
      how: 'mondeling',
    }),
  )
  await page.reload()
  await openView(page, 'Verantwoording')
  await page
    .getByRole('region', { name: 'Verhalen met toestemming' })
    .getByLabel('In dit overzicht: Weer onder de mensen')
    .check()
  await page.getByLabel('Jaar (jaaroverzicht)').fill('2026')
  await page.getByLabel('Wijk (jaaroverzicht)').selectOption({ label: 'Noord' })
  const files = makeTempDir('sprokkelaar-year-e2e-')
  try {
    const path = join(files.path, 'jaaroverzicht-2026-Noord.pdf')
    app.harness!.platform.fileDialog.saveAnswer = path
    await page.getByRole('button', { name: 'Jaaroverzicht als PDF' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: 'Opgeslagen als jaaroverzicht-2026-Noord.pdf.' }),
    ).toBeVisible()
    const pages = await pdfPages(readFileSync(path))
    expect(pages).toHaveLength(1)
    const pdf = pages[0]!.replace(/\s+/g, ' ')
    for (const expected of [
      'Jaaroverzicht 2026: Noord',
      '6 bewoners bereikt',
      'Huisarts / Welzijn op Recept 6',
      'Gaat er nog heen',
      'wandelen 6',
      'Weer onder de mensen',
      'nu loopt ze elke week mee',
      'Werkwijze',
    ]) {
      expect(pdf).toContain(expected)
    }
    for (const name of ['Sientje', 'Hofstede', 'Aaltje', 'Wandelaar']) {
      expect(pdf).not.toContain(name)
    }
  } finally {
    files.remove()
  }
})
