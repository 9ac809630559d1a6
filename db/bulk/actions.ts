import { sql, type Kysely, type Transaction } from 'kysely'
import type { BulkAction, BulkApply, BulkOutcome, Selection } from '../../shared/bulk'
import { addInterval } from '../../shared/calendar'
import { intervalOf } from '../../shared/followups'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { foldKey } from '../../shared/text'
import { scopedPeople } from '../ledger/people'
import { followUpRow } from '../ledger/followup-rules'
import { tagIdsFor } from '../ledger/lookups'
import { readSettings } from '../ledger/settings'
import type { WriteContext } from '../ledger/write-context'
import { insertConsent, reinstateConsents } from '../privacy/consent'
import { logPrivacy } from '../privacy/log'
import type { BulkInsert } from '../store/bulk'
import { StoreError } from '../store/errors'
import { newId } from '../store/ids'
import { inIds } from '../store/in-ids'
import type { Database } from '../store/schema'
import { written, type Written } from '../store/written'
import type { UndoLog, UndoStep } from './undo'

/**
 * Bulk actions on a selection of residents: each one transaction, set-based where it can be (a
 * list of ids goes into SQL as one JSON value, however long), answering how many it changed and
 * an undo that takes back exactly those changes and leaves what she did since alone.
 */

type Trx = Transaction<Database>

/** The residents a selection names, as they are now: not in the trash, not anonymised. */
export async function selectedIds(
  db: Kysely<Database> | Trx,
  selection: Selection,
  today: string,
): Promise<string[]> {
  const rows =
    'ids' in selection
      ? await db
          .selectFrom('person')
          .select('person.id')
          .where(inIds('person.id', selection.ids))
          .where('person.deleted_at', 'is', null)
          .where('person.anonymised_at', 'is', null)
          .execute()
      : await scopedPeople(db, selection, today).select('person.id').execute()
  return rows.map((row) => row.id)
}

/** What one action changed: whom, and how to take it back. */
interface Done {
  changed: readonly string[]
  /** Only their labels changed: the indexes read just those again. */
  labels?: true
  undo: UndoStep
}

interface Work {
  trx: Trx
  bulk: BulkInsert
  ids: readonly string[]
  at: WriteContext
}

/**
 * Open follow-ups show while their resident is active and not in the trash, and hide otherwise:
 * set from what each of these residents is now.
 */
const syncHidden = (trx: Trx, ids: readonly string[]) =>
  sql`UPDATE follow_up SET hidden = NOT EXISTS (
      SELECT 1 FROM person
      WHERE person.id = follow_up.person_id AND person.status = 'active'
        AND person.deleted_at IS NULL)
    WHERE status = 'open' AND ${inIds('person_id', ids)}`.execute(trx)

/** Those of `ids` that still exist (an undo after an erase puts back nothing for him). */
const stillHere = async (trx: Trx, ids: readonly string[]) =>
  (await trx.selectFrom('person').select('id').where(inIds('id', ids)).execute()).map((r) => r.id)

async function label(
  work: Work,
  tag: Extract<BulkAction, { kind: 'label' }>['tag'],
): Promise<Done> {
  const { trx, ids, at } = work
  const known = await trx
    .selectFrom('tag')
    .select('id')
    .where('kind', '=', tag.kind)
    .where('name_key', '=', foldKey(tag.name))
    .executeTakeFirst()
  const [tagId] = await tagIdsFor(trx, [tag], at.now)
  // Who had it already keeps it; the rest get it: their rows, not the person's (a label is no
  // change to her own fields, and rewriting 10k person rows would cost more than the labels).
  const lacking = (
    await sql<{ person_id: string }>`INSERT OR IGNORE INTO person_tag (person_id, tag_id)
      SELECT value, ${tagId} FROM json_each(${JSON.stringify(ids)})
      RETURNING person_id`.execute(trx)
  ).rows.map((row) => row.person_id)
  return {
    changed: lacking,
    labels: true,
    undo: async (trx: Trx) => {
      const removed = await trx
        .deleteFrom('person_tag')
        .where('tag_id', '=', tagId!)
        .where(inIds('person_id', lacking))
        .executeTakeFirst()
      // A label the action made, and nobody wears now, goes with it.
      if (!known) {
        await trx
          .deleteFrom('tag')
          .where('id', '=', tagId!)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('person_tag')
                  .select('person_id')
                  .where('person_tag.tag_id', '=', tagId!),
              ),
            ),
          )
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('initiative_tag')
                  .select('initiative_id')
                  .where('initiative_tag.tag_id', '=', tagId!),
              ),
            ),
          )
          .execute()
      }
      return { count: Number(removed.numDeletedRows), tags: lacking }
    },
  }
}

