import type { Kysely, Transaction } from 'kysely'
import type {
  Initiative,
  InitiativeFields,
  InitiativeSummary,
  UpdateInitiative,
} from '../../shared/connect'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { maskToSlots, slotsToMask } from '../../shared/ledger'
import { displayName } from '../../shared/person'
import { foldKey } from '../../shared/text'
import { StoreError } from '../store/errors'
import { newId } from '../store/ids'
import { tagIdsFor, wijkIdFor } from '../ledger/lookups'
import type { Database, InitiativeTable } from '../store/schema'
import { written, type Written } from '../store/written'
import { SearchIndex, type SearchDoc } from '../search/search-index'

export const initiativeNotFound = () =>
  new StoreError('not_found', translate(nl, 'errors.initiativeNotFound'))

/** Themes are tags: an existing one of any kind with that name, else a new theme. */
async function themeTagIds(trx: Transaction<Database>, themes: readonly string[], now: Date) {
  if (themes.length === 0) return []
  const keys = [...new Set(themes.map(foldKey))]
  const existing = await trx
    .selectFrom('tag')
    .select(['id', 'name_key', 'kind'])
    .where('name_key', 'in', keys)
    .where('kind', 'in', ['passion', 'need', 'theme'])
    .execute()
  // One tag per name: a passion before a need before a theme, whichever exists.
  const order = { passion: 0, need: 1, theme: 2 } as const
  const byKey = new Map<string, string>()
  for (const tag of existing.sort((a, b) => order[a.kind] - order[b.kind])) {
    if (!byKey.has(tag.name_key)) byKey.set(tag.name_key, tag.id)
  }
  const missing = themes.filter((theme) => !byKey.has(foldKey(theme)))
  const created = await tagIdsFor(
    trx,
    missing.map((name) => ({ kind: 'theme' as const, name })),
    now,
  )
  missing.forEach((theme, i) => byKey.set(foldKey(theme), created[i]!))
  return keys.map((key) => byKey.get(key)!)
}

async function columnsOf(trx: Transaction<Database>, fields: InitiativeFields, now: Date) {
  if (fields.contactPersonId) {
    const contact = await trx
      .selectFrom('person')
      .select('id')
      .where('id', '=', fields.contactPersonId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!contact) throw new StoreError('not_found', translate(nl, 'errors.personNotFound'))
  }
  return {
    name: fields.name,
    name_key: foldKey(fields.name),
    kind: fields.kind,
    wijk_id: await wijkIdFor(trx, fields.wijk, now),
    meets: slotsToMask(fields.meets),
    meets_note: fields.meetsNote ?? null,
    contact_person_id: fields.contactPersonId ?? null,
    contact_name: fields.contactName ?? null,
    looking_for: fields.lookingFor ?? null,
    status: fields.status,
    note: fields.note ?? null,
  } satisfies Partial<InitiativeTable>
}

async function setThemes(trx: Transaction<Database>, id: string, themes: string[], now: Date) {
  await trx.deleteFrom('initiative_tag').where('initiative_id', '=', id).execute()
  const tagIds = await themeTagIds(trx, themes, now)
  if (tagIds.length > 0) {
    await trx
      .insertInto('initiative_tag')
      .values(tagIds.map((tag_id) => ({ initiative_id: id, tag_id })))
      .execute()
  }
}

export async function createInitiative(
  db: Kysely<Database>,
  fields: InitiativeFields,
  now: Date,
): Promise<Written<Initiative>> {
  const id = newId(now.getTime())
  await db.transaction().execute(async (trx) => {
    const stamp = now.toISOString()
    await trx
      .insertInto('initiative')
      .values({ id, ...(await columnsOf(trx, fields, now)), created_at: stamp, updated_at: stamp })
      .execute()
    await setThemes(trx, id, fields.themes, now)
  })
  return written(await getInitiative(db, id), { initiatives: [id] })
}

export async function updateInitiative(
  db: Kysely<Database>,
  input: UpdateInitiative,
  now: Date,
): Promise<Written<Initiative>> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('initiative')
      .set({ ...(await columnsOf(trx, input, now)), updated_at: now.toISOString() })
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) throw initiativeNotFound()
    await setThemes(trx, input.id, input.themes, now)
  })
  return written(await getInitiative(db, input.id), { initiatives: [input.id] })
}

/** The themes of these initiatives, by initiative, names in alphabetical order. */
async function themesOf(db: Kysely<Database>, ids: readonly string[]) {
  const themes = new Map<string, string[]>()
  for (let i = 0; i < ids.length; i += 2000) {
    const rows = await db
      .selectFrom('initiative_tag')
      .innerJoin('tag', 'tag.id', 'initiative_tag.tag_id')
      .select(['initiative_tag.initiative_id', 'tag.name'])
      .where('initiative_tag.initiative_id', 'in', ids.slice(i, i + 2000))
      .orderBy('tag.name_key')
      .execute()
    for (const row of rows) {
      const list = themes.get(row.initiative_id)
      if (list) list.push(row.name)
      else themes.set(row.initiative_id, [row.name])
    }
  }
  return themes
}

