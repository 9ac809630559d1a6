import type { Kysely, Transaction } from 'kysely'
import type {
  Connection,
  ConnectionOutcome,
  ConnectionStatusChange,
  NewConnection,
  OutcomeAnswers,
} from '../../shared/connect'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { displayName } from '../../shared/person'
import { type PersonEvent } from '../../shared/person-detail'
import { StoreError } from '../store/errors'
import { addFollowUp } from '../ledger/followup-rules'
import { requirePerson } from '../ledger/guards'
import { newId } from '../store/ids'
import { initiativeNotFound } from './initiatives'
import type { WriteContext } from '../ledger/write-context'
import type { Database } from '../store/schema'

const connectionNotFound = () =>
  new StoreError('not_found', translate(nl, 'errors.connectionNotFound'))

/**
 * A connection made: person ↔ initiative or person ↔ person, with its first status as history and,
 * if she asks, a follow-up ("vraag over 3 weken hoe het gaat"). One transaction.
 */
export async function createConnection(
  db: Kysely<Database>,
  input: NewConnection,
  at: WriteContext,
): Promise<Connection> {
  const id = newId(at.now.getTime())
  await db.transaction().execute(async (trx) => {
    await requirePerson(trx, input.personId)
    if (input.otherPersonId) await requirePerson(trx, input.otherPersonId)
    let withName: string | undefined
    if (input.initiativeId) {
      const initiative = await trx
        .selectFrom('initiative')
        .select('name')
        .where('id', '=', input.initiativeId)
        .executeTakeFirst()
      if (!initiative) throw initiativeNotFound()
      withName = initiative.name
      const open = await trx
        .selectFrom('connection')
        .select('id')
        .where('person_id', '=', input.personId)
        .where('initiative_id', '=', input.initiativeId)
        .where('status', '!=', 'gestopt')
        .executeTakeFirst()
      if (open) throw new StoreError('conflict', translate(nl, 'errors.connectionExists'))
    }
    const stamp = at.now.toISOString()
    await trx
      .insertInto('connection')
      .values({
        id,
        person_id: input.personId,
        initiative_id: input.initiativeId ?? null,
        other_person_id: input.otherPersonId ?? null,
        date: input.date,
        proposed_by: input.proposedBy,
        status: input.status,
        status_date: input.date,
        stop_reason: null,
        note: input.note ?? null,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute()
    await trx
      .insertInto('connection_event')
      .values({
        id: newId(at.now.getTime()),
        connection_id: id,
        date: input.date,
        status: input.status,
        reason: null,
        note: input.note ?? null,
        created_at: stamp,
      })
      .execute()
    if (input.followUpOn) {
      if (!withName && input.otherPersonId) {
        const other = await trx
          .selectFrom('person')
          .select(['first_name', 'tussenvoegsel', 'last_name'])
          .where('id', '=', input.otherPersonId)
          .executeTakeFirstOrThrow()
        withName = displayName({
          firstName: other.first_name,
          tussenvoegsel: other.tussenvoegsel,
          lastName: other.last_name,
        })
      }
      await addFollowUp(
        trx,
        input.personId,
        {
          dueOn: input.followUpOn,
          reason: translate(nl, 'connections.followUpReason', { name: withName ?? '' }),
          source: 'manual',
          connectionId: id,
        },
        at,
      )
    }
  })
  return getConnection(db, id)
}

/** A new status, kept as history; stopping needs a reason. */
export async function setConnectionStatus(
  db: Kysely<Database>,
  input: ConnectionStatusChange,
  at: WriteContext,
): Promise<Connection> {
  await db.transaction().execute(async (trx) => {
    const stamp = at.now.toISOString()
    const result = await trx
      .updateTable('connection')
      .set({
        status: input.status,
        status_date: input.date,
        stop_reason: input.status === 'gestopt' ? (input.reason ?? null) : null,
        updated_at: stamp,
      })
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) throw connectionNotFound()
    await trx
      .insertInto('connection_event')
      .values({
        id: newId(at.now.getTime()),
        connection_id: input.id,
        date: input.date,
        status: input.status,
        reason: input.reason ?? null,
        note: input.note ?? null,
        created_at: stamp,
      })
      .execute()
  })
  return getConnection(db, input.id)
}

/**
 * What a connection brought, as she heard it today: kept per connection and date (a second answer
 * the same day is a second row; the report reads the latest in its period).
 */
export async function recordOutcome(
  trx: Transaction<Database>,
  connectionId: string,
  answers: OutcomeAnswers,
  at: WriteContext,
): Promise<void> {
  await trx
    .insertInto('connection_outcome')
    .values({
      id: newId(at.now.getTime()),
      connection_id: connectionId,
      date: at.today,
      going: answers.going,
      met_people: answers.metPeople,
      gives_back: answers.givesBack ?? null,
      created_at: at.now.toISOString(),
    })
    .execute()
}

/** Rows of a connection's own table as lists by connection, in the order they come. */
function byConnection<Row extends { connection_id: string }, Item>(
  rows: readonly Row[],
  item: (row: Row) => Item,
): Map<string, Item[]> {
  const lists = new Map<string, Item[]>()
  for (const row of rows) {
    const list = lists.get(row.connection_id) ?? []
    list.push(item(row))
    lists.set(row.connection_id, list)
  }
  return lists
}

type Filter = { personId: string } | { initiativeId: string } | { id: string }

/** Connections with both ends named and their history, newest first. */
export async function listConnections(db: Kysely<Database>, filter: Filter): Promise<Connection[]> {
  let query = db
    .selectFrom('connection as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .leftJoin('person as o', 'o.id', 'c.other_person_id')
    .leftJoin('initiative as i', 'i.id', 'c.initiative_id')
    .select([
      'c.id',
      'c.date',
      'c.proposed_by',
      'c.status',
      'c.status_date',
      'c.stop_reason',
      'c.note',
      'c.created_at',
      'c.initiative_id',
      'c.other_person_id',
      'p.id as p_id',
      'p.first_name as p_first',
      'p.tussenvoegsel as p_tv',
      'p.last_name as p_last',
      'o.first_name as o_first',
      'o.tussenvoegsel as o_tv',
      'o.last_name as o_last',
      'i.name as i_name',
    ])
  if ('id' in filter) query = query.where('c.id', '=', filter.id)
  else if ('initiativeId' in filter)
    query = query.where('c.initiative_id', '=', filter.initiativeId)
  else {
    query = query.where((eb) =>
      eb.or([
        eb('c.person_id', '=', filter.personId),
        eb('c.other_person_id', '=', filter.personId),
      ]),
    )
  }
  const rows = await query.orderBy('c.date', 'desc').orderBy('c.created_at', 'desc').execute()
  if (rows.length === 0) return []
  const ids = rows.map((row) => row.id)
  const events = await db
    .selectFrom('connection_event')
    .selectAll()
    .where('connection_id', 'in', ids)
    .orderBy('date')
    .orderBy('created_at')
    .execute()
  const history = byConnection(events, (event) => ({
    id: event.id,
    date: event.date,
    status: event.status,
    reason: event.reason,
    note: event.note,
    createdAt: event.created_at,
  }))
  const outcomes = byConnection(
    await db
      .selectFrom('connection_outcome')
      .selectAll()
      .where('connection_id', 'in', ids)
      .orderBy('date')
      .orderBy('created_at')
      .execute(),
    (outcome): ConnectionOutcome => ({
      id: outcome.id,
      date: outcome.date,
      going: outcome.going,
      metPeople: outcome.met_people,
      givesBack: outcome.gives_back,
      createdAt: outcome.created_at,
    }),
  )
  return rows.map((row) => ({
    id: row.id,
    person: {
      id: row.p_id,
      name: displayName({ firstName: row.p_first, tussenvoegsel: row.p_tv, lastName: row.p_last }),
    },
    initiative: row.initiative_id ? { id: row.initiative_id, name: row.i_name ?? '' } : null,
    otherPerson:
      row.other_person_id && row.o_first
        ? {
            id: row.other_person_id,
            name: displayName({
              firstName: row.o_first,
              tussenvoegsel: row.o_tv,
              lastName: row.o_last,
            }),
          }
        : null,
    date: row.date,
    proposedBy: row.proposed_by,
    status: row.status,
    statusDate: row.status_date,
    stopReason: row.stop_reason,
    note: row.note,
    history: history.get(row.id) ?? [],
    outcomes: outcomes.get(row.id) ?? [],
    createdAt: row.created_at,
  }))
}

export async function getConnection(db: Kysely<Database>, id: string): Promise<Connection> {
  const [connection] = await listConnections(db, { id })
  if (!connection) throw connectionNotFound()
  return connection
}

/** Her connections' history as timeline events: "Wandelgroep: actief". */
export function connectionEvents(connections: Connection[], personId: string): PersonEvent[] {
  return connections.flatMap((connection) => {
    const other =
      connection.initiative?.name ??
      (connection.person.id === personId ? connection.otherPerson?.name : connection.person.name) ??
      ''
    return connection.history.map((event) => ({
      id: event.id,
      date: event.date,
      kind: 'connection' as const,
      detail: { with: other, status: event.status, reason: event.reason, note: event.note },
      createdAt: event.createdAt,
    }))
  })
}
