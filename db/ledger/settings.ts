import type { Kysely } from 'kysely'
import { defaultReminderTime, type Settings } from '../../shared/contract'
import { getSetting, setSetting } from './lookups'
import type { Database } from '../store/schema'

export async function readSettings(db: Kysely<Database>): Promise<Settings> {
  return {
    workerName: (await getSetting(db, 'workerName')) || null,
    reminderTime: (await getSetting(db, 'reminderTime')) || defaultReminderTime,
    organisation: (await getSetting(db, 'organisation')) || null,
  }
}

export async function writeSettings(db: Kysely<Database>, settings: Settings): Promise<Settings> {
  await setSetting(db, 'workerName', settings.workerName ?? '')
  await setSetting(db, 'reminderTime', settings.reminderTime)
  await setSetting(db, 'organisation', settings.organisation ?? '')
  return readSettings(db)
}
