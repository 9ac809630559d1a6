import type { Transaction } from 'kysely'
import { addInterval } from '../../shared/calendar'
import { intervalOf, type FollowUpSource } from '../../shared/followups'
import { newId } from '../store/ids'
import type { WriteContext } from './write-context'
import type { Database } from '../store/schema'

/** The rules that keep follow-ups in step with the person; each runs inside the caller's save. */

export async function addFollowUp(
  trx: Transaction<Database>,
  personId: string,
  followUp: { dueOn: string; reason?: string | undefined; source: FollowUpSource },
  at: WriteContext,
): Promise<string> {
  const id = newId(at.now.getTime())
  await trx
    .insertInto('follow_up')
    .values({
      id,
      person_id: personId,
      due_on: followUp.dueOn,
      reason: followUp.reason ?? null,
      status: 'open',
      source: followUp.source,
      hidden: 0,
      created_at: at.now.toISOString(),
      closed_at: null,
      done_note: null,
    })
    .execute()
  return id
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
) => keepInStep(trx, personId, 'available_from', availableFrom, at)

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
  const dueOn = person.cadence
    ? addInterval(person.last_contact_on ?? at.today, intervalOf(person.cadence))
    : null
  await keepInStep(trx, personId, 'cadence', dueOn, at)
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
