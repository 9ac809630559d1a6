import type { Kysely, Selectable, Transaction } from 'kysely'
import type { MergeField, MergeInput, MergeOutcome, PossibleDouble } from '../../shared/bulk'
import { translate } from '../../shared/i18n/messages'
import { sortName } from '../../shared/person'
import { nl } from '../../shared/i18n/nl'
import { inIds } from '../store/in-ids'
import type { UndoLog } from '../bulk/undo'
import { doublesAmong, ledgerPeople } from '../import/duplicates'
import { StoreError } from '../store/errors'
import type {
  ConnectionEventTable,
  ConnectionTable,
  Database,
  ImportPersonTable,
  PersonRow,
} from '../store/schema'
import { written, type Written } from '../store/written'
import { reinstateConsents } from '../privacy/consent'
import { personNotFound } from './guards'
import { addressKeyOf, nameKeyOf, summaryColumns, toSummary } from './rows'
import type { WriteContext } from './write-context'

/**
 * Two records of one resident (entered twice) become one: she picks per field which record's value
 * stays, and everything else of the other record (contact moments, follow-ups, connections,
 * consent, labels, timeline) moves to the one she keeps. Undo puts both back as they were.
 */

type Trx = Transaction<Database>

/** Each field she picks, and the person columns it stands for. */
const columnsOf: Record<MergeField, readonly (keyof PersonRow)[]> = {
  firstName: ['first_name'],
  tussenvoegsel: ['tussenvoegsel'],
  lastName: ['last_name'],
  nickname: ['nickname'],
  street: ['street'],
  houseNumber: ['house_number'],
  postcode: ['postcode'],
  wijk: ['wijk_id'],
  phone: ['phone'],
  email: ['email'],
  wish: ['wish'],
  strength: ['strength'],
  need: ['need'],
  note: ['note'],
  availability: ['availability'],
  availableFrom: ['available_from'],
  availabilityNote: ['availability_note'],
  metChannel: ['met_channel'],
  referredBy: ['referred_by'],
  ageBand: ['age_band'],
  cadence: ['cadence'],
}

const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b))
const latest = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b))

/** The kept record as the merge leaves it. */
function mergedRow(keep: PersonRow, other: PersonRow, input: MergeInput, stamp: string): PersonRow {
  const row: PersonRow = { ...keep }
  const target = row as unknown as Record<string, unknown>
  for (const field of input.fromOther) {
    for (const column of columnsOf[field]) target[column] = other[column]
  }
  row.name_key = nameKeyOf(row.first_name, row.last_name)
  row.address_key = addressKeyOf(row.street, row.house_number)
  row.first_met_on = earliest(keep.first_met_on, other.first_met_on)
  row.created_at = earliest(keep.created_at, other.created_at)!
  row.last_contact_on = latest(keep.last_contact_on, other.last_contact_on)
  if (other.status === 'active') row.status = 'active'
  if (latest(keep.keep_until, other.keep_until) !== keep.keep_until) {
    row.keep_until = other.keep_until
    row.keep_reason = other.keep_reason
  }
  row.updated_at = stamp
  return row
}

const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id)

/** What the merge changed, to be put back. */
interface Moved {
  keep: PersonRow
  other: PersonRow
  keepTags: string[]
  otherTags: string[]
  moments: string[]
  followUps: { id: string; hidden: number }[]
  events: string[]
  consents: string[]
  /** Consents that stopped being current (the other record's decision was newer), renewals closed. */
  superseded: { id: string; renewalId: string | null }[]
  connections: string[]
  otherSide: string[]
  contactOf: string[]
  privacyLog: string[]
  /** His lines in import histories; `moved` where the kept record had none in that import. */
  imports: { line: Selectable<ImportPersonTable>; moved: boolean }[]
  /** A connection between the two records: it would join him to himself. */
  between: { connection: Selectable<ConnectionTable>; events: Selectable<ConnectionEventTable>[] }[]
}

