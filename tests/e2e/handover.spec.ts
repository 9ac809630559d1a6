import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createApi } from '../../db/api'
import { openContext } from '../../db/context'
import type { Wijk } from '../../shared/contract'
import type { PersonDetail } from '../../shared/person-detail'
import { makeTempDir, nodePlatform, TestClock } from '../support/platform'
import {
  addResident,
  expect,
  expectNoSeriousA11yFindings,
  openView,
  target,
  test,
} from './fixtures'

// The file dialogs answer through the browser harness; real Electron shows the OS's.
test.skip(target === 'electron', 'file dialogs are answered through the browser harness')
// Every password goes through scrypt (about half a second, more on a loaded machine).
test.describe.configure({ timeout: 60_000 })

/** Sanne's ledger on her own laptop: Mira and Jan in Kerckebosch, handed over with a password. */
async function handoverFromSanne(folder: string): Promise<string> {
  const platform = nodePlatform(folder, new TestClock(new Date('2026-04-01T09:00:00.000Z')))
  const ctx = await openContext(platform)
  try {
    const api = createApi(ctx)
    const must = async <T>(result: Promise<{ ok: boolean; value?: unknown }>) => {
      const answer = await result
      expect(answer.ok, 'Sanne’s ledger').toBe(true)
      return answer.value as T
    }
    await must(api['app:finishWelcome']({ workerName: 'Sanne', wijken: ['Kerckebosch'] }))
    await must(
      api['settings:update']({
        workerName: 'Sanne',
        reminderTime: '09:00',
        organisation: 'Buurtwerk Noord',
      }),
    )
    const mira = await must<PersonDetail>(
      api['people:create']({
        firstName: 'Mira',
        lastName: 'Oudewater',
        phone: '0612345678',
        wijk: 'Kerckebosch',
      }),
    )
    await must(
      api['moments:add']({
        personId: mira.id,
        date: '2026-03-20',
        channel: 'telefoon',
        note: 'Over de moestuin',
      }),
    )
    await must(
      api['people:create']({ firstName: 'Jan', lastName: 'de Vries', wijk: 'Kerckebosch' }),
    )
    const [kerckebosch] = await must<Wijk[]>(api['wijken:list'](undefined))
    platform.fileDialog.saveAnswer = join(folder, 'overdracht-2026-04-01.sprokkel')
    await must(
      api['handover:export']({
        wijkIds: [kerckebosch!.id],
        includeNotes: true,
        password: 'Overdracht-2026',
      }),
    )
  } finally {
    await ctx.store.close()
  }
  return join(folder, 'overdracht-2026-04-01.sprokkel')
}

test('een overdrachtsbestand van een collega overnemen: wachtwoord, een mogelijke dubbele, de tijdlijn', async ({
  app,
}) => {
  const sanne = makeTempDir()
  try {
    const file = await handoverFromSanne(sanne.path)
    const { page } = app
    // She knows Mira herself already (the same phone number, written her way); Jan not.
    const mine = await createApi(app.harness!.ctx)['people:create']({
      firstName: 'Mira',
      lastName: 'Oudewater',
      phone: '06 1234 5678',
    })
    expect(mine.ok).toBe(true)
    await page.getByRole('button', { name: 'Overslaan' }).click()
    await openView(page, 'Bewoners')
    await expect(page.getByRole('button', { name: 'Oudewater, Mira' })).toBeVisible()

    await page.getByRole('button', { name: 'Excel-lijst importeren' }).click()
    const receive = page.getByRole('region', { name: 'Een overdrachtsbestand van een collega' })
    app.harness!.platform.fileDialog.answer = file
    await receive.getByRole('button', { name: 'Overdrachtsbestand openen…' }).click()
    await expect(receive.getByText('Gekozen: overdracht-2026-04-01.sprokkel')).toBeVisible()
    await receive.getByLabel('Wachtwoord voor het bestand').fill('overdracht')
    await receive.getByRole('button', { name: 'Openen' }).click()
    await expect(receive.getByRole('alert')).toHaveText(
      'Dit wachtwoord opent het overdrachtsbestand niet. Er is niets veranderd.',
    )
    await receive.getByLabel('Wachtwoord voor het bestand').fill('Overdracht-2026')
    await receive.getByRole('button', { name: 'Openen' }).click()
    await expect(
      receive.getByText(/^Van Sanne, Buurtwerk Noord, gemaakt op 1 april 2026: 2 bewoners\./),
    ).toBeVisible()
    await expect(
      receive.getByText('Mira Oudewater lijkt op Mira Oudewater in je register'),
    ).toBeVisible()

    await receive.getByRole('button', { name: 'Overnemen' }).click()
    await expect(receive.getByRole('alert')).toContainText(
      'Beslis eerst wat er moet gebeuren met 1 bewoner',
    )
    await receive.getByRole('radio', { name: 'Samenvoegen' }).check()
    await expectNoSeriousA11yFindings(page)
    await receive.getByRole('button', { name: 'Overnemen' }).click()
    await expect(receive.getByRole('status').last()).toHaveText(
      'Overgenomen: 1 nieuw, 1 bijgewerkt of samengevoegd, 0 overgeslagen.',
    )

    await openView(page, 'Bewoners')
    await expect(page.getByRole('button', { name: 'de Vries, Jan' })).toBeVisible()
    await expect(page.getByRole('button', { name: /^Oudewater, Mira/ })).toHaveCount(1)
    await page.getByRole('button', { name: 'Oudewater, Mira' }).click()
    const timeline = page.getByRole('list', { name: 'Tijdlijn' })
    await expect(timeline).toContainText('Overgedragen door Sanne, Buurtwerk Noord op 1 april 2026')
    await expect(timeline).toContainText('Over de moestuin')
  } finally {
    sanne.remove()
  }
})

test('overdragen vanuit Instellingen: alle bewoners, met een wachtwoord, waar zij kiest', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'Overslaan' }).click()
  await addResident(page, 'Fatima', 'Amrani')

  await page.getByRole('button', { name: 'Instellingen' }).click()
  const make = page.getByRole('form', { name: 'Overdrachtsbestand maken' })
  await make.getByLabel('Wachtwoord voor het bestand').fill('Overdracht-2026')
  await make.getByLabel('Nog een keer').fill('Overdracht-2025')
  await make.getByRole('button', { name: 'Overdrachtsbestand maken' }).click()
  await expect(make.getByLabel('Nog een keer')).toHaveAccessibleDescription(
    'De twee zijn niet hetzelfde.',
  )

  const folder = makeTempDir()
  try {
    const path = join(folder.path, 'overdracht.sprokkel')
    app.harness!.platform.fileDialog.saveAnswer = path
    await make.getByLabel('Nog een keer').fill('Overdracht-2026')
    await make.getByRole('button', { name: 'Overdrachtsbestand maken' }).click()
    await expect(make.getByRole('status')).toHaveText(
      'Opgeslagen: overdracht.sprokkel, met 1 bewoner.',
    )
    expect(existsSync(path)).toBe(true)
    await expectNoSeriousA11yFindings(page)
  } finally {
    folder.remove()
  }
})
