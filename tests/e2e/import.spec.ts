import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import iconv from 'iconv-lite'
import { createApi } from '../../db/api'
import { hostileFiles } from '../support/hostile-files'
import { henkInLedger, writeBrokenFiles, writeWorkerXlsx } from '../support/import-fixtures'
import { makeTempDir } from '../support/platform'
import {
  expect,
  expectNoSeriousA11yFindings,
  openView,
  target,
  test,
  type AppUnderTest,
} from './fixtures'

// The native file dialog is the harness's here: it answers with the file the test put ready.
test.skip(target === 'electron', 'the file dialog is answered by the harness')

let files: ReturnType<typeof makeTempDir>
test.beforeAll(() => {
  files = makeTempDir('sprokkelaar-import-e2e-')
})
test.afterAll(() => files.remove())

async function startImport(app: AppUnderTest, path: string): Promise<Page> {
  const { page } = app
  await openView(page, 'Bewoners')
  await page.getByRole('button', { name: 'Excel-lijst importeren' }).click()
  await expect(page.getByRole('heading', { name: 'Importeren uit Excel', level: 1 })).toBeVisible()
  app.harness!.platform.fileDialog.answer = path
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click()
  return page
}

const rowGroup = (page: Page, name: RegExp) =>
  page
    .getByRole('list', { name: /^(Rijen zoals ze worden opgeslagen|Dubbelen)$/ })
    .getByRole('listitem')
    .filter({ hasText: name })