/** A record as stored (its own columns only, to put back on undo), not in the trash or anonymised. */
const recordToMerge = async (trx: Trx, id: string) => {
  const row = await trx
    .selectFrom('person')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw personNotFound()
  return row
}

const tagsOf = async (trx: Trx, id: string) =>
  (await trx.selectFrom('person_tag').select('tag_id').where('person_id', '=', id).execute()).map(
    (row) => row.tag_id,
  )

/** One current decision per purpose: the newer of the two stays current. */
async function settleConsents(trx: Trx, keepId: string, at: WriteContext, moved: Moved) {
  const current = await trx
    .selectFrom('consent')
    .selectAll()
    .where('person_id', '=', keepId)
    .where('current', '=', 1)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
  const seen = new Set<string>()
  for (const row of current) {
    if (!seen.has(row.purpose)) {
      seen.add(row.purpose)
      if (row.purpose === 'contact' && moved.consents.includes(row.id)) {
        await trx
          .updateTable('person')
          .set({
            consent_status: moved.other.consent_status,
            consent_date: moved.other.consent_date,
            consent_scope: moved.other.consent_scope,
          })
          .where('id', '=', keepId)
          .execute()
      }
      continue
    }
    await trx.updateTable('consent').set({ current: 0 }).where('id', '=', row.id).execute()
    let renewalId: string | null = null
    if (row.renewal_id) {
      const closed = await trx
        .updateTable('follow_up')
        .set({ status: 'cancelled', closed_at: at.now.toISOString() })
        .where('id', '=', row.renewal_id)
        .where('status', '=', 'open')
        .executeTakeFirst()
      if (closed.numUpdatedRows > 0n) renewalId = row.renewal_id
    }
    moved.superseded.push({ id: row.id, renewalId })
  }
}

async function moveAll(trx: Trx, keep: PersonRow, other: PersonRow, moved: Moved) {
  const from = other.id
  const to = keep.id
  const between = await trx
    .selectFrom('connection')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('person_id', '=', from), eb('other_person_id', '=', to)]),
        eb.and([eb('person_id', '=', to), eb('other_person_id', '=', from)]),
      ]),
    )
    .execute()
  for (const connection of between) {
    const events = await trx
      .selectFrom('connection_event')
      .selectAll()
      .where('connection_id', '=', connection.id)
      .execute()
    moved.between.push({ connection, events })
  }
  await trx
    .deleteFrom('connection')
    .where(inIds('id', ids(between)))
    .execute()

  const move = async <T extends 'contact_moment' | 'person_event' | 'consent' | 'privacy_log'>(
    table: T,
  ) => {
    const rows = await trx
      .updateTable(table as 'contact_moment')
      .set({ person_id: to })
      .where('person_id', '=', from)
      .returning('id')
      .execute()
    return ids(rows)
  }
  moved.moments = await move('contact_moment')
  moved.events = await move('person_event')
  moved.consents = await move('consent')
  moved.privacyLog = await move('privacy_log')
  moved.followUps = await trx
    .selectFrom('follow_up')
    .select(['id', 'hidden'])
    .where('person_id', '=', from)
    .execute()
  await trx.updateTable('follow_up').set({ person_id: to }).where('person_id', '=', from).execute()
  moved.connections = ids(
    await trx
      .updateTable('connection')
      .set({ person_id: to })
      .where('person_id', '=', from)
      .returning('id')
      .execute(),
  )
  moved.otherSide = ids(
    await trx
      .updateTable('connection')
      .set({ other_person_id: to })
      .where('other_person_id', '=', from)
      .returning('id')
      .execute(),
  )
  moved.contactOf = ids(
    await trx
      .updateTable('initiative')
      .set({ contact_person_id: to })
      .where('contact_person_id', '=', from)
      .returning('id')
      .execute(),
  )
  // An import's history follows him where it can; where both came in one import, the kept
  // record's line stays (that import can no longer be undone for the other, who is gone).
  const lines = await trx
    .selectFrom('import_person')
    .selectAll()
    .where('person_id', '=', from)
    .execute()
  await trx.deleteFrom('import_person').where('person_id', '=', from).execute()
  for (const line of lines) {
    const result = await trx
      .insertInto('import_person')
      .values({ ...line, person_id: to })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    moved.imports.push({ line, moved: Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 })
  }
  if (moved.otherTags.length > 0) {
    await trx
      .insertInto('person_tag')
      .values(moved.otherTags.map((tag_id) => ({ person_id: to, tag_id })))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}

