import type { Transaction } from 'kysely'
import { addInterval } from '../../shared/calendar'
import { intervalOf, type FollowUpSource } from '../../shared/followups'
import type { Cadence } from '../../shared/ledger'
import { newId } from '../store/ids'
import type { WriteContext } from './write-context'
import type { Database, FollowUpRow } from '../store/schema'

/** The rules that keep follow-ups in step with the person; each runs inside the caller's save. */

type NewFollowUp = {
  dueOn: string
  reason?: string | null | undefined
  source: FollowUpSource
  /** The connection it asks after, when it does. */
  connectionId?: string
}

/** A follow-up as it is stored: open, visible, made now. The one place such a row is made. */
export function followUpRow(
  personId: string,
  followUp: NewFollowUp,
  at: WriteContext,
): FollowUpRow {
  return {
    id: newId(at.now.getTime()),
    person_id: personId,
    due_on: followUp.dueOn,
    reason: followUp.reason ?? null,
    status: 'open',
    source: followUp.source,
    hidden: 0,
    created_at: at.now.toISOString(),
    closed_at: null,
    done_note: null,
    import_id: null,
    connection_id: followUp.connectionId ?? null,
  }
}

export async function addFollowUp(
  trx: Transaction<Database>,
  personId: string,
  followUp: NewFollowUp,
  at: WriteContext,
): Promise<string> {
  const row = followUpRow(personId, followUp, at)
  await trx.insertInto('follow_up').values(row).execute()
  return row.id
}

/** What the rules look at: "beschikbaar vanaf", the keep-in-touch cadence and the last contact. */
export interface RuleInputs {
  availableFrom: string | null
  cadence: Cadence | null
  lastContactOn: string | null
}

/**
 * When a rule wants her next follow-up, or null: on "beschikbaar vanaf"; one cadence after the
 * last contact (or today, when there was none).
 */
export function ruleDueOn(
  source: 'available_from' | 'cadence',
  person: RuleInputs,
  at: WriteContext,
): string | null {
  if (source === 'available_from') return person.availableFrom
  return person.cadence
    ? addInterval(person.lastContactOn ?? at.today, intervalOf(person.cadence))
    : null
}

/** The follow-ups the rules give someone who had none yet (a person the import adds). */
export function ruleFollowUps(
  personId: string,
  person: RuleInputs,
  at: WriteContext,
): FollowUpRow[] {
  return (['available_from', 'cadence'] as const).flatMap((source) => {
    const dueOn = ruleDueOn(source, person, at)
    return dueOn ? [followUpRow(personId, { dueOn, source }, at)] : []
  })
}

/** The one open follow-up of a source a person has (cadence, available-from), if any. */
async function openOf(trx: Transaction<Database>, personId: string, source: FollowUpSource) {
  return trx
    .selectFrom('follow_up')
    .select(['id', 'due_on'])
    .where('person_id', '=', personId)
    .where('status', '=', 'open')
    .where('source', '=', source)
    .executeTakeFirst()
}

/** Puts one open follow-up of `source` on `dueOn`, or cancels it when there is no date any more. */
async function keepInStep(
  trx: Transaction<Database>,
  personId: string,
  source: FollowUpSource,
  dueOn: string | null,
  at: WriteContext,
): Promise<void> {
  const open = await openOf(trx, personId, source)
  if (open && dueOn === null) {
    await trx
      .updateTable('follow_up')
      .set({ status: 'cancelled', closed_at: at.now.toISOString() })
      .where('id', '=', open.id)
      .execute()
  } else if (open && dueOn !== null && open.due_on !== dueOn) {
    await trx.updateTable('follow_up').set({ due_on: dueOn }).where('id', '=', open.id).execute()
  } else if (!open && dueOn !== null) {
    await addFollowUp(trx, personId, { dueOn, source }, at)
  }
}

/** "Beschikbaar vanaf" makes a follow-up on that date, and moves or cancels it with the date. */
export const syncAvailableFrom = (
  trx: Transaction<Database>,
  personId: string,
  availableFrom: string | null,
  at: WriteContext,
) =>
  keepInStep(
    trx,
    personId,
    'available_from',
    ruleDueOn('available_from', { availableFrom, cadence: null, lastContactOn: null }, at),
    at,
  )

/** With a cadence, the next follow-up is one cadence after the last contact (or today). */
export async function syncCadence(
  trx: Transaction<Database>,
  personId: string,
  at: WriteContext,
): Promise<void> {
  const person = await trx
    .selectFrom('person')
    .select(['cadence', 'last_contact_on'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow()
  const inputs = {
    availableFrom: null,
    cadence: person.cadence,
    lastContactOn: person.last_contact_on,
  }
  await keepInStep(trx, personId, 'cadence', ruleDueOn('cadence', inputs, at), at)
}

/** Out of Vandaag while she is archived or in the trash; back when she returns. */
export async function setFollowUpsHidden(
  trx: Transaction<Database>,
  personId: string,
  hidden: boolean,
): Promise<void> {
  await trx
    .updateTable('follow_up')
    .set({ hidden: hidden ? 1 : 0 })
    .where('person_id', '=', personId)
    .where('status', '=', 'open')
    .execute()
}
