import { join } from 'node:path'
import { createApi } from '../../db/api'
import { henkInLedger, writeWorkerXlsx } from '../support/import-fixtures'
import { makeTempDir } from '../support/platform'
import { expect, test } from './fixtures'

// `UPDATE_SCREENSHOTS=1 npm run test:e2e -- readme-screenshot` renews the README's pictures.
test.skip(!process.env['UPDATE_SCREENSHOTS'], 'only when renewing the README screenshot')

const residents = [
  ['Fatima', 'el', 'Amrani', 'Kerckebosch', 'Wil graag koken voor de buurt; kan goed naaien.'],
  ['Jan', 'de', 'Vries', 'Hoge Dennen', 'Oud-voetbaltrainer, wil na zijn pensioen helpen.'],
  ['Ans', '', 'Bakker', 'Kerckebosch', 'Zoekt gezelschap; wandelt graag op dinsdagochtend.'],
  ['Mehmet', '', 'Yılmaz', 'Vollenhove', 'Repareert fietsen bij de Boulevard.'],
] as const

test('README screenshot', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 1000 })
  await page.getByRole('button', { name: /^Bewoners/ }).click()
  for (const [firstName, tussenvoegsel, lastName, wijk, note] of residents) {
    await page.getByLabel('Voornaam').fill(firstName)
    await page.getByLabel('Tussenvoegsel').fill(tussenvoegsel)
    await page.getByLabel('Achternaam').fill(lastName)
    await page.getByLabel('Wijk', { exact: true }).fill(wijk)
    await page.getByLabel('Notitie').fill(note)
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByRole('status')).toContainText(`${lastName} is opgeslagen`)
  }
  await page.screenshot({ path: 'tests/e2e/screenshots/bewoners.png' })

  // Na de ronde, meeting Fatima again with her name half remembered.
  await page.getByRole('button', { name: 'Na de ronde' }).click()
  await page.getByLabel('Voornaam').fill('Fatma')
  await page.getByLabel('Achternaam').fill('Amrani')
  await page.getByLabel('Passies en talenten').fill('Koken')
  await page.getByLabel('Passies en talenten').press('Enter')
  await expect(page.getByRole('region', { name: 'Lijkt op:' })).toBeVisible()
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: 'tests/e2e/screenshots/na-de-ronde.png' })

  // Vandaag, a week on, with one due and the done form open.
  await page.getByRole('button', { name: 'Na de ronde' }).click()
  await page.getByLabel('Voornaam').fill('Ans')
  await page.getByLabel('Achternaam').fill('Bakker')
  await page.getByLabel('Opvolgen').selectOption({ label: 'Over 1 week' })
  await page.getByLabel('Voornaam').press('Enter')
  await expect(page.getByText('Ans Bakker is vastgelegd.')).toBeVisible()
  app.harness?.clock.set(new Date(Date.now() + 7 * 24 * 3600 * 1000))
  await page.reload()
  await page.getByRole('button', { name: 'Ans Bakker: Gedaan' }).click()
  await page.setViewportSize({ width: 1280, height: 700 })
  await page.screenshot({ path: 'tests/e2e/screenshots/vandaag.png' })
})

test('README screenshot: Importeren', async ({ app }) => {
  const { page } = app
  const files = makeTempDir('sprokkelaar-readme-')
  try {
    const path = join(files.path, 'bewonerslijst.xlsx')
    await writeWorkerXlsx(path)
    await createApi(app.harness!.ctx)['people:create'](henkInLedger)
    await page.setViewportSize({ width: 1280, height: 760 })
    await page.getByRole('button', { name: /^Bewoners/ }).click()
    await page.getByRole('button', { name: 'Excel-lijst importeren' }).click()
    app.harness!.platform.fileDialog.answer = path
    await page.getByRole('button', { name: 'Bestand kiezen…' }).click()
    await page.getByRole('button', { name: 'Verder: voorbeeld' }).click()
    await page.getByRole('button', { name: 'Verder: dubbelen' }).click()
    await page.getByRole('radio', { name: 'Samenvoegen' }).first().check()
    await page.screenshot({ path: 'tests/e2e/screenshots/importeren.png' })
  } finally {
    files.remove()
  }
})