/** Merges the other record into the kept one, in one transaction; undo while the app runs. */
export async function mergePeople(
  db: Kysely<Database>,
  undo: UndoLog,
  input: MergeInput,
  at: WriteContext,
): Promise<Written<MergeOutcome>> {
  if (input.keepId === input.otherId) {
    throw new StoreError('invalid_input', translate(nl, 'merge.same'))
  }
  const stamp = at.now.toISOString()
  const moved = await db.transaction().execute(async (trx) => {
    const keep = await recordToMerge(trx, input.keepId)
    const other = await recordToMerge(trx, input.otherId)
    const moved: Moved = {
      keep,
      other,
      keepTags: await tagsOf(trx, keep.id),
      otherTags: await tagsOf(trx, other.id),
      moments: [],
      followUps: [],
      events: [],
      consents: [],
      superseded: [],
      connections: [],
      otherSide: [],
      contactOf: [],
      privacyLog: [],
      imports: [],
      between: [],
    }
    await moveAll(trx, keep, other, moved)
    await trx.deleteFrom('person').where('id', '=', other.id).execute()
    const { id: _id, ...columns } = mergedRow(keep, other, input, stamp)
    await trx.updateTable('person').set(columns).where('id', '=', keep.id).execute()
    await settleConsents(trx, keep.id, at, moved)
    // His open follow-ups show when he is in the list, and hide while he is archived.
    await trx
      .updateTable('follow_up')
      .set({ hidden: columns.status === 'active' ? 0 : 1 })
      .where('person_id', '=', keep.id)
      .where('status', '=', 'open')
      .execute()
    return moved
  })
  const undoId = undo.remember((trx) => unmerge(trx, moved, stamp))
  return written(
    {
      keptId: input.keepId,
      moved: {
        moments: moved.moments.length,
        followUps: moved.followUps.length,
        connections: moved.connections.length + moved.otherSide.length,
        consents: moved.consents.length,
      },
      undoId,
    },
    { people: [input.keepId, input.otherId] },
  )
}

