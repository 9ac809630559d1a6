import type { Kysely } from 'kysely'
import * as m0001 from './0001_person'
import * as m0002 from './0002_ledger'
import * as m0003 from './0003_follow_ups'
import * as m0004 from './0004_imports'
import * as m0005 from './0005_connect'
import * as m0006 from './0006_report_exports'
import * as m0007 from './0007_report_tallies'
import * as m0008 from './0008_follow_up_import'
import * as m0009 from './0009_privacy'
import * as m0010 from './0010_handover'
import * as m0011 from './0011_person_live'
import * as m0012 from './0012_referral'
import * as m0013 from './0013_outcomes'
import * as m0014 from './0014_stories'
import * as m0015 from './0015_connection_follow_ups'
import * as m0016 from './0016_person_first_met'

export interface Migration {
  name: string
  up(db: Kysely<unknown>): Promise<void>
}

/**
 * Every migration in order; the store's `user_version` is how many of them it has. Listed statically
 * because a bundled main process has no folder to read. Append only: never edit or reorder.
 */
export const migrations: readonly Migration[] = [
  { name: '0001_person', ...m0001 },
  { name: '0002_ledger', ...m0002 },
  { name: '0003_follow_ups', ...m0003 },
  { name: '0004_imports', ...m0004 },
  { name: '0005_connect', ...m0005 },
  { name: '0006_report_exports', ...m0006 },
  { name: '0007_report_tallies', ...m0007 },
  { name: '0008_follow_up_import', ...m0008 },
  { name: '0009_privacy', ...m0009 },
  { name: '0010_handover', ...m0010 },
  { name: '0011_person_live', ...m0011 },
  { name: '0012_referral', ...m0012 },
  { name: '0013_outcomes', ...m0013 },
  { name: '0014_stories', ...m0014 },
  { name: '0015_connection_follow_ups', ...m0015 },
  { name: '0016_person_first_met', ...m0016 },
]
