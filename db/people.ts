import { sql, type Kysely } from 'kysely'
import type { NewPerson, PeoplePage, Person } from '../shared/person'
import { newId } from './ids'
import type { Database, PersonRow } from './schema'

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    firstName: row.first_name,
    tussenvoegsel: row.tussenvoegsel,
    lastName: row.last_name,
    wijk: row.wijk,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function createPerson(
  db: Kysely<Database>,
  input: NewPerson,
  now: Date,
): Promise<Person> {
  const stamp = now.toISOString()
  const row: PersonRow = {
    id: newId(now.getTime()),
    first_name: input.firstName,
    tussenvoegsel: input.tussenvoegsel ?? null,
    last_name: input.lastName ?? null,
    wijk: input.wijk ?? null,
    note: input.note ?? null,
    created_at: stamp,
    updated_at: stamp,
  }
  await db.insertInto('person').values(row).execute()
  return toPerson(row)
}

/** The order of the `person_sort` index, so a page of the list is read straight from it. */
const sortKey = sql`coalesce(last_name, first_name) COLLATE NOCASE`

export const peoplePageQuery = (db: Kysely<Database>, page: { limit: number; offset: number }) =>
  db
    .selectFrom('person')
    .selectAll()
    .orderBy(sortKey)
    .orderBy(sql`first_name COLLATE NOCASE`)
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)

export async function listPeople(
  db: Kysely<Database>,
  page: { limit: number; offset: number },
): Promise<PeoplePage> {
  const rows = await peoplePageQuery(db, page).execute()
  const { total } = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  return { items: rows.map(toPerson), total }
}
