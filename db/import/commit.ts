import type { Transaction } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type {
  ImportProgress,
  ImportReport,
  ImportTarget,
  PreviewPerson,
  RowDecision,
  SkippedRow,
} from '../../shared/import'
import { maskToSlots, slots } from '../../shared/ledger'
import { address, type PersonFields, type TagRef } from '../../shared/person'
import { foldKey } from '../../shared/text'
import { StoreError } from '../store/errors'
import { syncAvailableFrom, syncCadence } from '../ledger/followup-rules'
import { newId } from '../store/ids'
import { tagIdsFor, wijkIdFor } from '../ledger/lookups'
import type { WriteContext } from '../ledger/write-context'
import { columnsFrom, personRow, personTags as tagsOf } from '../ledger/people'
import type { Database, FollowUpRow, NewPersonRow, PersonRow } from '../store/schema'
import { written, type Written } from '../store/written'
import { convertRow } from './convert'
import { DuplicateFinder } from './duplicates'
import { dataRows, mappedColumns, requireSession, yieldEvery, type ImportWork } from './session'

/** Who a row ends up as: a new person, or someone already in the ledger. */
interface Destination {
  existingId?: string
  person: PreviewPerson
  rows: number[]
  contactDates: Set<string>
  /** dueOn → her column's header as the reason ("Terugbellen"). */
  followUps: Map<string, string>
}

interface Plan {
  destinations: Destination[]
  skipped: SkippedRow[]
  merged: number
  keptInNote: number
  emptyRows: number
}

const fieldLabel = (field: 'nickname' | 'postcode' | 'wijk' | 'phone' | 'email' | 'street') =>
  translate(nl, `fields.${field}`)

const joinText = (a: string | null, b: string | null) => {
  if (!b || (a && foldKey(a).includes(foldKey(b)))) return a
  return a ? `${a}\n${b}` : b
}

/**
 * `extra` merged into `base`, losing nothing: empty fields are filled, tags and day parts added;
 * where both have a different value hers stays and the other goes into the note.
 */
export function mergePeople(base: PreviewPerson, extra: PreviewPerson): PreviewPerson {
  const merged: PreviewPerson = { ...base }
  const notes: string[] = []
  for (const field of ['nickname', 'postcode', 'wijk', 'phone', 'email'] as const) {
    const value = extra[field]
    if (!value) continue
    if (!base[field]) merged[field] = value
    else if (foldKey(base[field]) !== foldKey(value)) notes.push(`${fieldLabel(field)}: ${value}`)
  }
  if (extra.street) {
    if (!base.street) {
      merged.street = extra.street
      merged.houseNumber = extra.houseNumber
    } else if (foldKey(address(base)) !== foldKey(address(extra))) {
      notes.push(`${translate(nl, 'import.target.address')}: ${address(extra)}`)
    }
  }
  const tags = new Map<string, TagRef>()
  for (const tag of [...base.tags, ...extra.tags]) {
    const key = `${tag.kind}:${foldKey(tag.name)}`
    if (!tags.has(key)) tags.set(key, tag)
  }
  merged.tags = [...tags.values()].slice(0, 50)
  merged.wish = joinText(base.wish, extra.wish)
  merged.strength = joinText(base.strength, extra.strength)
  merged.need = joinText(base.need, extra.need)
  merged.availability = slots.filter(
    (slot) => base.availability.includes(slot) || extra.availability.includes(slot),
  )
  merged.availabilityNote = joinText(base.availabilityNote, extra.availabilityNote)
  merged.availableFrom = base.availableFrom ?? extra.availableFrom
  merged.firstMetOn =
    [base.firstMetOn, extra.firstMetOn].filter((d): d is string => !!d).sort()[0] ?? null
  merged.note = [base.note, notes.length ? notes.join('\n') : null, extra.note]
    .filter(Boolean)
    .join('\n')
  merged.note ||= null
  return merged
}

/** A stored person as the import's shape, to merge a row into. */
function previewOf(row: PersonRow & { wijk: string | null }, tags: TagRef[]): PreviewPerson {
  return {
    firstName: row.first_name,
    tussenvoegsel: row.tussenvoegsel,
    lastName: row.last_name,
    nickname: row.nickname,
    street: row.street,
    houseNumber: row.house_number,
    postcode: row.postcode,
    wijk: row.wijk,
    phone: row.phone,
    email: row.email,
    tags,
    wish: row.wish,
    strength: row.strength,
    need: row.need,
    availability: maskToSlots(row.availability),
    availableFrom: row.available_from,
    availabilityNote: row.availability_note,
    firstMetOn: row.first_met_on,
    contactDate: null,
    followUpOn: null,
    note: row.note,
  }
}

