import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type {
  ImportProgress,
  ImportTarget,
  LongNoteChoice,
  PreviewPerson,
  RowDecision,
  SkippedRow,
} from '../../shared/import'
import { StoreError } from '../store/errors'
import { convertRow } from './convert'
import { DuplicateFinder } from './duplicates'
import { mergePeople } from './merge'
import { storable } from './storable'
import {
  convertOptions,
  dataRows,
  mappedColumns,
  requireSession,
  yieldEvery,
  type ImportWork,
} from './session'

/** Who a row ends up as: a new person, or someone already in the ledger. */
export interface Destination {
  existingId?: string
  person: PreviewPerson
  rows: number[]
  /** Distinct, in the order the rows give them. */
  contactDates: string[]
  /** Each with her column's header as the reason ("Terugbellen"); one a date. */
  followUps: { dueOn: string; reason: string }[]
  /** What becomes of a note longer than the form keeps (her choice for the row; see storable.ts). */
  longNote: LongNoteChoice
  /** The rest of a note longer than the form keeps, for contact notes (see storable.ts). */
  noteRest: string[]
}

export interface Plan {
  destinations: Destination[]
  skipped: SkippedRow[]
  merged: number
  keptInNote: number
  emptyRows: number
}

/** Every row's fate, from her decisions; refuses while a possible duplicate is undecided. */
export async function plan(
  work: ImportWork,
  input: { sessionId: string; mapping: ImportTarget[]; decisions: RowDecision[] },
  progress: ImportProgress,
): Promise<Plan> {
  const session = requireSession(work.state, input.sessionId)
  const columns = mappedColumns(session, input.mapping)
  const { rows, empty } = dataRows(session, columns)
  const decisions = new Map(input.decisions.map((decision) => [decision.row, decision]))
  // The preview's finder has served: the ledger is read afresh (it may have changed since).
  session.preview = undefined
  const finder = await DuplicateFinder.forLedger(work.db)
  const destinations: Destination[] = []
  const byExisting = new Map<string, Destination>()
  const byRow = new Map<number, Destination>()
  const skipped: SkippedRow[] = []
  const undecided: number[] = []
  let merged = 0
  let keptInNote = 0
  const followUpHeader = (
    columns.find((column) => column.target === 'followUpOn')?.header ?? ''
  ).slice(0, 200)
  progress.total = rows.length
  for (const [i, { row, cells }] of rows.entries()) {
    await yieldEvery(i, 1000)
    progress.done = i
    const decision = decisions.get(row)
    const converted = convertRow(columns, cells, row, convertOptions(session, decision?.fixes))
    const duplicate = finder.match(row, converted.person)
    finder.remember(row, converted.person)
    const fieldProblems = converted.problems.filter((problem) => problem.kind !== 'nameMissing')
    if (decision?.skip) skipped.push({ row, reason: 'chosen' })
    // A totals row is skipped unless she says to import it after all.
    else if (converted.notResident && decision?.skip !== false) {
      skipped.push({ row, reason: 'notResident' })
    } else if (converted.blocked) skipped.push({ row, reason: 'nameMissing' })
    else if (fieldProblems.length > 0 && decision?.problems === 'skip') {
      skipped.push({ row, reason: 'problems' })
    } else if (duplicate && !decision?.duplicate) undecided.push(row)
    else if (duplicate && decision?.duplicate === 'skip') skipped.push({ row, reason: 'duplicate' })
    else {
      keptInNote += fieldProblems.length
      let destination: Destination | undefined
      if (duplicate && decision?.duplicate === 'merge') {
        destination =
          duplicate.kind === 'existing'
            ? byExisting.get(duplicate.personId!)
            : byRow.get(duplicate.row!)
        if (destination) destination.person = mergePeople(destination.person, converted.person)
        else if (duplicate.kind === 'existing') {
          destination = newDestination(converted.person, decision, duplicate.personId)
          byExisting.set(duplicate.personId!, destination)
          destinations.push(destination)
        }
        if (destination) merged++
      }
      if (!destination) {
        destination = newDestination(converted.person, decision)
        destinations.push(destination)
      }
      destination.rows.push(row)
      if (decision?.longNote === 'shorten') destination.longNote = 'shorten'
      const { contactDate, followUpOn } = converted.person
      if (contactDate && !destination.contactDates.includes(contactDate)) {
        destination.contactDates.push(contactDate)
      }
      if (followUpOn && !destination.followUps.some((f) => f.dueOn === followUpOn)) {
        destination.followUps.push({ dueOn: followUpOn, reason: followUpHeader })
      }
      byRow.set(row, destination)
    }
  }
  if (undecided.length > 0) {
    throw new StoreError(
      'conflict',
      translate(nl, `import.errors.undecided_${undecided.length === 1 ? 'one' : 'other'}`, {
        count: undecided.length,
        rows: undecided.slice(0, 5).join(', ') + (undecided.length > 5 ? ', …' : ''),
      }),
    )
  }
  // Every value as the person form can save it, before anything is looked up or written.
  for (const destination of destinations) {
    const { person, rest } = storable(destination.person, destination.longNote)
    destination.person = person
    destination.noteRest = rest
  }
  return { destinations, skipped, merged, keptInNote, emptyRows: empty }
}

const newDestination = (
  person: PreviewPerson,
  decision: RowDecision | undefined,
  existingId?: string,
): Destination => ({
  ...(existingId ? { existingId } : {}),
  person,
  rows: [],
  contactDates: [],
  followUps: [],
  longNote: decision?.longNote ?? 'moment',
  noteRest: [],
})