async function unlabel(work: Work, tagId: string): Promise<Done> {
  const { trx, ids } = work
  const wearing = (
    await trx
      .selectFrom('person_tag')
      .select('person_id')
      .where('tag_id', '=', tagId)
      .where(inIds('person_id', ids))
      .execute()
  ).map((row) => row.person_id)
  await trx
    .deleteFrom('person_tag')
    .where('tag_id', '=', tagId)
    .where(inIds('person_id', wearing))
    .execute()
  return {
    changed: wearing,
    labels: true,
    undo: async (trx) => {
      const back = await stillHere(trx, wearing)
      const result = await sql`INSERT OR IGNORE INTO person_tag (person_id, tag_id)
        SELECT value, ${tagId} FROM json_each(${JSON.stringify(back)})`.execute(trx)
      return { count: Number(result.numAffectedRows ?? 0), tags: back }
    },
  }
}

async function followUp(
  work: Work,
  action: Extract<BulkAction, { kind: 'followUp' }>,
): Promise<Done> {
  const { trx, ids, at } = work
  const people = await trx
    .selectFrom('person')
    .select(['id', 'status'])
    .where(inIds('id', ids))
    .execute()
  const dueOn = addInterval(at.today, intervalOf(action.pick))
  const rows = people.map((person) => ({
    ...followUpRow(person.id, { dueOn, reason: action.reason, source: 'manual' }, at),
    hidden: person.status === 'active' ? 0 : 1,
  }))
  work.bulk.insert('follow_up', rows)
  const made = rows.map((row) => row.id)
  return {
    // Follow-ups are not what search or matching read: nobody to reindex.
    changed: [],
    undo: async (trx) => {
      // One she has handled since stays handled.
      const result = await trx
        .deleteFrom('follow_up')
        .where(inIds('id', made))
        .where('status', '=', 'open')
        .executeTakeFirst()
      return { count: Number(result.numDeletedRows), people: [] }
    },
  }
}

async function propose(
  work: Work,
  action: Extract<BulkAction, { kind: 'propose' }>,
): Promise<Done> {
  const { trx, ids, at } = work
  const initiative = await trx
    .selectFrom('initiative')
    .select('id')
    .where('id', '=', action.initiativeId)
    .executeTakeFirst()
  if (!initiative) throw new StoreError('not_found', translate(nl, 'errors.initiativeNotFound'))
  // Who has an open connection to it already keeps that one.
  const open = new Set(
    (
      await trx
        .selectFrom('connection')
        .select('person_id')
        .where('initiative_id', '=', action.initiativeId)
        .where('status', '!=', 'gestopt')
        .where(inIds('person_id', ids))
        .execute()
    ).map((row) => row.person_id),
  )
  const stamp = at.now.toISOString()
  const connections = ids
    .filter((id) => !open.has(id))
    .map((personId) => ({
      id: newId(at.now.getTime()),
      person_id: personId,
      initiative_id: action.initiativeId,
      other_person_id: null,
      date: action.date,
      proposed_by: 'ik' as const,
      status: 'voorgesteld' as const,
      status_date: action.date,
      stop_reason: null,
      note: null,
      created_at: stamp,
      updated_at: stamp,
    }))
  work.bulk.insert('connection', connections)
  work.bulk.insert(
    'connection_event',
    connections.map((connection) => ({
      id: newId(at.now.getTime()),
      connection_id: connection.id,
      date: action.date,
      status: 'voorgesteld' as const,
      reason: null,
      note: null,
      created_at: stamp,
    })),
  )
  const made = connections.map((connection) => connection.id)
  return {
    changed: connections.map((connection) => connection.person_id),
    undo: async (trx) => {
      // A proposal that has moved on since (she met them) is hers now, not the action's.
      const gone = await trx
        .deleteFrom('connection')
        .where(inIds('id', made))
        .where('status', '=', 'voorgesteld')
        .returning('person_id')
        .execute()
      const people = gone.map((row) => row.person_id)
      return { count: people.length, people }
    },
  }
}

async function archive(work: Work, archived: boolean): Promise<Done> {
  const { trx, ids, at } = work
  const from = archived ? 'active' : 'archived'
  const to = archived ? 'archived' : 'active'
  const moving = (
    await trx
      .updateTable('person')
      .set({ status: to, updated_at: at.now.toISOString() })
      .where(inIds('id', ids))
      .where('status', '=', from)
      .returning('id')
      .execute()
  ).map((row) => row.id)
  await syncHidden(trx, moving)
  return {
    changed: moving,
    undo: async (trx, at) => {
      const back = (
        await trx
          .updateTable('person')
          .set({ status: from, updated_at: at.now.toISOString() })
          .where(inIds('id', moving))
          .where('status', '=', to)
          .returning('id')
          .execute()
      ).map((row) => row.id)
      await syncHidden(trx, back)
      return { count: back.length, people: back }
    },
  }
}

async function trash(work: Work): Promise<Done> {
  const { trx, ids, at } = work
  const stamp = at.now.toISOString()
  await trx.updateTable('person').set({ deleted_at: stamp }).where(inIds('id', ids)).execute()
  await syncHidden(trx, ids)
  return {
    changed: ids,
    undo: async (trx) => {
      // Still in the trash from this action: not emptied, not erased, not restored and trashed again.
      const back = (
        await trx
          .updateTable('person')
          .set({ deleted_at: null })
          .where(inIds('id', ids))
          .where('deleted_at', '=', stamp)
          .returning('id')
          .execute()
      ).map((row) => row.id)
      await syncHidden(trx, back)
      return { count: back.length, people: back }
    },
  }
}

