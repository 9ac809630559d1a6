import { copyFileSync, truncateSync } from 'node:fs'
import { createApi } from '../../db/api'
import { backupFolder, listBackups } from '../../db/backup/backups'
import { readTrailer } from '../../db/backup/file'
import { openContext } from '../../db/context'
import { makeTempDir, nodePlatform } from '../support/platform'
import { decryptedStore, holdsAny } from '../support/sqlcipher'
import {
  addResident,
  expect,
  expectNoSeriousA11yFindings,
  openView,
  target,
  test,
} from './fixtures'

// The file and folder dialogs answer through the browser harness; real Electron shows the OS's.
test.skip(target === 'electron', 'file dialogs are answered through the browser harness')
// Each backup is a worker thread and each password a scrypt: seconds apiece on a loaded machine.
test.describe.configure({ timeout: 90_000 })

/** Her old laptop: a ledger with Mira, a herstelwachtwoord, and the backup it made. */
async function backupFromAnotherComputer(folder: string): Promise<string> {
  const platform = nodePlatform(folder)
  const ctx = await openContext(platform)
  try {
    const api = createApi(ctx)
    const must = async (result: Promise<{ ok: boolean }>) =>
      expect((await result).ok, 'the old laptop’s ledger').toBe(true)
    await must(api['app:finishWelcome']({ workerName: 'Sanne', wijken: ['Kerckebosch'] }))
    await must(api['people:create']({ firstName: 'Mira', lastName: 'Oudewater' }))
    await must(api['recovery:set']({ password: 'Wijkwerk-2026!' }))
  } finally {
    await ctx.store.close()
  }
  return listBackups(backupFolder(folder))[0]!.file
}

test('op een nieuwe computer: een back-up terugzetten met het herstelwachtwoord', async ({
  app,
}) => {
  const old = makeTempDir()
  try {
    const file = await backupFromAnotherComputer(old.path)
    const { page } = app
    await expect(
      page.getByRole('heading', { name: 'Welkom bij Sprokkelaar', level: 1 }),
    ).toBeVisible()
    const restore = page.getByRole('region', { name: 'Een back-up terugzetten' })
    app.harness!.platform.fileDialog.answer = file
    await restore.getByRole('button', { name: 'Back-up kiezen…' }).click()
    await expect(restore.getByText(/Gekozen: back-up van/)).toBeVisible()

    await restore.getByLabel('Herstelwachtwoord').fill('wijkwerk-2026')
    await restore.getByRole('button', { name: 'Openen' }).click()
    await expect(restore.getByRole('alert')).toHaveText(
      'Dit herstelwachtwoord opent deze back-up niet. Er is niets veranderd.',
    )
    await restore.getByLabel('Herstelwachtwoord').fill('Wijkwerk-2026!')
    await restore.getByRole('button', { name: 'Openen' }).click()
    await expect(restore.getByRole('status').first()).toContainText(
      'heeft 1 bewoner en 0 contactmomenten',
    )
    await expectNoSeriousA11yFindings(page)
    await restore.getByRole('button', { name: 'Terugzetten' }).click()

    // Her ledger as it was: past the welcome, with Mira, and it stays so after a restart.
    await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible()
    await openView(page, 'Bewoners')
    await expect(page.getByRole('button', { name: 'Oudewater, Mira' })).toBeVisible()
    await app.restart()
    await openView(app.page, 'Bewoners')
    await expect(app.page.getByRole('button', { name: 'Oudewater, Mira' })).toBeVisible()
  } finally {
    old.remove()
  }
})

test('back-ups in Instellingen: herstelwachtwoord, nu een back-up, een tweede map', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'Overslaan' }).click()
  await addResident(page, 'Fatima', 'Amrani')

  await page.getByRole('button', { name: 'Instellingen' }).click()
  const backups = page.getByRole('region', { name: 'Back-ups' })
  await expect(backups.getByText('Er is nog geen back-up.')).toBeVisible()
  await expect(
    backups.getByText('Let op: er is nog geen back-up van je bewoners. Maak er nu een.'),
  ).toBeVisible()

  const recovery = page.getByRole('form', { name: 'Herstelwachtwoord instellen' })
  await recovery.getByLabel('Herstelwachtwoord').fill('kort')
  await recovery.getByLabel('Nog een keer').fill('kort')
  await recovery.getByRole('button', { name: 'Herstelwachtwoord instellen' }).click()
  await expect(recovery.getByLabel('Herstelwachtwoord')).toHaveAccessibleDescription(
    'Kies minstens 8 tekens.',
  )
  await recovery.getByLabel('Herstelwachtwoord').fill('Wijkwerk-2026!')
  await recovery.getByLabel('Nog een keer').fill('Wijkwerk-2026!')
  await recovery.getByRole('button', { name: 'Herstelwachtwoord instellen' }).click()
  await expect(
    page.getByText('Herstelwachtwoord ingesteld. Er is een back-up gemaakt'),
  ).toBeVisible()
  await expect(backups.getByText(/^Laatste back-up: .* MB\. 1 back-up bewaard\.$/)).toBeVisible()
  await expect(backups.getByText(/^Let op/)).toHaveCount(0)

  await backups.getByRole('button', { name: 'Nu een back-up maken' }).click()
  await expect(backups.getByRole('status')).toHaveText('Back-up gemaakt.')

  const stick = makeTempDir()
  try {
    app.harness!.platform.fileDialog.folderAnswer = stick.path
    await backups.getByRole('button', { name: 'Tweede map kiezen' }).click()
    await expect(backups.getByText(`Ook naar: ${stick.path}`)).toBeVisible()
    await expect.poll(() => listBackups(stick.path).length).toBe(1)
    await expectNoSeriousA11yFindings(page)
    await backups.getByRole('button', { name: 'Tweede map niet meer gebruiken' }).click()
    await expect(backups.getByText('Nog geen tweede map.')).toBeVisible()
  } finally {
    stick.remove()
  }

  // Fatima asks to be erased, from the backups too.
  await openView(page, 'Bewoners')
  await page.getByRole('button', { name: 'Amrani, Fatima' }).click()
  await page.getByRole('checkbox', { name: /ook uit alle back-ups/ }).check()
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: 'Echt verwijderen' }).click()
  await expect(
    page.getByText('1 bewoner echt verwijderd. Ook uit 1 back-up verwijderd.'),
  ).toBeVisible()
  const [left] = listBackups(backupFolder(app.harness!.platform.dataDir))
  const staged = `${left!.file}.check`
  copyFileSync(left!.file, staged)
  truncateSync(staged, readTrailer(left!.file)!.storeBytes)
  const key = (await app.harness!.platform.storeKey()).key
  expect(holdsAny(decryptedStore(staged, key), ['Amrani', 'Fatima'])).toEqual([])
})
