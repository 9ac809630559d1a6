import { reachOf } from '../contact/links'
import { sql, type Kysely, type Transaction } from 'kysely'
import { lastContactBefore } from '../../shared/filters'
import { slots } from '../../shared/ledger'
import type {
  NewPerson,
  PeoplePage,
  PeopleScope,
  PersonFields,
  UpdatePerson,
} from '../../shared/person'
import type { PersonDetail, PersonEvent } from '../../shared/person-detail'
import type { PeopleFilter } from '../../shared/people-query'
import { addInterval } from '../../shared/calendar'
import { intervalOf } from '../../shared/followups'
import { connectionEvents, listConnections } from '../connect/connections'
import { contactConsentFromFields } from '../privacy/consent'
import { personNotFound, requirePerson } from './guards'
import { newId } from '../store/ids'
import { addFollowUp, setFollowUpsHidden, syncAvailableFrom, syncCadence } from './followup-rules'
import { tagIdsFor, wijkIdFor } from './lookups'
import { insertMoment, timeline } from './moments'
import type { WriteContext } from './write-context'
import { columnsFrom, summaryColumns, toFollowUp, toPerson, toSummary } from './rows'
import type { Database } from '../store/schema'
import { written, type Written } from '../store/written'

async function addTags(
  trx: Transaction<Database>,
  personId: string,
  fields: PersonFields,
  now: Date,
): Promise<void> {
  const tagIds = await tagIdsFor(trx, fields.tags, now)
  if (tagIds.length > 0) {
    await trx
      .insertInto('person_tag')
      .values(tagIds.map((tag_id) => ({ person_id: personId, tag_id })))
      .execute()
  }
}

/** A new person with her tags, the moment they met and a follow-up pick: all or nothing. */
export async function createPerson(
  db: Kysely<Database>,
  input: NewPerson,
  at: WriteContext,
): Promise<Written<PersonDetail>> {
  const id = await db.transaction().execute(async (trx) => {
    const id = newId(at.now.getTime())
    const stamp = at.now.toISOString()
    const wijkId = await wijkIdFor(trx, input.wijk, at.now)
    await trx
      .insertInto('person')
      .values({
        id,
        ...columnsFrom(input, wijkId),
        status: 'active',
        last_contact_on: null,
        created_at: stamp,
        updated_at: stamp,
        deleted_at: null,
      })
      .execute()
    await addTags(trx, id, input, at.now)
    await contactConsentFromFields(trx, id, input, undefined, at)
    // The first contact came about the way she came in, unless the moment says otherwise.
    if (input.moment) {
      const referredBy = input.moment.referredBy ?? input.referredBy
      await insertMoment(trx, id, { ...input.moment, referredBy }, at)
    }
    if (input.followUpPick) {
      const from = input.moment?.date ?? at.today
      const dueOn = addInterval(from, intervalOf(input.followUpPick))
      await addFollowUp(trx, id, { dueOn, reason: input.followUpReason, source: 'pick' }, at)
    }
    // A new person has no follow-ups yet: only a date or a cadence makes one.
    if (input.availableFrom) await syncAvailableFrom(trx, id, input.availableFrom, at)
    if (input.cadence && !input.moment) await syncCadence(trx, id, at)
    return id
  })
  return written(await getPerson(db, id, { isNew: true }), { people: [id] })
}

export async function updatePerson(
  db: Kysely<Database>,
  input: UpdatePerson,
  at: WriteContext,
): Promise<Written<PersonDetail>> {
  await db.transaction().execute(async (trx) => {
    await requirePerson(trx, input.id)
    const before = await trx
      .selectFrom('person')
      .select(['consent_status', 'consent_date', 'consent_scope'])
      .where('id', '=', input.id)
      .executeTakeFirstOrThrow()
    const wijkId = await wijkIdFor(trx, input.wijk, at.now)
    await trx
      .updateTable('person')
      .set({ ...columnsFrom(input, wijkId), updated_at: at.now.toISOString() })
      .where('id', '=', input.id)
      .execute()
    await contactConsentFromFields(
      trx,
      input.id,
      input,
      {
        consentStatus: before.consent_status,
        consentDate: before.consent_date,
        consentScope: before.consent_scope,
      },
      at,
    )
    await trx.deleteFrom('person_tag').where('person_id', '=', input.id).execute()
    await addTags(trx, input.id, input, at.now)
    await syncAvailableFrom(trx, input.id, input.availableFrom ?? null, at)
    await syncCadence(trx, input.id, at)
  })
  return written(await getPerson(db, input.id), { people: [input.id] })
}

/** Her row as stored, with her wijk's name (none once anonymised: nobody is left to open). */
export const personRow = (db: Kysely<Database>, id: string) =>
  db
    .selectFrom('person')
    .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
    .selectAll('person')
    .select('wijk.name as wijk')
    .where('person.id', '=', id)
    .where('person.anonymised_at', 'is', null)
    .executeTakeFirst()

/** Her tags, by kind and then name. */
export const personTags = (db: Kysely<Database>, id: string) =>
  db
    .selectFrom('person_tag')
    .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
    .select(['tag.id', 'tag.kind', 'tag.name'])
    .where('person_tag.person_id', '=', id)
    .orderBy('tag.kind')
    .orderBy('tag.name_key')
    .execute()