const orUndefined = <T>(value: T | null) => value ?? undefined

/** The import's shape as the fields a person is stored from (what import does not know stays empty). */
function fieldsOf(person: PreviewPerson): PersonFields {
  return {
    firstName: person.firstName!,
    tussenvoegsel: orUndefined(person.tussenvoegsel),
    lastName: orUndefined(person.lastName),
    nickname: orUndefined(person.nickname),
    street: orUndefined(person.street),
    houseNumber: orUndefined(person.houseNumber),
    postcode: orUndefined(person.postcode),
    wijk: orUndefined(person.wijk),
    phone: orUndefined(person.phone),
    email: orUndefined(person.email),
    wish: orUndefined(person.wish),
    strength: orUndefined(person.strength),
    need: orUndefined(person.need),
    note: orUndefined(person.note),
    tags: person.tags,
    availability: person.availability,
    availableFrom: orUndefined(person.availableFrom),
    availabilityNote: orUndefined(person.availabilityNote),
    metChannel: undefined,
    firstMetOn: orUndefined(person.firstMetOn),
    consentStatus: 'not_asked',
    consentDate: undefined,
    consentScope: undefined,
    consentNote: undefined,
    ageBand: undefined,
    cadence: undefined,
  }
}

/** Every row's fate, from her decisions; refuses while a possible duplicate is undecided. */
async function plan(
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

interface Created {
  moments: string[]
  followUps: string[]
}

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
      const ids = await write(trx, planned.destinations, importId, at, progress)
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
      await insertChunked(ids.records, 200, (chunk) =>
        trx.insertInto('import_person').values(chunk).execute(),
      )
      return ids.touched
    })
    state.session = undefined
    return written(report, { people: touched })
  } finally {
    state.progress = null
  }
}

