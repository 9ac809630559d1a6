import type { Expression, ExpressionBuilder, Kysely, Transaction } from 'kysely'
import type { UndoLog } from '../bulk/undo'
import { addInterval, endOfWeek } from '../../shared/calendar'
import {
  dueGroups,
  intervalOf,
  type CreateFollowUp,
  type DoneFollowUp,
  type DueGroup,
  type DueSummary,
  type FollowUp,
  type LateGroup,
  type LateGroupRef,
  type LateImport,
  type Settled,
  type SettleLate,
  type SnoozeFollowUp,
  type TodayView,
} from '../../shared/followups'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { PersonEvent, PersonEventKind } from '../../shared/person-detail'
import { StoreError } from '../store/errors'
import { addFollowUp } from '../ledger/followup-rules'
import { requirePerson } from '../ledger/guards'
import { newId } from '../store/ids'
import { insertMoment } from '../ledger/moments'
import { recordOutcome } from '../connect/connections'
import type { WriteContext } from '../ledger/write-context'
import { summaryColumns, toFollowUp, toSummary } from '../ledger/rows'
import type { Database, FollowUpRow } from '../store/schema'
import { reachOf } from '../contact/links'
import { written, type Written } from '../store/written'

const notFound = () => new StoreError('not_found', translate(nl, 'errors.followUpNotFound'))

async function openFollowUp(trx: Transaction<Database>, id: string) {
  const row = await trx
    .selectFrom('follow_up')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  if (!row) throw notFound()
  return row
}

async function recordEvent(
  trx: Transaction<Database>,
  personId: string,
  kind: PersonEventKind,
  detail: PersonEvent['detail'],
  at: WriteContext,
): Promise<string> {
  const id = newId(at.now.getTime())
  await trx
    .insertInto('person_event')
    .values({
      id,
      person_id: personId,
      date: at.today,
      kind,
      detail: JSON.stringify(detail),
      created_at: at.now.toISOString(),
    })
    .execute()
  return id
}

const byId = async (db: Kysely<Database>, id: string): Promise<FollowUp> =>
  toFollowUp(
    await db.selectFrom('follow_up').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  )

/** A follow-up she makes herself: on a date, or after a quick pick from today. */
export async function createFollowUp(
  db: Kysely<Database>,
  input: CreateFollowUp,
  at: WriteContext,
): Promise<FollowUp> {
  const id = await db.transaction().execute(async (trx) => {
    await requirePerson(trx, input.personId)
    const dueOn = input.dueOn ?? addInterval(at.today, intervalOf(input.pick!))
    return addFollowUp(trx, input.personId, { dueOn, reason: input.reason, source: 'manual' }, at)
  })
  return byId(db, id)
}

/**
 * Done: the follow-up closes with her note, a contact moment goes on the timeline, and with "ask
 * again in a year" the next one is made. All in one transaction.
 */
export async function markDone(
  db: Kysely<Database>,
  input: DoneFollowUp,
  at: WriteContext,
): Promise<Written<FollowUp>> {
  const personId = await db.transaction().execute(async (trx) => {
    const followUp = await openFollowUp(trx, input.id)
    await trx
      .updateTable('follow_up')
      .set({ status: 'done', closed_at: at.now.toISOString(), done_note: input.note ?? null })
      .where('id', '=', input.id)
      .execute()
    await insertMoment(
      trx,
      followUp.person_id,
      { date: at.today, channel: input.channel, note: input.note ?? followUp.reason ?? undefined },
      at,
    )
    await recordEvent(
      trx,
      followUp.person_id,
      'follow_up_done',
      { reason: followUp.reason, note: input.note ?? null },
      at,
    )
    if (input.outcome) {
      // Only a connection's follow-up asks what it brought.
      if (!followUp.connection_id) {
        throw new StoreError('invalid_input', translate(nl, 'errors.outcomeWithoutConnection'))
      }
      await recordOutcome(trx, followUp.connection_id, input.outcome, at)
    }
    if (input.askAgainInYear) {
      const dueOn = addInterval(at.today, { count: 1, unit: 'year' })
      const reason = followUp.reason ?? undefined
      await addFollowUp(trx, followUp.person_id, { dueOn, reason, source: 'ask_again' }, at)
    }
    return followUp.person_id
  })
  // A contact moment was added: her "last contact" moved.
  return written(await byId(db, input.id), { people: [personId] })
}

/** A follow-up to another date, noted on her person's timeline. */
async function moveFollowUp(
  trx: Transaction<Database>,
  followUp: FollowUpRow,
  to: string,
  at: WriteContext,
): Promise<string> {
  await trx.updateTable('follow_up').set({ due_on: to }).where('id', '=', followUp.id).execute()
  return recordEvent(
    trx,
    followUp.person_id,
    'follow_up_snoozed',
    { reason: followUp.reason, from: followUp.due_on, to },
    at,
  )
}

