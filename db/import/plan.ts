import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type {
  ImportProgress,
  ImportTarget,
  PreviewPerson,
  RowDecision,
  SkippedRow,
} from '../../shared/import'
import { StoreError } from '../store/errors'
import { convertRow } from './convert'
import { DuplicateFinder } from './duplicates'
import { mergePeople } from './merge'
import { dataRows, mappedColumns, requireSession, yieldEvery, type ImportWork } from './session'

/** Who a row ends up as: a new person, or someone already in the ledger. */
export interface Destination {
  existingId?: string
  person: PreviewPerson
  rows: number[]
  contactDates: Set<string>
  /** dueOn → her column's header as the reason ("Terugbellen"). */
  followUps: Map<string, string>
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
  const finder = await DuplicateFinder.forLedger(work.db)
  const destinations: Destination[] = []
  const byExisting = new Map<string, Destination>()
  const byRow = new Map<number, Destination>()
  const skipped: SkippedRow[] = []
  const undecided: number[] = []
  let merged = 0
  let keptInNote = 0
  progress.total = rows.length
  for (const [i, { row, cells }] of rows.entries()) {
    await yieldEvery(i, 1000)
    progress.done = i
    const decision = decisions.get(row)
    const converted = convertRow(columns, cells, row, decision?.fixes)
    const duplicate = finder.match(row, converted.person)
    finder.remember(row, converted.person)
    const fieldProblems = converted.problems.filter((problem) => problem.kind !== 'nameMissing')
    if (decision?.skip) skipped.push({ row, reason: 'chosen' })
    else if (converted.blocked) skipped.push({ row, reason: 'nameMissing' })
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
          destination = newDestination(converted.person, duplicate.personId)
          byExisting.set(duplicate.personId!, destination)
          destinations.push(destination)
        }
        if (destination) merged++
      }
      if (!destination) {
        destination = newDestination(converted.person)
        destinations.push(destination)
      }
      destination.rows.push(row)
      if (converted.person.contactDate) destination.contactDates.add(converted.person.contactDate)
      if (converted.person.followUpOn) {
        const header = columns.find((column) => column.target === 'followUpOn')?.header ?? ''
        destination.followUps.set(converted.person.followUpOn, header.slice(0, 200))
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
  return { destinations, skipped, merged, keptInNote, emptyRows: empty }
}

const newDestination = (person: PreviewPerson, existingId?: string): Destination => ({
  ...(existingId ? { existingId } : {}),
  person,
  rows: [],
  contactDates: new Set(),
  followUps: new Map(),
})
