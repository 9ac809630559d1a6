import { sql, type Transaction } from 'kysely'
import type { ReportRequest } from '../../shared/report'
import { namePhrases, redact } from '../report/narrative'
import { redactStoryTexts } from '../report/stories'
import type { Database } from '../store/schema'
import type { Store } from '../store/store'
import { written, type Written } from '../store/written'
import type { WriteContext } from '../ledger/write-context'
import { logPrivacy } from './log'
import { markScrubPending, scrubAfterErase, scrubAtOnceBytes } from './scrub'

/**
 * Echt verwijderen and anonymiseren. Erasing deletes the person row, and with it (ON DELETE
 * CASCADE) his tags, moments, follow-ups, events, consent records and connections on both sides;
 * what has no foreign key is cleared here: the import's snapshots of him, an initiative's contact
 * name, his name in the stories of earlier report exports. The report's tallies follow by their
 * triggers. The store runs with secure_delete, so freed cells are zeroed, a checkpoint after the
 * erase truncates the WAL, and the file is rewritten from the live rows (scrub.ts: at once for a
 * small ledger, else in the daily round or at quit), so no page of the file still holds him.
 *
 * Anonymising keeps the row and what the report counts (wijk, age band, the moments' dates and
 * channels, connections by theme, consent status, day parts) and drops everything that names or
 * locates him.
 */

export const erasedMark = '[verwijderd]'

/** Up to this many ids in one statement (SQLite binds at most 32,766 values). */
const chunk = 2000
const chunks = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / chunk) }, (_, i) =>
    items.slice(i * chunk, (i + 1) * chunk),
  )

/** The words that name or locate them, as a story would have them: names, nicknames, streets. */
async function identifyingPhrases(trx: Transaction<Database>, ids: readonly string[]) {
  const phrases = new Set<string>()
  for (const part of chunks(ids)) {
    const rows = await trx
      .selectFrom('person')
      .select(['first_name', 'tussenvoegsel', 'last_name', 'nickname', 'street'])
      .where('id', 'in', part)
      .execute()
    for (const row of rows) {
      const named = namePhrases({
        firstName: row.first_name,
        tussenvoegsel: row.tussenvoegsel,
        lastName: row.last_name,
        nickname: row.nickname,
        street: row.street,
      })
      for (const phrase of named) phrases.add(phrase)
    }
  }
  return phrases
}

/** Their names out of every stored report story (the exports themselves are already out). */
async function redactStories(trx: Transaction<Database>, phrases: ReadonlySet<string>) {
  if (phrases.size === 0) return
  const exports = await trx.selectFrom('report_export').select(['id', 'settings']).execute()
  for (const row of exports) {
    const settings = JSON.parse(row.settings) as { request: ReportRequest }
    const story = settings.request.narrative
    if (!story) continue
    const cleared = redact(story, phrases, erasedMark)
    if (cleared === story) continue
    settings.request = { ...settings.request, narrative: cleared }
    await trx
      .updateTable('report_export')
      .set({ settings: JSON.stringify(settings) })
      .where('id', '=', row.id)
      .execute()
  }
}

/** What has no foreign key to him: import snapshots, an initiative's contact name. */
async function clearUnlinked(trx: Transaction<Database>, ids: readonly string[]) {
  for (const part of chunks(ids)) {
    await trx.deleteFrom('import_person').where('person_id', 'in', part).execute()
    await trx
      .updateTable('initiative')
      .set({ contact_person_id: null, contact_name: null })
      .where('contact_person_id', 'in', part)
      .execute()
  }
}

/** The ones of these ids that are in the ledger (anonymised people are erased like any other). */
async function existing(trx: Transaction<Database>, ids: readonly string[]) {
  const found: string[] = []
  for (const part of chunks(ids)) {
    const rows = await trx.selectFrom('person').select('id').where('id', 'in', part).execute()
    found.push(...rows.map((row) => row.id))
  }
  return found
}

/**
 * One erasure or anonymisation: in one transaction, the ids still in the ledger, their names out of
 * the stored stories, what has no foreign key to them cleared, `work` on them a chunk at a time, the
 * log and the rewrite of the file asked for; then the WAL truncated and, for a small ledger, the file
 * rewritten at once (scrub.ts). Ids not (or no longer) in the ledger are passed over.
 */
