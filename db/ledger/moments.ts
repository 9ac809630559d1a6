import { sql, type Kysely, type Transaction } from 'kysely'
import type { ContactMoment, MomentFields } from '../../shared/person'
import { newId } from '../store/ids'
import { syncCadence } from './followup-rules'
import { requirePerson } from './guards'
import { toMoment } from './rows'
import type { ContactMomentRow, Database } from '../store/schema'
import type { WriteContext } from './write-context'
import { written, type Written } from '../store/written'

/** A contact moment as it is stored, by her, now. The one place such a row is made. */
export function momentRow(
  personId: string,
  fields: MomentFields,
  at: WriteContext,
): ContactMomentRow {
  return {
    id: newId(at.now.getTime()),
    person_id: personId,
    date: fields.date,
    channel: fields.channel,
    place: fields.place ?? null,
    note: fields.note ?? null,
    worker: at.worker,
    referred_by: fields.referredBy ?? null,
    created_at: at.now.toISOString(),
  }
}

/** Adds a contact moment and moves the person's "last contact" forward (never back). */
export async function insertMoment(
  trx: Transaction<Database>,
  personId: string,
  fields: MomentFields,
  at: WriteContext,
): Promise<ContactMoment> {
  const row = momentRow(personId, fields, at)
  await trx.insertInto('contact_moment').values(row).execute()
  const person = await trx
    .updateTable('person')
    .set({ last_contact_on: sql<string>`max(coalesce(last_contact_on, ''), ${fields.date})` })
    .where('id', '=', personId)
    .returning(['cadence', 'last_contact_on'])
    .executeTakeFirstOrThrow()
  // A new contact moves her keep-in-touch follow-up on (most people have no cadence: no query).
  if (person.cadence) await syncCadence(trx, personId, at)
  return toMoment(row)
}

export async function addMoment(
  db: Kysely<Database>,
  input: MomentFields & { personId: string },
  at: WriteContext,
): Promise<Written<ContactMoment>> {
  const moment = await db.transaction().execute(async (trx) => {
    await requirePerson(trx, input.personId)
    return insertMoment(trx, input.personId, input, at)
  })
  // "Last contact" moved, which a filter looks at.
  return written(moment, { people: [input.personId] })
}

/** Her timeline: newest first. */
export async function timeline(db: Kysely<Database>, personId: string): Promise<ContactMoment[]> {
  const rows = await db
    .selectFrom('contact_moment')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map(toMoment)
}