/** A follow-up dropped (no contact took place), noted on her person's timeline. */
async function dropFollowUp(
  trx: Transaction<Database>,
  followUp: FollowUpRow,
  at: WriteContext,
): Promise<string> {
  await trx
    .updateTable('follow_up')
    .set({ status: 'cancelled', closed_at: at.now.toISOString() })
    .where('id', '=', followUp.id)
    .execute()
  return recordEvent(
    trx,
    followUp.person_id,
    'follow_up_cancelled',
    { reason: followUp.reason },
    at,
  )
}

/** Later: by a week, a month, three months, a year from today, or to a date she picks. */
export async function snooze(
  db: Kysely<Database>,
  input: SnoozeFollowUp,
  at: WriteContext,
): Promise<FollowUp> {
  await db.transaction().execute(async (trx) => {
    const followUp = await openFollowUp(trx, input.id)
    await moveFollowUp(
      trx,
      followUp,
      input.until ?? addInterval(at.today, intervalOf(input.by!)),
      at,
    )
  })
  return byId(db, input.id)
}

export async function cancelFollowUp(
  db: Kysely<Database>,
  id: string,
  at: WriteContext,
): Promise<FollowUp> {
  await db.transaction().execute(async (trx) => {
    await dropFollowUp(trx, await openFollowUp(trx, id), at)
  })
  return byId(db, id)
}

/** The due-date range of each group, seen from `today`. */
function ranges(today: string): Record<DueGroup, { after?: string; until?: string }> {
  const sunday = endOfWeek(today)
  const yesterday = addInterval(today, { count: -1, unit: 'day' })
  return {
    overdue: { until: yesterday },
    today: { after: yesterday, until: today },
    thisWeek: { after: today, until: sunday },
    later: { after: sunday },
  }
}

/** Open, visible follow-ups in one group's range: all read from the partial index on due_on. */
export function dueQuery(db: Kysely<Database>, range: { after?: string; until?: string }) {
  let query = db
    .selectFrom('follow_up')
    .where('follow_up.status', '=', 'open')
    .where('follow_up.hidden', '=', 0)
  if (range.after) query = query.where('follow_up.due_on', '>', range.after)
  if (range.until) query = query.where('follow_up.due_on', '<=', range.until)
  return query
}

/**
 * "Vandaag": counts for every group and its first `limit` rows, soonest first. The counts walk
 * every open follow-up once (about 9 ms for 100k here); the rows are cheap, and fifty a group is
 * more than a morning's work.
 */
export async function todayView(
  db: Kysely<Database>,
  today: string,
  limit = 50,
): Promise<TodayView> {
  const groups = {} as TodayView['groups']
  const all = ranges(today)
  for (const group of dueGroups) {
    const { count } = await dueQuery(db, all[group])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    const rows = await dueQuery(db, all[group])
      .innerJoin('person', 'person.id', 'follow_up.person_id')
      .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
      .select([
        'follow_up.id as follow_up_id',
        'follow_up.due_on',
        'follow_up.reason',
        'follow_up.status as follow_up_status',
        'follow_up.source',
        'follow_up.created_at as follow_up_created_at',
        'follow_up.closed_at',
        'follow_up.done_note',
        'follow_up.connection_id',
        'person.email',
        'person.phone',
        ...summaryColumns,
      ])
      .orderBy('follow_up.due_on')
      .orderBy('follow_up.id')
      .limit(limit)
      .execute()
    groups[group] = {
      count: Number(count),
      items: rows.map((row) => ({
        id: row.follow_up_id,
        personId: row.id,
        dueOn: row.due_on,
        reason: row.reason,
        status: row.follow_up_status,
        source: row.source,
        createdAt: row.follow_up_created_at,
        closedAt: row.closed_at,
        doneNote: row.done_note,
        connectionId: row.connection_id,
        person: toSummary(row),
        reach: reachOf(row),
      })),
    }
  }
  return { today, groups, lateImports: await lateImports(db, today) }
}

/**
 * An import's open, visible follow-ups late today: read from the partial index on (import, due
 * date), never from the open follow-ups of everyone (Vandaag's counts already walk those once).
 */
export function lateOfImport(
  db: Kysely<Database> | Transaction<Database>,
  importId: string | Expression<string>,
  today: string,
) {
  return db
    .selectFrom('follow_up')
    .where('follow_up.import_id', '=', importId)
    .where('follow_up.status', '=', 'open')
    .where('follow_up.due_on', '<', today)
    .where('follow_up.hidden', '=', 0)
}