test('haar Excel-lijst importeren: kolommen, voorbeeld, een dubbele, en de bewoners met hun labels', async ({
  app,
}) => {
  const path = join(files.path, 'bewonerslijst.xlsx')
  await writeWorkerXlsx(path)
  await createApi(app.harness!.ctx)['people:create'](henkInLedger)

  const page = await startImport(app, path)
  await expect(page.getByText('bewonerslijst.xlsx: 13 rijen gevonden.')).toBeVisible()
  await expect(
    page.getByRole('list', { name: 'Stappen' }).locator('[aria-current="step"]'),
  ).toHaveText('Kolommen (huidige stap)')
  await expect(page.getByLabel('Wordt: Naam', { exact: true })).toHaveValue('fullName')
  await expect(page.getByLabel('Wordt: Passie / talent (2)')).toHaveValue('passions')
  await expect(page.getByLabel('Kopjes staan op rij')).toHaveValue('3')
  await expectNoSeriousA11yFindings(page)
  await page.getByRole('button', { name: 'Verder: voorbeeld' }).click()

  await expect(
    page.getByText('13 rijen · 4 met iets om na te kijken · 2 mogelijk dubbel'),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Om na te kijken (4)' }).click()
  // "mevr." is no name: left out, and she sees how the rest was split.
  const mulder = rowGroup(page, /Mulder/)
  await expect(mulder).toContainText('mevr.: een aanhef, geen naam: niet opgeslagen')
  const piet = rowGroup(page, /Piet Smit/)
  await expect(piet).toContainText('E-mail: “piet@” — geen geldig e-mailadres')
  await expect(piet).toContainText('Datum: “ergens in maart” — geen datum te lezen')
  await piet.getByRole('button', { name: 'Verbeteren' }).click()
  await piet.getByLabel('E-mail (rij 11)').fill('piet@example.nl')
  await piet.getByLabel('Datum (rij 11)').fill('15 maart 2024')
  await piet.getByRole('button', { name: 'Controleren' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Rij 11 is in orde.' })).toBeVisible()
  await expectNoSeriousA11yFindings(page)
  await page.getByRole('button', { name: 'Verder: dubbelen' }).click()

  const henk = rowGroup(page, /Henk Jansen lijkt op Henk Jansen in je register/)
  await expect(henk).toContainText('zelfde telefoonnummer, adres')
  await henk.getByRole('radio', { name: 'Samenvoegen' }).check()
  const fatima = rowGroup(page, /Fatima el Amrani lijkt op Fatima el Amrani \(rij 4\)/)
  await page.getByRole('button', { name: 'Importeren', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('Nog 1 rij om te beslissen.')
  await fatima.getByRole('radio', { name: 'Samenvoegen' }).check()
  await expectNoSeriousA11yFindings(page)
  await page.getByRole('button', { name: 'Importeren', exact: true }).click()

  const report = page.getByRole('heading', { name: 'Import van bewonerslijst.xlsx' })
  await expect(report).toBeVisible()
  await expect(page.getByText('10 bewoners toegevoegd')).toBeVisible()
  await expect(page.getByText('2 rijen samengevoegd met wie er al was')).toBeVisible()
  await expect(page.getByText('Rij 15: geen naam')).toBeVisible()

  await page.getByRole('button', { name: 'Naar Bewoners' }).click()
  await expect(page.getByText('11 bewoners', { exact: true })).toBeVisible()
  const list = page.getByRole('list', { name: 'Bewonerslijst' })
  await list.getByRole('button', { name: 'Amrani, Fatima el' }).click()
  await expect(page.getByRole('heading', { name: 'Fatima el Amrani', level: 1 })).toBeVisible()
  for (const tag of ['koken', 'naaien', 'tuinieren']) {
    await expect(page.getByRole('button', { name: `${tag} weghalen` })).toBeVisible()
  }
  await expect(page.getByLabel('Notitie', { exact: true })).toHaveValue(
    /Kwam ook op de buurtmiddag/,
  )
})

test('een import ongedaan maken, en een bestand dat geen lijst is', async ({ app }) => {
  const broken = await writeBrokenFiles(files.path)
  let page = await startImport(app, broken.garbage)
  await expect(page.getByRole('alert')).toContainText('Dit bestand is geen spreadsheet.')
  app.harness!.platform.fileDialog.answer = broken.password
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click()
  await expect(page.getByRole('alert')).toContainText('beveiligd met een wachtwoord')

  const path = join(files.path, 'klein.xlsx')
  await writeWorkerXlsx(path)
  page = await startImport(app, path)
  await page.getByRole('button', { name: 'Verder: voorbeeld' }).click()
  await page.getByRole('button', { name: 'Verder: dubbelen' }).click()
  await rowGroup(page, /Fatima el Amrani lijkt op/)
    .getByRole('radio', { name: 'Toevoegen als nieuw' })
    .click()
  await page.getByRole('button', { name: 'Voor alle soortgelijke' }).click()
  await page.getByRole('button', { name: 'Importeren', exact: true }).click()
  await expect(page.getByText('12 bewoners toegevoegd')).toBeVisible()

  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: 'Import ongedaan maken' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'De import van klein.xlsx is ongedaan gemaakt.' }),
  ).toBeVisible()
  await expect(page.getByText(/^Ongedaan gemaakt op/)).toBeVisible()

  await page.getByRole('button', { name: 'Nog een bestand importeren' }).click()
  await expect(page.getByRole('heading', { name: 'Eerdere imports' })).toBeVisible()
  await expect(
    page.getByText(
      /klein\.xlsx · 12 toegevoegd, 0 samengevoegd, 1 overgeslagen · ongedaan gemaakt/,
    ),
  ).toBeVisible()
  await openView(page, 'Bewoners')
  await expect(page.getByText('Nog niemand in je register.')).toBeVisible()
})

test('een rommelige lijst: aanhef, achtervoegsel, dagdelen, een verloren letter, een lange notitie, een totaalregel', async ({
  app,
}) => {
  test.setTimeout(60_000)
  const note = Array.from({ length: 600 }, (_, i) => `Zin ${i} van haar lange opmerking.`).join(' ')
  const path = join(files.path, 'rommelig.csv')
  writeFileSync(
    path,
    iconv.encode(
      [
        'Naam;Telefoon;Beschikbaar;Wil / kan;Opmerking;Terugbellen',
        'Piet de Boer jr.;0611111111;di/do ochtend;"wil koken leren; kan goed fietsen";;15-1-2024',
        'Dhr. Smit;0622222222;;;;1-2-2024',
        '?ahin Y?ld?z;0633333333;;;;',
        `Fatima el Amrani;0644444444;;;${note};`,
        'Totaal 4;;;;;',
      ].join('\r\n'),
      'win1252',
    ),
  )
  const page = await startImport(app, path)
  await page.getByRole('button', { name: 'Verder: voorbeeld' }).click()
  await expect(
    page.getByText('5 rijen · 4 met iets om na te kijken · 0 mogelijk dubbel'),
  ).toBeVisible()

  const piet = rowGroup(page, /^Rij 2(?!\d)/)
  await expect(piet).toContainText('voornaam Piet · tussenvoegsel de · achternaam Boer jr.')
  await expect(piet).toContainText('Wil: wil koken leren')
  await expect(piet).toContainText('Kan: kan goed fietsen')
  await expect(piet).toContainText('Beschikbaar: dinsdagochtend, donderdagochtend')
  await expect(rowGroup(page, /^Rij 3(?!\d)/)).toContainText(
    'Dhr.: een aanhef, geen naam: niet opgeslagen',
  )

  // A letter Excel could not keep in the CSV: she corrects the name in place.
  const sahin = rowGroup(page, /^Rij 4(?!\d)/)
  await expect(sahin).toContainText(
    '?ahin Y?ld?z: een letter ging verloren bij het opslaan als CSV; kies het .xlsx-bestand of verbeter de naam',
  )
  await sahin.getByRole('button', { name: 'Verbeteren' }).click()
  await sahin.getByLabel('Naam (rij 4)').fill('Şahin Yıldız')
  await sahin.getByRole('button', { name: 'Controleren' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Rij 4 is in orde.' })).toBeVisible()

  const fatima = rowGroup(page, /^Rij 5(?!\d)/)
  await expect(fatima).toContainText('het formulier bewaart er 5.000')
  await expect(fatima.getByLabel('Lange notitie in rij 5')).toHaveValue('moment')

  const total = rowGroup(page, /^Rij 6(?!\d)/)
  await expect(total).toContainText('Geen bewoner (een totaalregel): wordt overgeslagen')
  await expect(total.getByLabel('Rij 6 toch importeren')).not.toBeChecked()
  await expectNoSeriousA11yFindings(page)

  await page.getByRole('button', { name: 'Verder: dubbelen' }).click()
  await page.getByRole('button', { name: 'Importeren', exact: true }).click()
  await expect(page.getByText('4 bewoners toegevoegd')).toBeVisible()
  await expect(page.getByText('Rij 6: geen bewoner (totaalregel)')).toBeVisible()

  // Her list's old "terugbellen" dates: Vandaag moves them at once.
  await openView(page, 'Vandaag')
  const late = page.getByRole('region', {
    name: /2 te late opvolgingen uit de import van rommelig\.csv/,
  })
  await expect(late).toBeVisible()
  await late.getByLabel('Verzetten naar').selectOption({ label: 'Over 1 maand' })
  await late.getByRole('button', { name: 'Alle 2 verzetten' }).click()
  await expect(page.getByText('2 opvolgingen verzet.')).toBeVisible()
  await expect(late).toBeHidden()
  await expect(page.getByRole('heading', { name: /Te laat/ })).toContainText('0')
  await expectNoSeriousA11yFindings(page)
})

test('een enorm bestand: de balk loopt, Stoppen werkt, en een vijandig bestand krijgt een bericht', async ({
  app,
}) => {
  test.setTimeout(60_000)
  const huge = join(files.path, 'export.csv')
  hostileFiles.hugeCsv(huge)
  const page = await startImport(app, huge)
  const stop = page.getByRole('button', { name: 'Stoppen' })
  await expect(stop).toBeVisible()
  await expect(page.getByText(/^Bestand lezen…/)).toBeVisible()
  await stop.click()
  await expect(page.getByText('Lezen gestopt. Er is niets veranderd.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Bestand kiezen…' })).toBeEnabled()

  const last = join(files.path, 'laatste-cel.xlsx')
  hostileFiles.lastCell(last)
  app.harness!.platform.fileDialog.answer = last
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click()
  await expect(page.getByRole('alert')).toContainText('In cel XFD1048576 staat iets')
  await expectNoSeriousA11yFindings(page)
})