const summaryColumns = [
  'initiative.id',
  'initiative.name',
  'initiative.kind',
  'initiative.meets',
  'initiative.status',
  'initiative.looking_for',
  'wijk.name as wijk',
] as const

type SummaryRow = {
  id: string
  name: string
  kind: InitiativeSummary['kind']
  meets: number
  status: InitiativeSummary['status']
  looking_for: string | null
  wijk: string | null
}

const toSummary = (row: SummaryRow, themes: string[]): InitiativeSummary => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  wijk: row.wijk,
  themes,
  meets: maskToSlots(row.meets),
  status: row.status,
  lookingFor: row.looking_for,
})

export async function getInitiative(db: Kysely<Database>, id: string): Promise<Initiative> {
  const row = await db
    .selectFrom('initiative')
    .leftJoin('wijk', 'wijk.id', 'initiative.wijk_id')
    .leftJoin('person', (join) =>
      join
        .onRef('person.id', '=', 'initiative.contact_person_id')
        .on('person.deleted_at', 'is', null),
    )
    .select(summaryColumns)
    .select([
      'initiative.wijk_id',
      'initiative.meets_note',
      'initiative.contact_person_id',
      'initiative.contact_name',
      'initiative.note',
      'initiative.created_at',
      'initiative.updated_at',
      'person.first_name',
      'person.tussenvoegsel',
      'person.last_name',
    ])
    .where('initiative.id', '=', id)
    .executeTakeFirst()
  if (!row) throw initiativeNotFound()
  const themes = (await themesOf(db, [id])).get(id) ?? []
  return {
    ...toSummary(row, themes),
    wijkId: row.wijk_id,
    meetsNote: row.meets_note,
    contactPerson:
      row.contact_person_id && row.first_name
        ? {
            id: row.contact_person_id,
            name: displayName({
              firstName: row.first_name,
              tussenvoegsel: row.tussenvoegsel,
              lastName: row.last_name,
            }),
          }
        : null,
    contactName: row.contact_name,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Initiatives by name, or those the query finds (name, theme, wijk, what they look for). */
export async function listInitiatives(
  db: Kysely<Database>,
  index: SearchIndex,
  input: { status: 'actief' | 'gestopt' | 'all'; query: string },
): Promise<InitiativeSummary[]> {
  let query = db
    .selectFrom('initiative')
    .leftJoin('wijk', 'wijk.id', 'initiative.wijk_id')
    .select(summaryColumns)
  if (input.status !== 'all') query = query.where('initiative.status', '=', input.status)
  let order: Map<string, number> | undefined
  if (input.query) {
    const hits = index.search(input.query, 200)
    if (hits.length === 0) return []
    order = new Map(hits.map((hit, i) => [hit.id, i]))
    query = query.where(
      'initiative.id',
      'in',
      hits.map((hit) => hit.id),
    )
  }
  const rows = await query.orderBy('initiative.name_key').execute()
  if (order) rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  const themes = await themesOf(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => toSummary(row, themes.get(row.id) ?? []))
}

/** An initiative as the search index reads it: "status" keeps stopped ones apart. */
async function initiativeDocs(db: Kysely<Database>, ids?: readonly string[]): Promise<SearchDoc[]> {
  if (ids && ids.length === 0) return []
  let query = db
    .selectFrom('initiative')
    .leftJoin('wijk', 'wijk.id', 'initiative.wijk_id')
    .select(summaryColumns)
    .select(['initiative.name_key', 'initiative.note', 'initiative.contact_name'])
  if (ids) query = query.where('initiative.id', 'in', ids)
  const rows = await query.execute()
  const themes = await themesOf(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => ({
    id: row.id,
    sortKey: row.name_key,
    status: row.status === 'actief' ? 'active' : 'archived',
    fields: {
      name: row.name,
      tag: (themes.get(row.id) ?? []).join(' '),
      wijk: row.wijk ?? undefined,
      wish: row.looking_for ?? undefined,
      note: [row.contact_name, row.note].filter(Boolean).join(' ') || undefined,
    },
  }))
}

export async function buildInitiativeIndex(db: Kysely<Database>): Promise<SearchIndex> {
  const index = new SearchIndex()
  for (const doc of await initiativeDocs(db)) index.put(doc)
  return index
}

/** After a write: these initiatives as they are now. */
export async function reindexInitiatives(
  db: Kysely<Database>,
  index: SearchIndex,
  ids: readonly string[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += 2000) {
    const chunk = ids.slice(i, i + 2000)
    const docs = await initiativeDocs(db, chunk)
    const present = new Set(docs.map((doc) => doc.id))
    for (const id of chunk) if (!present.has(id)) index.remove(id)
    for (const doc of docs) index.put(doc)
  }
}