/** Imports (not undone) with two or more follow-ups late today, newest first. */
export async function lateImports(db: Kysely<Database>, today: string): Promise<LateImport[]> {
  const rows = await db
    .selectFrom('import_batch')
    .where('import_batch.undone_at', 'is', null)
    .select([
      'import_batch.id',
      'import_batch.file_name',
      'import_batch.created_at',
      (eb) =>
        lateOfImport(db, eb.ref('import_batch.id'), today)
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .as('count'),
    ])
    .orderBy('import_batch.created_at', 'desc')
    .execute()
  return rows
    .filter((row) => Number(row.count) >= 2)
    .map((row) => ({
      importId: row.id,
      fileName: row.file_name,
      importedAt: row.created_at,
      count: Number(row.count),
    }))
}

/** A group's open, visible follow-ups late today: one import's, a wijk's or a label's. */
function lateOfGroup(trx: Transaction<Database>, group: LateGroupRef, today: string) {
  if ('importId' in group) return lateOfImport(trx, group.importId, today)
  const late = dueQuery(trx, { until: addInterval(today, { count: -1, unit: 'day' }) })
  if ('wijkId' in group) {
    return late.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('person')
          .select('person.id')
          .whereRef('person.id', '=', 'follow_up.person_id')
          .where('person.wijk_id', '=', group.wijkId),
      ),
    )
  }
  return late.where(({ exists, selectFrom }) =>
    exists(
      selectFrom('person_tag')
        .select('person_tag.person_id')
        .whereRef('person_tag.person_id', '=', 'follow_up.person_id')
        .where('person_tag.tag_id', '=', group.tagId),
    ),
  )
}

/**
 * All of one group's late follow-ups at once (an import's, a wijk's, a label's), in one
 * transaction: moved to a later date (each noted on its person's timeline, as a single "later"
 * is) or closed (cancelled: no contact took place). Answers how many, with an undo that puts back
 * each one she has not touched since, and takes its timeline line away.
 */
export async function settleLate(
  db: Kysely<Database>,
  undo: UndoLog,
  input: SettleLate,
  at: WriteContext,
): Promise<Settled> {
  const stamp = at.now.toISOString()
  const to =
    input.action === 'move' ? (input.until ?? addInterval(at.today, intervalOf(input.by!))) : null
  const settled = await db.transaction().execute(async (trx) => {
    const late = await lateOfGroup(trx, input.group, at.today).selectAll('follow_up').execute()
    const done: { id: string; dueOn: string; eventId: string }[] = []
    for (const followUp of late) {
      const eventId = to
        ? await moveFollowUp(trx, followUp, to, at)
        : await dropFollowUp(trx, followUp, at)
      done.push({ id: followUp.id, dueOn: followUp.due_on, eventId })
    }
    return done
  })
  const undoId =
    settled.length === 0
      ? null
      : undo.remember(async (trx) => {
          let count = 0
          for (const followUp of settled) {
            const back = to
              ? trx
                  .updateTable('follow_up')
                  .set({ due_on: followUp.dueOn })
                  .where('status', '=', 'open')
                  .where('due_on', '=', to)
              : trx
                  .updateTable('follow_up')
                  .set({ status: 'open', closed_at: null })
                  .where('status', '=', 'cancelled')
                  .where('closed_at', '=', stamp)
            const result = await back.where('id', '=', followUp.id).executeTakeFirst()
            if (result.numUpdatedRows === 0n) continue
            count++
            await trx.deleteFrom('person_event').where('id', '=', followUp.eventId).execute()
          }
          return { count, people: [] }
        })
  return { count: settled.length, undoId }
}

/** Wijken and labels with two or more follow-ups late today, most first. */
export async function lateGroups(db: Kysely<Database>, today: string): Promise<LateGroup[]> {
  const late = () =>
    dueQuery(db, { until: addInterval(today, { count: -1, unit: 'day' }) }).innerJoin(
      'person',
      'person.id',
      'follow_up.person_id',
    )
  const count = (eb: ExpressionBuilder<Database, 'follow_up'>) =>
    eb.fn.countAll<number>().as('count')
  const wijken = await late()
    .innerJoin('wijk', 'wijk.id', 'person.wijk_id')
    .select(['wijk.id', 'wijk.name', count])
    .groupBy('wijk.id')
    .execute()
  const tags = await late()
    .innerJoin('person_tag', 'person_tag.person_id', 'person.id')
    .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
    .select(['tag.id', 'tag.name', count])
    .groupBy('tag.id')
    .execute()
  return [
    ...wijken.map((row) => ({ kind: 'wijk' as const, ...row, count: Number(row.count) })),
    ...tags.map((row) => ({ kind: 'tag' as const, ...row, count: Number(row.count) })),
  ]
    .filter((group) => group.count >= 2)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl'))
}

/** What the notification says: how many are due today and how many are late. */
export async function dueSummary(db: Kysely<Database>, today: string): Promise<DueSummary> {
  const { overdue, today: todayRange } = ranges(today)
  const count = async (range: { after?: string; until?: string }) =>
    Number(
      (
        await dueQuery(db, range)
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    )
  return { overdue: await count(overdue), today: await count(todayRange) }
}