/**
 * Everything about one person, her timeline included. People in the trash are found too.
 * `isNew`: she was created just now, so she has no timeline events to read.
 */
export async function getPerson(
  db: Kysely<Database>,
  id: string,
  { isNew = false }: { isNew?: boolean } = {},
): Promise<PersonDetail> {
  const row = await personRow(db, id)
  if (!row) throw personNotFound()
  const tags = await personTags(db, id)
  const followUps = await db
    .selectFrom('follow_up')
    .selectAll()
    .where('person_id', '=', id)
    .where('status', '=', 'open')
    .orderBy('due_on')
    .execute()
  const events = isNew
    ? []
    : await db
        .selectFrom('person_event')
        .select(['id', 'date', 'kind', 'detail', 'created_at'])
        .where('person_id', '=', id)
        .orderBy('date', 'desc')
        .orderBy('created_at', 'desc')
        .execute()
  const connections = isNew ? [] : await listConnections(db, { personId: id })
  return {
    ...toPerson(row),
    tags,
    moments: await timeline(db, id),
    followUps: followUps.map(toFollowUp),
    events: [
      ...events.map((event) => ({
        id: event.id,
        date: event.date,
        kind: event.kind,
        detail: JSON.parse(event.detail) as PersonEvent['detail'],
        createdAt: event.created_at,
      })),
      ...connectionEvents(connections, id),
    ],
    connections,
    reach: reachOf(row),
  }
}

export async function setArchived(
  db: Kysely<Database>,
  id: string,
  archived: boolean,
  now: Date,
): Promise<Written<PersonDetail>> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('person')
      .set({ status: archived ? 'archived' : 'active', updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) throw personNotFound()
    await setFollowUpsHidden(trx, id, archived)
  })
  return written(await getPerson(db, id), { people: [id] })
}

/** Moves a person to the trash (undo: `restorePerson`). Real erasure comes with the privacy work. */
export async function trashPerson(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<Written<null>> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('person')
      .set({ deleted_at: now.toISOString() })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) throw personNotFound()
    await setFollowUpsHidden(trx, id, true)
  })
  return written(null, { people: [id] })
}

export async function restorePerson(
  db: Kysely<Database>,
  id: string,
): Promise<Written<PersonDetail>> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('person')
      .set({ deleted_at: null })
      .where('id', '=', id)
      .where('deleted_at', 'is not', null)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) throw personNotFound()
    const { status } = await trx
      .selectFrom('person')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    await setFollowUpsHidden(trx, id, status !== 'active')
  })
  return written(await getPerson(db, id), { people: [id] })
}

type ListPage = { scope: PeopleScope; filter?: PeopleFilter; limit: number; offset: number }

/** The people of a scope that pass the filter; the conditions are those of `passesFilter`. */
export function scopedPeople(
  db: Kysely<Database>,
  page: Pick<ListPage, 'scope' | 'filter'>,
  today: string,
) {
  let query = db.selectFrom('person')
  query =
    page.scope === 'trash'
      ? query.where('person.deleted_at', 'is not', null)
      : query.where('person.deleted_at', 'is', null).where('person.status', '=', page.scope)
  // Anonymised people stay only for the report's counts: nobody to list, open or find.
  query = query.where('person.anonymised_at', 'is', null)
  const filter = page.filter ?? {}
  if (filter.wijkId) query = query.where('person.wijk_id', '=', filter.wijkId)
  if (filter.tagId) {
    const tagId = filter.tagId
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('person_tag')
          .select('person_tag.tag_id')
          .whereRef('person_tag.person_id', '=', 'person.id')
          .where('person_tag.tag_id', '=', tagId),
      ),
    )
  }
  if (filter.slot) {
    const bit = 1 << slots.indexOf(filter.slot)
    query = query.where(sql<boolean>`(person.availability & ${bit}) != 0`)
  }
  if (filter.consent) query = query.where('person.consent_status', '=', filter.consent)
  if (filter.lastContact === 'never') query = query.where('person.last_contact_on', 'is', null)
  const before = lastContactBefore(filter, today)
  if (before) query = query.where('person.last_contact_on', '<', before)
  return query
}

/** One page of a list, in the order of its index: the Dutch name order, or newest trash first. */
export const peoplePageQuery = (db: Kysely<Database>, page: ListPage, today = '') => {
  const base = scopedPeople(db, page, today)
    .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
    .select(summaryColumns)
  const ordered =
    page.scope === 'trash'
      ? base.orderBy('person.deleted_at', 'desc')
      : base.orderBy('person.name_key').orderBy(sql`person.first_name COLLATE NOCASE`)
  return ordered.orderBy('person.id').limit(page.limit).offset(page.offset)
}

export async function listPeople(
  db: Kysely<Database>,
  page: ListPage,
  today = '',
): Promise<PeoplePage> {
  const rows = await peoplePageQuery(db, page, today).execute()
  const { total } = await scopedPeople(db, page, today)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  return { items: rows.map(toSummary), total: Number(total) }
}
