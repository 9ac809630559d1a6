import type { Transaction } from 'kysely'
import type { ImportProgress, ImportReport, ImportTarget, RowDecision } from '../../shared/import'
import { syncAvailableFrom, syncCadence } from '../ledger/followup-rules'
import type { WriteContext } from '../ledger/write-context'
import { newId } from '../store/ids'
import type { Database } from '../store/schema'
import { written, type Written } from '../store/written'
import { addNewPerson, lookups, mergeInto, type Created, type Rows } from './people'
import { plan, type Destination } from './plan'
import { requireSession, type ImportWork } from './session'

/**
 * Step 5: all rows in one transaction (all or none), with a report kept with the import. Rows that
 * go to the same person (merged) become one person, or one update of the person already there.
 */
export async function commitImport(
  work: ImportWork,
  input: { sessionId: string; mapping: ImportTarget[]; decisions: RowDecision[] },
  at: WriteContext,
): Promise<Written<ImportReport>> {
  const { state } = work
  const session = requireSession(state, input.sessionId)
  const progress: ImportProgress = { phase: 'importing', done: 0, total: 1 }
  state.progress = progress
  try {
    const planned = await plan(work, input, progress)
    const stamp = at.now.toISOString()
    const importId = newId(at.now.getTime())
    const report: ImportReport = {
      id: importId,
      fileName: session.file.fileName,
      createdAt: stamp,
      added: planned.destinations.filter((d) => !d.existingId).length,
      merged: planned.merged,
      skipped: planned.skipped,
      keptInNote: planned.keptInNote,
      emptyRows: planned.emptyRows,
      undoneAt: null,
    }
    const touched = await work.db.transaction().execute(async (trx) => {
      // First the import itself: the follow-ups it makes name it.
      await trx
        .insertInto('import_batch')
        .values({
          id: importId,
          file_name: report.fileName,
          created_at: stamp,
          report: JSON.stringify(report),
          undone_at: null,
        })
        .execute()
      const written = await write(trx, planned.destinations, importId, at, progress)
      await insertChunked(written.records, 200, (chunk) =>
        trx.insertInto('import_person').values(chunk).execute(),
      )
      return written.touched
    })
    state.session = undefined
    return written(report, { people: touched })
  } finally {
    state.progress = null
  }
}

/** Inserts in chunks that stay well under SQLite's limit on bound values, yielding in between. */
async function insertChunked<T>(
  rows: readonly T[],
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
  progress?: ImportProgress,
) {
  for (let i = 0; i < rows.length; i += size) {
    await insert(rows.slice(i, i + size))
    if (progress) progress.done += Math.min(size, rows.length - i)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/**
 * After the rows are in: the rules a save keeps ("beschikbaar vanaf", the cadence), for the people
 * merged into, and the follow-ups they made remembered for undo.
 */
async function keepRulesOfMerged(
  trx: Transaction<Database>,
  rows: Rows,
  merges: Destination[],
  at: WriteContext,
): Promise<void> {
  const stamp = at.now.toISOString()
  const madeNow = async (id: string) =>
    (
      await trx
        .selectFrom('follow_up')
        .select('id')
        .where('person_id', '=', id)
        .where('created_at', '=', stamp)
        .execute()
    ).map((f) => f.id)
  for (const destination of merges) {
    const id = destination.existingId!
    const person = await trx
      .selectFrom('person')
      .select(['available_from', 'cadence'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    const before = new Set(await madeNow(id))
    await syncAvailableFrom(trx, id, person.available_from, at)
    if (person.cadence) await syncCadence(trx, id, at)
    const record = rows.records.find((r) => r.person_id === id)!
    const created = JSON.parse(record.created) as Created
    const made = (await madeNow(id)).filter((fid) => !before.has(fid))
    if (made.length > 0) {
      await trx
        .updateTable('follow_up')
        .set({ import_id: record.import_id })
        .where('id', 'in', made)
        .execute()
    }
    created.followUps.push(...made)
    record.created = JSON.stringify(created)
  }
}

async function write(
  trx: Transaction<Database>,
  destinations: Destination[],
  importId: string,
  at: WriteContext,
  progress: ImportProgress,
) {
  const lookup = await lookups(trx, destinations, at)
  const rows: Rows = {
    people: [],
    personTags: [],
    moments: [],
    followUps: [],
    records: [],
    touched: [],
  }
  const merges = destinations.filter((destination) => destination.existingId)
  for (const destination of destinations) {
    if (!destination.existingId) addNewPerson(rows, destination, lookup, importId, at)
  }
  // From here on the bar counts people written, from the start again.
  progress.done = 0
  progress.total = rows.people.length + merges.length
  // 30-odd columns a person: 100 people stay far under SQLite's 32,766 bound values.
  await insertChunked(
    rows.people,
    100,
    (chunk) => trx.insertInto('person').values(chunk).execute(),
    progress,
  )
  await insertChunked(rows.personTags, 500, (chunk) =>
    trx.insertInto('person_tag').values(chunk).execute(),
  )
  for (const destination of merges) {
    await mergeInto(trx, rows, destination, lookup, importId, at)
    progress.done++
  }
  await insertChunked(rows.moments, 100, (chunk) =>
    trx.insertInto('contact_moment').values(chunk).execute(),
  )
  await insertChunked(rows.followUps, 100, (chunk) =>
    trx.insertInto('follow_up').values(chunk).execute(),
  )
  await keepRulesOfMerged(trx, rows, merges, at)
  return { records: rows.records, touched: rows.touched }
}