async function forget(
  store: Store,
  ids: readonly string[],
  at: WriteContext,
  kind: 'erase' | 'empty_trash' | 'anonymise',
  scrubAtOnce: number,
  work: (trx: Transaction<Database>, part: readonly string[]) => Promise<void>,
): Promise<Written<{ count: number }>> {
  const found = await store.db.transaction().execute(async (trx) => {
    const found = await existing(trx, ids)
    if (found.length === 0) return found
    const phrases = await identifyingPhrases(trx, found)
    await redactStories(trx, phrases)
    if (phrases.size > 0) await redactStoryTexts(trx, phrases, erasedMark)
    await clearUnlinked(trx, found)
    for (const part of chunks(found)) await work(trx, part)
    await logPrivacy(trx, kind, at.now, found.length)
    await markScrubPending(trx)
    return found
  })
  if (found.length > 0) {
    store.checkpoint()
    await scrubAfterErase(store, scrubAtOnce)
  }
  return written({ count: found.length }, { people: found })
}

/** Erases these people for good; answers how many were erased. */
export const erasePeople = (
  store: Store,
  ids: readonly string[],
  at: WriteContext,
  kind: 'erase' | 'empty_trash' = 'erase',
  scrubAtOnce = scrubAtOnceBytes,
) =>
  forget(store, ids, at, kind, scrubAtOnce, async (trx, part) => {
    await trx.deleteFrom('person').where('id', 'in', part).execute()
  })

/** Everyone in the trash (or there since before `before`, for the trash emptying by itself). */
export async function emptyTrash(
  store: Store,
  at: WriteContext,
  before?: string,
): Promise<Written<{ count: number }>> {
  let query = store.db.selectFrom('person').select('id').where('deleted_at', 'is not', null)
  if (before) query = query.where('deleted_at', '<', before)
  const ids = (await query.execute()).map((row) => row.id)
  return erasePeople(store, ids, at, 'empty_trash')
}

/**
 * Anonymises these people: the row stays for the report's counts, with nothing left that names or
 * locates them; their free text goes from moments, follow-ups, connections and consent records.
 */
export const anonymisePeople = (
  store: Store,
  ids: readonly string[],
  at: WriteContext,
  scrubAtOnce = scrubAtOnceBytes,
) =>
  forget(store, ids, at, 'anonymise', scrubAtOnce, async (trx, part) => {
    const stamp = at.now.toISOString()
    await trx
      .updateTable('person')
      .set({
        first_name: '',
        tussenvoegsel: null,
        last_name: null,
        nickname: null,
        name_key: '',
        street: null,
        house_number: null,
        address_key: null,
        postcode: null,
        phone: null,
        email: null,
        wish: null,
        strength: null,
        need: null,
        note: null,
        availability_note: null,
        consent_scope: null,
        consent_note: null,
        keep_until: null,
        keep_reason: null,
        anonymised_at: stamp,
        updated_at: stamp,
      })
      .where('id', 'in', part)
      .execute()
    await trx
      .updateTable('contact_moment')
      .set({ note: null, place: null })
      .where('person_id', 'in', part)
      .execute()
    // Nobody to get back to. What the report counts stays: one already late stays late (hidden
    // from Vandaag), one not yet due goes; all keep only their dates and status.
    await trx
      .deleteFrom('follow_up')
      .where('person_id', 'in', part)
      .where('status', '=', 'open')
      .where('due_on', '>=', at.today)
      .execute()
    await trx
      .updateTable('follow_up')
      .set({ reason: null, done_note: null, hidden: 1 })
      .where('person_id', 'in', part)
      .execute()
    await trx.deleteFrom('person_event').where('person_id', 'in', part).execute()
    await trx.deleteFrom('consent').where('person_id', 'in', part).execute()
    await trx
      .updateTable('connection')
      .set({ note: null, stop_reason: null })
      .where((eb) => eb.or([eb('person_id', 'in', part), eb('other_person_id', 'in', part)]))
      .execute()
    await sql`UPDATE connection_event SET note = NULL, reason = NULL WHERE connection_id IN (
          SELECT id FROM connection WHERE person_id IN (${sql.join(part)})
            OR other_person_id IN (${sql.join(part)}))`.execute(trx)
  })
