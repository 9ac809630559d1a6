import { sql, type Kysely } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { ImportHistoryItem, ImportReport } from '../../shared/import'
import { StoreError } from '../store/errors'
import type { Database, FollowUpRow, PersonRow } from '../store/schema'
import { written, type Written } from '../store/written'

/** Kept with an import: every person it touched and how to take it back. */
interface Before {
  person: PersonRow
  tagIds: string[]
  followUps: FollowUpRow[]
  /** A handover's (db/handover/import.ts): which of his consents were current before. */
  consentCurrent?: { id: string; current: number }[]
}

interface Created {
  moments: string[]
  followUps: string[]
  /** A handover's: his consent decisions and the line on his timeline. */
  consents?: string[]
  events?: string[]
}

const importNotFound = () =>
  new StoreError('not_found', translate(nl, 'import.errors.importNotFound'))

function reportOf(row: Database['import_batch']): ImportReport {
  return { ...(JSON.parse(row.report) as ImportReport), undoneAt: row.undone_at }
}

export async function importReport(db: Kysely<Database>, id: string): Promise<ImportReport> {
  const row = await db
    .selectFrom('import_batch')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw importNotFound()
  return reportOf(row)
}

/** The newest import not undone yet: the only one that can be. */
async function lastImport(db: Kysely<Database>) {
  return db
    .selectFrom('import_batch')
    .selectAll()
    .where('undone_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/**
 * The first person of this import that changed since (edited, archived, put in the trash, a new
 * contact, a follow-up done or moved, connected to someone or something, …), or undefined when all
 * are as the import left them.
 */
async function changedSince(db: Kysely<Database>, importId: string, stamp: string) {
  const { rows } = await sql<{ name: string }>`
    SELECT p.first_name AS name FROM import_person ip JOIN person p ON p.id = ip.person_id
    WHERE ip.import_id = ${importId}
      AND (p.updated_at != ${stamp} OR p.deleted_at IS NOT NULL
        OR EXISTS (SELECT 1 FROM contact_moment m WHERE m.person_id = p.id AND m.created_at > ${stamp})
        OR EXISTS (SELECT 1 FROM person_event e WHERE e.person_id = p.id AND e.created_at > ${stamp})
        OR EXISTS (SELECT 1 FROM follow_up f WHERE f.person_id = p.id
          AND (f.created_at > ${stamp} OR f.closed_at > ${stamp}))
        OR EXISTS (SELECT 1 FROM connection c WHERE c.person_id = p.id OR c.other_person_id = p.id)
        OR EXISTS (SELECT 1 FROM initiative i WHERE i.contact_person_id = p.id))
    LIMIT 1`.execute(db)
  return rows[0]?.name
}

export async function importHistory(db: Kysely<Database>): Promise<ImportHistoryItem[]> {
  const rows = await db
    .selectFrom('import_batch')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute()
  const last = await lastImport(db)
  const lastUndoable = last
    ? (await changedSince(db, last.id, last.created_at)) === undefined
    : false
  return rows.map((row) => {
    const report = reportOf(row)
    return {
      id: row.id,
      fileName: row.file_name,
      createdAt: row.created_at,
      added: report.added,
      merged: report.merged,
      skipped: report.skipped.length,
      undoneAt: row.undone_at,
      undoable: row.id === last?.id && lastUndoable,
    }
  })
}

/**
 * Step 6: takes the last import back, in one transaction: the people it added go, the people it
 * merged into are as they were (row, tags, follow-ups), and tags and wijken it made that nobody
 * uses any more go too. Refused once anyone it touched has changed since.
 */
export async function undoImport(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<Written<ImportReport>> {
  const batch = await db
    .selectFrom('import_batch')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!batch) throw importNotFound()
  const last = await lastImport(db)
  if (batch.undone_at || last?.id !== id) {
    throw new StoreError('conflict', translate(nl, 'import.errors.notLast'))
  }
  const changed = await changedSince(db, id, batch.created_at)
  if (changed !== undefined) {
    throw new StoreError('conflict', translate(nl, 'import.errors.changedSince', { name: changed }))
  }
  const stamp = batch.created_at
  const touched = await db.transaction().execute(async (trx) => {
    const records = await trx
      .selectFrom('import_person')
      .selectAll()
      .where('import_id', '=', id)
      .execute()
    const added = records.filter((r) => r.action === 'added').map((r) => r.person_id)
    for (let i = 0; i < added.length; i += 500) {
      // Their tags, moments, follow-ups and events go with them (ON DELETE CASCADE).
      await trx
        .deleteFrom('person')
        .where('id', 'in', added.slice(i, i + 500))
        .execute()
    }
    for (const record of records.filter((r) => r.action === 'merged')) {
      const before = JSON.parse(record.before!) as Before
      const created = JSON.parse(record.created) as Created
      if (created.moments.length > 0) {
        await trx.deleteFrom('contact_moment').where('id', 'in', created.moments).execute()
      }
      if (created.consents?.length) {
        await trx.deleteFrom('consent').where('id', 'in', created.consents).execute()
      }
      if (created.events?.length) {
        await trx.deleteFrom('person_event').where('id', 'in', created.events).execute()
      }
      if (created.followUps.length > 0) {
        await trx.deleteFrom('follow_up').where('id', 'in', created.followUps).execute()
      }
      for (const { id: consentId, current } of before.consentCurrent ?? []) {
        await trx.updateTable('consent').set({ current }).where('id', '=', consentId).execute()
      }
      for (const followUp of before.followUps) {
        await trx
          .updateTable('follow_up')
          .set({ due_on: followUp.due_on, status: followUp.status, closed_at: followUp.closed_at })
          .where('id', '=', followUp.id)
          .execute()
      }
      const { id: personId, ...columns } = before.person
      await trx.updateTable('person').set(columns).where('id', '=', personId).execute()
      await trx.deleteFrom('person_tag').where('person_id', '=', personId).execute()
      if (before.tagIds.length > 0) {
        await trx
          .insertInto('person_tag')
          .values(before.tagIds.map((tag_id) => ({ person_id: personId, tag_id })))
          .execute()
      }
    }
    await sql`DELETE FROM tag WHERE created_at = ${stamp}
      AND NOT EXISTS (SELECT 1 FROM person_tag pt WHERE pt.tag_id = tag.id)`.execute(trx)
    await sql`DELETE FROM wijk WHERE created_at = ${stamp}
      AND NOT EXISTS (SELECT 1 FROM person p WHERE p.wijk_id = wijk.id)`.execute(trx)
    await trx
      .updateTable('import_batch')
      .set({ undone_at: now.toISOString() })
      .where('id', '=', id)
      .execute()
    return records.map((r) => r.person_id)
  })
  return written(await importReport(db, id), { people: touched })
}
