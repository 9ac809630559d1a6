import type { Kysely } from 'kysely'
import type { Settings } from '../shared/contract'
import { getSetting, setSetting } from './lookups'
import type { Database } from './schema'

export async function readSettings(db: Kysely<Database>): Promise<Settings> {
  return { workerName: (await getSetting(db, 'workerName')) ?? null }
}

export async function writeSettings(db: Kysely<Database>, settings: Settings): Promise<Settings> {
  await setSetting(db, 'workerName', settings.workerName ?? '')
  return readSettings(db)
}
