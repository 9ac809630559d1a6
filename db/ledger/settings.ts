import type { Kysely } from 'kysely'
import {
  defaultReminderTime,
  privacyDefaults,
  type Settings,
  type SettingsUpdate,
} from '../../shared/contract'
import { defaultRoutes } from '../../shared/routes'
import { wijkIdFor } from './lookups'
import type { Database } from '../store/schema'

export async function readSettings(db: Kysely<Database>): Promise<Settings> {
  return {
    workerName: (await getSetting(db, 'workerName')) || null,
    reminderTime: (await getSetting(db, 'reminderTime')) || defaultReminderTime,
    organisation: (await getSetting(db, 'organisation')) || null,
    retentionMonths: await numberSetting(db, 'retentionMonths', privacyDefaults.retentionMonths),
    consentYears: await numberSetting(db, 'consentYears', privacyDefaults.consentYears),
    trashDays: await numberSetting(db, 'trashDays', privacyDefaults.trashDays),
    routes: await routesSetting(db),
  }
}

/** Her list of routes (one per line in the store), or the list it starts with. */
async function routesSetting(db: Kysely<Database>): Promise<string[]> {
  const value = await getSetting(db, 'routes')
  const routes = value?.split('\n').filter(Boolean) ?? []
  return routes.length > 0 ? routes : [...defaultRoutes]
}

async function numberSetting(db: Kysely<Database>, key: string, fallback: number) {
  const value = Number(await getSetting(db, key))
  return Number.isInteger(value) && value > 0 ? value : fallback
}

export async function writeSettings(
  db: Kysely<Database>,
  settings: SettingsUpdate,
): Promise<Settings> {
  await setSetting(db, 'workerName', settings.workerName ?? '')
  await setSetting(db, 'reminderTime', settings.reminderTime)
  await setSetting(db, 'organisation', settings.organisation ?? '')
  for (const key of ['retentionMonths', 'consentYears', 'trashDays'] as const) {
    const value = settings[key]
    if (value !== undefined) await setSetting(db, key, String(value))
  }
  if (settings.routes) await setSetting(db, 'routes', settings.routes.join('\n'))
  return readSettings(db)
}

/** One setting by its key; settings are key-value rows in the store. */
export async function getSetting(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  return row?.value
}

export async function setSetting(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

const doneKey = 'welcomeDone'

/**
 * She is greeted once, on a first start: not when she has finished or skipped the welcome, and
 * not in a ledger that holds anyone already (an update, or a restored store).
 */
export async function welcomeState(db: Kysely<Database>): Promise<{ show: boolean }> {
  if ((await getSetting(db, doneKey)) === '1') return { show: false }
  const someone = await db.selectFrom('person').select('id').limit(1).executeTakeFirst()
  return { show: someone === undefined }
}

/** Her name and her wijken from the welcome, and the welcome marked done: all or nothing. */
export async function finishWelcome(
  db: Kysely<Database>,
  input: { workerName: string | null; wijken: string[] },
  now: Date,
): Promise<null> {
  await db.transaction().execute(async (trx) => {
    if (input.workerName) await setSetting(trx, 'workerName', input.workerName)
    // A wijk she already has (any case, any accents) is that wijk, not a second one.
    for (const wijk of input.wijken) await wijkIdFor(trx, wijk, now)
    await setSetting(trx, doneKey, '1')
  })
  return null
}