/** Both records back as they were before the merge, unless the kept one has changed since. */
async function unmerge(trx: Trx, moved: Moved, stamp: string) {
  const { keep, other } = moved
  const now = await trx
    .selectFrom('person')
    .select('updated_at')
    .where('id', '=', keep.id)
    .executeTakeFirst()
  if (!now || now.updated_at !== stamp) {
    throw new StoreError('conflict', translate(nl, 'merge.changedSince'))
  }
  await trx.insertInto('person').values(other).execute()
  const back = async <T extends 'contact_moment' | 'person_event' | 'consent' | 'privacy_log'>(
    table: T,
    rows: string[],
  ) => {
    await trx
      .updateTable(table as 'contact_moment')
      .set({ person_id: other.id })
      .where(inIds('id', rows))
      .execute()
  }
  await back('contact_moment', moved.moments)
  await back('person_event', moved.events)
  await back('consent', moved.consents)
  await back('privacy_log', moved.privacyLog)
  for (const followUp of moved.followUps) {
    await trx
      .updateTable('follow_up')
      .set({ person_id: other.id, hidden: followUp.hidden })
      .where('id', '=', followUp.id)
      .execute()
  }
  await reinstateConsents(
    trx,
    moved.superseded.map((row) => row.id),
    moved.superseded.flatMap((row) => (row.renewalId ? [row.renewalId] : [])),
  )
  await trx
    .updateTable('connection')
    .set({ person_id: other.id })
    .where(inIds('id', moved.connections))
    .execute()
  await trx
    .updateTable('connection')
    .set({ other_person_id: other.id })
    .where(inIds('id', moved.otherSide))
    .execute()
  await trx
    .updateTable('initiative')
    .set({ contact_person_id: other.id })
    .where(inIds('id', moved.contactOf))
    .execute()
  for (const { line, moved: hadMoved } of moved.imports) {
    if (hadMoved) {
      await trx
        .deleteFrom('import_person')
        .where('import_id', '=', line.import_id)
        .where('person_id', '=', keep.id)
        .execute()
    }
    await trx.insertInto('import_person').values(line).execute()
  }
  for (const { connection, events } of moved.between) {
    await trx.insertInto('connection').values(connection).execute()
    if (events.length > 0) await trx.insertInto('connection_event').values(events).execute()
  }
  await trx.deleteFrom('person_tag').where('person_id', '=', keep.id).execute()
  const tags = [
    ...moved.keepTags.map((tag_id) => ({ person_id: keep.id, tag_id })),
    ...moved.otherTags.map((tag_id) => ({ person_id: other.id, tag_id })),
  ]
  if (tags.length > 0) await trx.insertInto('person_tag').values(tags).execute()
  const { id: _id, ...columns } = keep
  await trx.updateTable('person').set(columns).where('id', '=', keep.id).execute()
  return { count: 2, people: [keep.id, other.id] }
}

/**
 * Who this resident may also be in her ledger ("Mogelijk dubbel" on his page): the same rule, read
 * from the records with his last name only (an index lookup), so it costs nothing on opening him.
 */
export async function doublesOf(db: Kysely<Database>, id: string): Promise<PossibleDouble[]> {
  const self = await db
    .selectFrom('person')
    .select('name_key')
    .where('id', '=', id)
    .executeTakeFirst()
  if (!self) return []
  const namesakes = await db
    .selectFrom('person')
    .select('id')
    .where('name_key', '=', self.name_key)
    .where('status', 'in', ['active', 'archived'])
    .where('deleted_at', 'is', null)
    .where('anonymised_at', 'is', null)
    .limit(200)
    .execute()
  const among = new Set([id, ...namesakes.map((row) => row.id)])
  const pairs = doublesAmong(await ledgerPeople(db, [...among])).flatMap((pair) =>
    pair.a === id ? [pair] : pair.b === id ? [{ ...pair, a: pair.b, b: pair.a }] : [],
  )
  return withSummaries(db, pairs)
}

/**
 * Pairs of records that may be one resident: the same name and the same phone, e-mail or street
 * and number (the import's rule; a name alone never counts). Archived ones too.
 */
export async function possibleDoubles(
  db: Kysely<Database>,
  limit = 200,
): Promise<PossibleDouble[]> {
  const pairs = doublesAmong(await ledgerPeople(db)).slice(0, limit)
  return (await withSummaries(db, pairs)).sort((x, y) =>
    sortName(x.a).localeCompare(sortName(y.a), 'nl'),
  )
}

/** The pairs with the rows the list shows of each. */
async function withSummaries(
  db: Kysely<Database>,
  pairs: { a: string; b: string; reasons: PossibleDouble['reasons'] }[],
): Promise<PossibleDouble[]> {
  const rows = await db
    .selectFrom('person')
    .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
    .select(summaryColumns)
    .where(
      inIds(
        'person.id',
        pairs.flatMap((pair) => [pair.a, pair.b]),
      ),
    )
    .execute()
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]))
  return pairs.map((pair) => ({
    a: byId.get(pair.a)!,
    b: byId.get(pair.b)!,
    reasons: pair.reasons,
  }))
}
