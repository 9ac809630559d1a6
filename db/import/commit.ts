import type { Transaction } from 'kysely'
import type { ImportProgress, ImportReport, ImportTarget, RowDecision } from '../../shared/import'
import { syncAvailableFrom, syncCadence } from '../ledger/followup-rules'
import type { WriteContext } from '../ledger/write-context'
import type { BulkInsert } from '../store/bulk'
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
      return write(trx, work.bulk, planned.destinations, importId, at, progress)
    })
    state.session = undefined
    return written(report, { people: touched })
  } finally {
    state.progress = null
  }
}

/**
 * After the rows are in: the rules a save keeps ("beschikbaar vanaf", the cadence), for the people
 * merged into, and the follow-ups they made remembered for undo.
 */
async function keepRulesOfMerged(
  trx: Transaction<Database>,
  records: readonly Database['import_person'][],
  merges: Destination[],
  at: WriteContext,
): Promise<void> {
  const recordOf = new Map(records.map((record) => [record.person_id, record]))
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
    const record = recordOf.get(id)!
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

/**
 * New people are built and written a few thousand at a time: a list of 100,000 never sits in memory
 * as rows, and each table gets its rows in long runs (a page cache that stays warm).
 */
const batchSize = 5000

const emptyRows = (): Rows => ({
  people: [],
  personTags: [],
  moments: [],
  followUps: [],
  records: [],
  touched: [],
})

/** One batch into the store, parents before what refers to them; then a breath for her progress bar. */
async function insertRows(bulk: BulkInsert, rows: Rows, progress: ImportProgress) {
  bulk.insert('person', rows.people)
  bulk.insert('person_tag', rows.personTags)
  bulk.insert('contact_moment', rows.moments)
  bulk.insert('follow_up', rows.followUps)
  bulk.insert('import_person', rows.records)
  progress.done += rows.people.length
  await new Promise((resolve) => setImmediate(resolve))
}

/** Everything the import writes; answers who it touched. */
async function write(
  trx: Transaction<Database>,
  bulk: BulkInsert,
  destinations: Destination[],
  importId: string,
  at: WriteContext,
  progress: ImportProgress,
): Promise<string[]> {
  const lookup = await lookups(trx, destinations, at)
  const added = destinations.filter((destination) => !destination.existingId)
  const merges = destinations.filter((destination) => destination.existingId)
  const touched: string[] = []
  // From here on the bar counts people written, from the start again.
  progress.done = 0
  progress.total = added.length + merges.length
  for (let i = 0; i < added.length; i += batchSize) {
    const rows = emptyRows()
    for (const destination of added.slice(i, i + batchSize)) {
      addNewPerson(rows, destination, lookup, importId, at)
    }
    await insertRows(bulk, rows, progress)
    touched.push(...rows.touched)
  }
  // Merges: her rows updated, their moments and follow-ups in, then the rules a save keeps; what
  // the import made for each is recorded last, for undo.
  const rows = emptyRows()
  for (const destination of merges) {
    await mergeInto(trx, rows, destination, lookup, importId, at)
    progress.done++
  }
  bulk.insert('contact_moment', rows.moments)
  bulk.insert('follow_up', rows.followUps)
  await keepRulesOfMerged(trx, rows.records, merges, at)
  bulk.insert('import_person', rows.records)
  touched.push(...rows.touched)
  return touched
}