test('README screenshot: Verbinden', async ({ app }) => {
  const { page } = app
  const api = createApi(app.harness!.ctx)
  const passion = (name: string) => [{ kind: 'passion' as const, name }]
  const residents = [
    { firstName: 'Ans', lastName: 'Bakker', wijk: 'Kerckebosch', tags: passion('wandelen') },
    { firstName: 'Jan', tussenvoegsel: 'de', lastName: 'Vries', wijk: 'Hoge Dennen' },
    { firstName: 'Saïda', lastName: 'Haddouchi', wijk: 'Kerckebosch', wish: 'Graag wandelen' },
    { firstName: 'Noël', lastName: 'Bakker', wijk: 'Vollenhove', tags: passion('wandelen') },
  ]
  for (const [i, resident] of residents.entries()) {
    await api['people:create']({
      ...resident,
      availability: i === 1 ? [] : ['tue-morning'],
      ...(i === 1 ? { tags: [{ kind: 'need' as const, name: 'wandelen' }] } : {}),
      ...(i === 3 ? { availableFrom: '2027-03-01' } : {}),
    })
  }
  await api['initiatives:create']({
    name: 'Wandelgroep De Stappers',
    kind: 'activiteit',
    wijk: 'Kerckebosch',
    themes: ['wandelen'],
    meets: ['tue-morning'],
    lookingFor: 'Zoekt: iemand die de route wil uitzetten',
  })
  await page.setViewportSize({ width: 1280, height: 640 })
  await page.getByRole('button', { name: /^Verbinden/ }).click()
  await page.getByRole('button', { name: 'Wandelgroep De Stappers' }).click()
  await page.getByRole('button', { name: 'Ans Bakker voorstellen' }).click()
  await expect(page.getByLabel('Vraag over 3 weken hoe het gaat')).toBeChecked()
  await page.screenshot({ path: 'tests/e2e/screenshots/verbinden.png' })
})

test('README screenshot: Verantwoording', async ({ app }) => {
  const { page } = app
  const api = createApi(app.harness!.ctx)
  const wijken = ['Kerckebosch', 'Hoge Dennen', 'Vollenhove']
  const channels = ['straat', 'telefoon', 'huisbezoek', 'activiteit'] as const
  for (let i = 0; i < 46; i++) {
    const person = await api['people:create']({
      firstName: `Bewoner ${i}`,
      wijk: wijken[i % 7 === 6 ? 2 : i % 2]!,
    })
    if (!person.ok) throw new Error('setup')
    for (let m = 0; m <= i % 3; m++) {
      await api['moments:add']({
        personId: (person.value as { id: string }).id,
        date: `2026-0${7 + ((i + m) % 3)}-${String(3 + m * 7).padStart(2, '0')}`,
        channel: channels[(i + m) % 4]!,
      })
    }
  }
  await api['settings:update']({ workerName: '', organisation: 'Welzijn Zeist' })
  await page.setViewportSize({ width: 1280, height: 820 })
  await page.getByRole('button', { name: /^Verantwoording/ }).click()
  await page.getByLabel('Jaar', { exact: true }).fill('2026')
  await page.getByLabel('Kwartaal', { exact: true }).selectOption({ label: 'Kwartaal 3' })
  await page.getByRole('button', { name: 'Overzicht maken' }).click()
  const title = page.getByRole('heading', { name: 'Verantwoording: juli 2026 – september 2026' })
  await title.evaluate((heading) => heading.scrollIntoView({ block: 'start' }))
  await expect(page.getByRole('table', { name: 'Bewoners bereikt', exact: true })).toBeVisible()
  await page.screenshot({ path: 'tests/e2e/screenshots/verantwoording.png' })
})

test('README screenshot: Beschermen', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 1000 })
  app.harness!.clock.set('2024-01-10T09:00:00.000Z')
  await page.getByRole('button', { name: /^Bewoners/ }).click()
  for (const [firstName, tussenvoegsel, lastName, wijk] of residents) {
    await page.getByLabel('Voornaam').fill(firstName)
    await page.getByLabel('Tussenvoegsel').fill(tussenvoegsel)
    await page.getByLabel('Achternaam').fill(lastName)
    await page.getByLabel('Wijk', { exact: true }).fill(wijk)
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await expect(page.getByRole('status')).toContainText(`${lastName} is opgeslagen`)
  }
  app.harness!.clock.set('2026-03-02T09:00:00.000Z')
  await page.reload()
  await page.getByRole('button', { name: /^Beschermen/ }).click()
  await page.getByLabel('Amrani, Fatima el kiezen').check()
  await page.getByLabel('Waarom bewaren').fill('Wacht op een plek bij de moestuin')
  await page.screenshot({ path: 'tests/e2e/screenshots/beschermen.png' })

  // Her page: consent per purpose, and her rights.
  await page.getByRole('button', { name: 'Amrani, Fatima el' }).click()
  const form = page.getByRole('form', { name: 'Toestemming vastleggen' })
  await form.getByLabel('Doel').selectOption({ label: 'Gegevens delen met een initiatief' })
  await form.getByLabel('Afgesproken').fill('Mag haar nummer aan de kookgroep geven')
  await form.getByRole('button', { name: 'Vastleggen' }).click()
  await expect(page.getByText('Toestemming vastgelegd')).toBeVisible()
  await page.getByRole('region', { name: 'Toestemming' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'tests/e2e/screenshots/toestemming.png' })
})