async function keep(work: Work, action: Extract<BulkAction, { kind: 'keep' }>): Promise<Done> {
  const { trx, ids, at } = work
  if (action.until <= at.today) {
    throw new StoreError('invalid_input', translate(nl, 'validation.keepUntilFuture'))
  }
  const before = await trx
    .selectFrom('person')
    .select(['id', 'keep_until', 'keep_reason'])
    .where(inIds('id', ids))
    .execute()
  await trx
    .updateTable('person')
    .set({ keep_until: action.until, keep_reason: action.reason, updated_at: at.now.toISOString() })
    .where(inIds('id', ids))
    .execute()
  if (ids.length > 0) await logPrivacy(trx, 'keep', at.now, ids.length)
  return {
    changed: [],
    undo: async (trx) => {
      let count = 0
      for (const row of before) {
        const result = await trx
          .updateTable('person')
          .set({ keep_until: row.keep_until, keep_reason: row.keep_reason })
          .where('id', '=', row.id)
          .where('keep_until', '=', action.until)
          .executeTakeFirst()
        count += Number(result.numUpdatedRows)
      }
      return { count, people: [] }
    },
  }
}

async function consent(
  work: Work,
  action: Extract<BulkAction, { kind: 'consent' }>,
  consentYears: number,
): Promise<Done> {
  const { trx, ids, at } = work
  const current = () =>
    trx
      .selectFrom('consent')
      .leftJoin('follow_up', 'follow_up.id', 'consent.renewal_id')
      .select(['consent.id', 'consent.renewal_id', 'follow_up.status as renewal_status'])
      .where(inIds('consent.person_id', ids))
      .where('consent.purpose', '=', action.purpose)
      .where('consent.current', '=', 1)
      .execute()
  const before = await current()
  const people = await trx
    .selectFrom('person')
    .select(['id', 'consent_status', 'consent_date', 'consent_scope'])
    .where(inIds('id', ids))
    .execute()
  for (const id of ids) {
    await insertConsent(
      trx,
      {
        personId: id,
        purpose: action.purpose,
        given: action.given,
        date: action.date,
        how: action.how,
        words: action.words,
      },
      consentYears,
      at,
    )
  }
  const made = await current()
  return {
    changed: ids,
    undo: async (trx) => {
      const renewals = made.flatMap((row) => (row.renewal_id ? [row.renewal_id] : []))
      await trx
        .deleteFrom('consent')
        .where(
          inIds(
            'id',
            made.map((row) => row.id),
          ),
        )
        .execute()
      await trx
        .deleteFrom('follow_up')
        .where(inIds('id', renewals))
        .where('status', '=', 'open')
        .execute()
      await reinstateConsents(
        trx,
        before.map((row) => row.id),
        before.flatMap((row) =>
          row.renewal_id && row.renewal_status === 'open' ? [row.renewal_id] : [],
        ),
      )
      if (action.purpose === 'contact') {
        for (const person of people) {
          await trx
            .updateTable('person')
            .set({
              consent_status: person.consent_status,
              consent_date: person.consent_date,
              consent_scope: person.consent_scope,
            })
            .where('id', '=', person.id)
            .execute()
        }
      }
      const back = await stillHere(trx, ids)
      return { count: back.length, people: back }
    },
  }
}

async function act(work: Work, action: BulkAction, consentYears: number): Promise<Done> {
  switch (action.kind) {
    case 'label':
      return label(work, action.tag)
    case 'unlabel':
      return unlabel(work, action.tagId)
    case 'followUp':
      return followUp(work, action)
    case 'propose':
      return propose(work, action)
    case 'archive':
      return archive(work, action.archived)
    case 'trash':
      return trash(work)
    case 'keep':
      return keep(work, action)
    case 'consent':
      return consent(work, action, consentYears)
  }
}

/** How many a follow-up, consent or keep action changed: everyone selected. */
const countsEveryone = new Set<BulkAction['kind']>(['followUp', 'keep', 'consent', 'trash'])

/** One action on a selection, in one transaction: all of it, or nothing. */
export async function applyBulk(
  db: Kysely<Database>,
  bulk: BulkInsert,
  undo: UndoLog,
  input: BulkApply,
  at: WriteContext,
): Promise<Written<BulkOutcome>> {
  // Read before the transaction (it holds the connection); only a consent decision needs it.
  const consentYears = input.action.kind === 'consent' ? (await readSettings(db)).consentYears : 0
  const { done, selected } = await db.transaction().execute(async (trx) => {
    const ids = await selectedIds(trx, input.selection, at.today)
    if (ids.length === 0) throw new StoreError('invalid_input', translate(nl, 'bulk.noneSelected'))
    const done = await act({ trx, bulk, ids, at }, input.action, consentYears)
    return { done, selected: ids.length }
  })
  const changed = countsEveryone.has(input.action.kind) ? selected : done.changed.length
  return written(
    {
      kind: input.action.kind,
      selected,
      changed,
      undoId: changed > 0 ? undo.remember(done.undo) : null,
    },
    done.labels ? { tags: done.changed } : { people: done.changed },
  )
}
