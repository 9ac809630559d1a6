import { sql, type Kysely, type Transaction } from 'kysely'
import type { Wijk } from '../../shared/contract'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { TagKind } from '../../shared/ledger'
import type { Tag, TagRef } from '../../shared/person'
import { foldKey } from '../../shared/text'
import { StoreError } from '../store/errors'
import { newId } from '../store/ids'
import type { Database } from '../store/schema'
import { written, type Written } from '../store/written'

/** The wijk called `name` (any case, any accents), made on the fly when it is new. */
export async function wijkIdFor(
  trx: Transaction<Database>,
  name: string | undefined,
  now: Date,
): Promise<string | null> {
  if (!name) return null
  const key = foldKey(name)
  const existing = await trx
    .selectFrom('wijk')
    .select('id')
    .where('name_key', '=', key)
    .executeTakeFirst()
  if (existing) return existing.id
  const id = newId(now.getTime())
  await trx
    .insertInto('wijk')
    .values({ id, name, name_key: key, created_at: now.toISOString() })
    .execute()
  return id
}

/** A new wijk in her list; one that exists already (any case, any accents) is refused. */
export async function createWijk(db: Kysely<Database>, name: string, now: Date): Promise<Wijk> {
  const id = newId(now.getTime())
  const nameKey = foldKey(name)
  await assertWijkNameFree(db, nameKey)
  await db
    .insertInto('wijk')
    .values({ id, name, name_key: nameKey, created_at: now.toISOString() })
    .execute()
  return { id, name }
}

/**
 * A new name for a wijk: everyone in it moves along, since people (and initiatives) refer to it by
 * id; they are found by its new name.
 */
export async function renameWijk(
  db: Kysely<Database>,
  id: string,
  name: string,
): Promise<Written<Wijk>> {
  const nameKey = foldKey(name)
  await assertWijkNameFree(db, nameKey, id)
  const result = await db
    .updateTable('wijk')
    .set({ name, name_key: nameKey })
    .where('id', '=', id)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) {
    throw new StoreError('not_found', translate(nl, 'errors.wijkNotFound'))
  }
  const inIt = async (table: 'person' | 'initiative') =>
    (await db.selectFrom(table).select('id').where('wijk_id', '=', id).execute()).map((r) => r.id)
  return written(
    { id, name },
    { people: await inIt('person'), initiatives: await inIt('initiative') },
  )
}

async function assertWijkNameFree(db: Kysely<Database>, nameKey: string, except?: string) {
  let query = db.selectFrom('wijk').select('name').where('name_key', '=', nameKey)
  if (except) query = query.where('id', '!=', except)
  const taken = await query.executeTakeFirst()
  if (taken) {
    throw new StoreError('conflict', translate(nl, 'errors.wijkExists', { name: taken.name }))
  }
}

export async function listWijken(db: Kysely<Database>): Promise<Wijk[]> {
  return db.selectFrom('wijk').select(['id', 'name']).orderBy('name_key').execute()
}

/**
 * The ids of the tags named in `refs`, each made when new: "Tuinieren" and "tuinieren" are one tag,
 * named as first written. One lookup for all of them, one insert for the new ones.
 */
export async function tagIdsFor(
  trx: Transaction<Database>,
  refs: readonly TagRef[],
  now: Date,
): Promise<string[]> {
  const wanted = new Map<string, { kind: TagKind; name: string; nameKey: string }>()
  for (const ref of refs) {
    const nameKey = foldKey(ref.name)
    const key = `${ref.kind}:${nameKey}`
    if (!wanted.has(key)) wanted.set(key, { kind: ref.kind, name: ref.name, nameKey })
  }
  if (wanted.size === 0) return []
  const existing = await trx
    .selectFrom('tag')
    .select(['id', 'kind', 'name_key'])
    .where((eb) =>
      eb.or(
        [...wanted.values()].map((tag) =>
          eb.and([eb('kind', '=', tag.kind), eb('name_key', '=', tag.nameKey)]),
        ),
      ),
    )
    .execute()
  const ids = new Map(existing.map((tag) => [`${tag.kind}:${tag.name_key}`, tag.id]))
  const created = [...wanted]
    .filter(([key]) => !ids.has(key))
    .map(([key, tag]) => {
      const id = newId(now.getTime())
      ids.set(key, id)
      return {
        id,
        kind: tag.kind,
        name: tag.name,
        name_key: tag.nameKey,
        created_at: now.toISOString(),
      }
    })
  if (created.length > 0) await trx.insertInto('tag').values(created).execute()
  return [...wanted.keys()].map((key) => ids.get(key)!)
}

/** Tags for autocomplete: of one kind if asked, starting with what she typed (folded). */
export async function listTags(
  db: Kysely<Database>,
  query: { kind?: TagKind | undefined; prefix?: string | undefined; limit: number },
): Promise<Tag[]> {
  let select = db.selectFrom('tag').select(['id', 'kind', 'name'])
  if (query.kind) select = select.where('kind', '=', query.kind)
  if (query.prefix) {
    const key = foldKey(query.prefix).replace(/[\\%_]/g, (c) => `\\${c}`)
    select = select.where(sql<boolean>`name_key LIKE ${`${key}%`} ESCAPE '\\'`)
  }
  return select.orderBy('name_key').limit(query.limit).execute()
}