async function write(
  trx: Transaction<Database>,
  destinations: Destination[],
  importId: string,
  at: WriteContext,
  progress: ImportProgress,
) {
  const stamp = at.now.toISOString()
  const wijken = new Map<string, string | null>()
  for (const { person } of destinations) {
    if (person.wijk && !wijken.has(foldKey(person.wijk))) {
      wijken.set(foldKey(person.wijk), await wijkIdFor(trx, person.wijk, at.now))
    }
  }
  const wijkId = (person: PreviewPerson) => (person.wijk ? wijken.get(foldKey(person.wijk))! : null)
  const tagKey = (tag: TagRef) => `${tag.kind}:${foldKey(tag.name)}`
  const distinctTags = new Map<string, TagRef>()
  for (const { person } of destinations) {
    for (const tag of person.tags)
      if (!distinctTags.has(tagKey(tag))) distinctTags.set(tagKey(tag), tag)
  }
  const tagIds = new Map<string, string>()
  const refs = [...distinctTags.values()]
  for (let i = 0; i < refs.length; i += 200) {
    const chunk = refs.slice(i, i + 200)
    const ids = await tagIdsFor(trx, chunk, at.now)
    chunk.forEach((ref, k) => tagIds.set(tagKey(ref), ids[k]!))
  }

  const people: NewPersonRow[] = []
  const personTags: { person_id: string; tag_id: string }[] = []
  const moments: Database['contact_moment'][] = []
  const followUps: FollowUpRow[] = []
  const records: Database['import_person'][] = []
  const touched: string[] = []
  const momentNote = translate(nl, 'import.momentNote')

  const addMomentsAndFollowUps = (personId: string, destination: Destination, created: Created) => {
    for (const date of destination.contactDates) {
      const id = newId(at.now.getTime())
      created.moments.push(id)
      moments.push({
        id,
        person_id: personId,
        date,
        channel: 'anders',
        place: null,
        note: momentNote,
        worker: at.worker,
        created_at: stamp,
      })
    }
    for (const [dueOn, reason] of destination.followUps) {
      const id = newId(at.now.getTime())
      created.followUps.push(id)
      followUps.push({
        id,
        person_id: personId,
        due_on: dueOn,
        reason: reason || null,
        status: 'open',
        source: 'manual',
        hidden: 0,
        created_at: stamp,
        closed_at: null,
        done_note: null,
      })
    }
  }

  const merges: Destination[] = []
  for (const destination of destinations) {
    if (destination.existingId) {
      merges.push(destination)
      continue
    }
    const id = newId(at.now.getTime())
    const { person } = destination
    const created: Created = { moments: [], followUps: [] }
    const lastContact = [...destination.contactDates].sort().at(-1) ?? null
    people.push({
      id,
      ...columnsFrom(fieldsOf(person), wijkId(person)),
      status: 'active',
      last_contact_on: lastContact,
      created_at: stamp,
      updated_at: stamp,
      deleted_at: null,
    })
    for (const tag of person.tags)
      personTags.push({ person_id: id, tag_id: tagIds.get(tagKey(tag))! })
    addMomentsAndFollowUps(id, destination, created)
    if (person.availableFrom) {
      const followUpId = newId(at.now.getTime())
      created.followUps.push(followUpId)
      followUps.push({
        id: followUpId,
        person_id: id,
        due_on: person.availableFrom,
        reason: null,
        status: 'open',
        source: 'available_from',
        hidden: 0,
        created_at: stamp,
        closed_at: null,
        done_note: null,
      })
    }
    records.push({
      import_id: importId,
      person_id: id,
      action: 'added',
      before: null,
      created: JSON.stringify(created),
    })
    touched.push(id)
  }

  // From here on the bar counts people written, from the start again.
  progress.done = 0
  progress.total = people.length + merges.length
  // 30-odd columns a person: 100 people stay far under SQLite's 32,766 bound values.
  await insertChunked(
    people,
    100,
    (chunk) => trx.insertInto('person').values(chunk).execute(),
    progress,
  )
  await insertChunked(personTags, 500, (chunk) =>
    trx.insertInto('person_tag').values(chunk).execute(),
  )

  for (const destination of merges) {
    const id = destination.existingId!
    const row = (await personRow(trx, id))!
    const tags = await tagsOf(trx, id)
    const openFollowUps = await trx
      .selectFrom('follow_up')
      .selectAll()
      .where('person_id', '=', id)
      .where('status', '=', 'open')
      .execute()
    const stored: PersonRow = { ...row }
    delete (stored as Partial<typeof row>).wijk
    const merged = mergePeople(previewOf(row, tags), destination.person)
    const columns = columnsFrom(
      fieldsOf(merged),
      merged.wijk ? await wijkIdFor(trx, merged.wijk, at.now) : null,
    )
    const lastContact =
      [row.last_contact_on, ...destination.contactDates]
        .filter((d): d is string => !!d)
        .sort()
        .at(-1) ?? null
    await trx
      .updateTable('person')
      .set({
        first_name: columns.first_name,
        street: columns.street,
        house_number: columns.house_number,
        address_key: columns.address_key,
        postcode: columns.postcode,
        wijk_id: columns.wijk_id,
        nickname: columns.nickname,
        phone: columns.phone,
        email: columns.email,
        wish: columns.wish,
        strength: columns.strength,
        need: columns.need,
        note: columns.note,
        availability: columns.availability,
        available_from: columns.available_from,
        availability_note: columns.availability_note,
        first_met_on: columns.first_met_on,
        last_contact_on: lastContact,
        updated_at: stamp,
      })
      .where('id', '=', id)
      .execute()
    const had = new Set(tags.map((tag) => tag.id))
    const added = merged.tags
      .map((tag) => tagIds.get(tagKey(tag)))
      .filter((tagId): tagId is string => !!tagId && !had.has(tagId))
    if (added.length > 0) {
      await trx
        .insertInto('person_tag')
        .values(added.map((tag_id) => ({ person_id: id, tag_id })))
        .execute()
    }
    const created: Created = { moments: [], followUps: [] }
    addMomentsAndFollowUps(id, destination, created)
    records.push({
      import_id: importId,
      person_id: id,
      action: 'merged',
      before: JSON.stringify({ person: stored, tagIds: [...had], followUps: openFollowUps }),
      created: JSON.stringify(created),
    })
    touched.push(id)
    progress.done++
  }

  await insertChunked(moments, 100, (chunk) =>
    trx.insertInto('contact_moment').values(chunk).execute(),
  )
  await insertChunked(followUps, 100, (chunk) =>
    trx.insertInto('follow_up').values(chunk).execute(),
  )
  // The rules a save keeps, for the people who were there: "beschikbaar vanaf" and the cadence.
  for (const destination of merges) {
    const id = destination.existingId!
    const person = await trx
      .selectFrom('person')
      .select(['available_from', 'cadence'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    const before = await trx
      .selectFrom('follow_up')
      .select('id')
      .where('person_id', '=', id)
      .where('created_at', '=', stamp)
      .execute()
    await syncAvailableFrom(trx, id, person.available_from, at)
    if (person.cadence) await syncCadence(trx, id, at)
    const after = await trx
      .selectFrom('follow_up')
      .select('id')
      .where('person_id', '=', id)
      .where('created_at', '=', stamp)
      .execute()
    const record = records.find((r) => r.person_id === id)!
    const created = JSON.parse(record.created) as Created
    const known = new Set(before.map((f) => f.id))
    created.followUps.push(...after.map((f) => f.id).filter((fid) => !known.has(fid)))
    record.created = JSON.stringify(created)
  }
  return { records, touched }
}
