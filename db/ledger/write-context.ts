import type { Kysely } from 'kysely'
import { localDate } from '../../shared/dates'
import type { Database } from '../store/schema'
import { readSettings } from './settings'

/** When and by whom a change is made: the clock, her calendar's today, her name from settings. */
export interface WriteContext {
  now: Date
  today: string
  worker: string | null
}

/** The write context of a change made now: her name as her settings have it. */
export async function writeContextAt(db: Kysely<Database>, now: Date): Promise<WriteContext> {
  const { workerName } = await readSettings(db)
  return { now, today: localDate(now), worker: workerName }
}
