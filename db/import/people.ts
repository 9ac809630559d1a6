import type { Transaction } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { PreviewPerson } from '../../shared/import'
import type { TagRef } from '../../shared/person'
import { foldKey } from '../../shared/text'
import { followUpRow, ruleFollowUps } from '../ledger/followup-rules'
import { tagIdsFor, wijkIdFor } from '../ledger/lookups'
import { momentRow } from '../ledger/moments'
import { personRow, personTags } from '../ledger/people'
import { columnsFrom, fieldsFrom, toPerson } from '../ledger/rows'
import type { WriteContext } from '../ledger/write-context'
import { newId } from '../store/ids'
import type {
  ContactMomentRow,
  Database,
  FollowUpRow,
  NewPersonRow,
  PersonRow,
} from '../store/schema'
import { localDate } from '../../shared/dates'
import { fieldsOf, mergePeople, previewOf } from './merge'
import type { Destination } from './plan'
import { storable } from './storable'

/**
 * What each destination of an import becomes: a new person's rows, or an update of the person
 * merged into, with the contact moments, follow-ups and rules the ledger would give them, made by
 * the ledger's own row builders (ledger/rows.ts, moments.ts, followup-rules.ts).
 */

/** What the import made for one person: undo takes exactly these away again. */
export interface Created {
  moments: string[]
  followUps: string[]
}

/** Everything one import writes, gathered first, inserted in chunks after. */
export interface Rows {
  people: NewPersonRow[]
  personTags: { person_id: string; tag_id: string }[]
  moments: ContactMomentRow[]
  followUps: FollowUpRow[]
  records: Database['import_person'][]
  touched: string[]
}

/** The wijken and tags the import names, each looked up or made once. */
export interface Lookups {
  wijkId(person: PreviewPerson): string | null
  tagId(tag: TagRef): string | undefined
}

const tagKey = (tag: TagRef) => `${tag.kind}:${foldKey(tag.name)}`

export async function lookups(
  trx: Transaction<Database>,
  destinations: Destination[],
  at: WriteContext,
): Promise<Lookups> {
  const wijken = new Map<string, string | null>()
  for (const { person } of destinations) {
    if (person.wijk && !wijken.has(foldKey(person.wijk))) {
      wijken.set(foldKey(person.wijk), await wijkIdFor(trx, person.wijk, at.now))
    }
  }
  const distinct = new Map<string, TagRef>()
  for (const { person } of destinations) {
    for (const tag of person.tags) if (!distinct.has(tagKey(tag))) distinct.set(tagKey(tag), tag)
  }
  const tagIds = new Map<string, string>()
  const refs = [...distinct.values()]
  for (let i = 0; i < refs.length; i += 200) {
    const chunk = refs.slice(i, i + 200)
    const ids = await tagIdsFor(trx, chunk, at.now)
    chunk.forEach((ref, k) => tagIds.set(tagKey(ref), ids[k]!))
  }
  return {
    wijkId: (person) => (person.wijk ? wijken.get(foldKey(person.wijk))! : null),
    tagId: (tag) => tagIds.get(tagKey(tag)),
  }
}

/**
 * A row's contact dates and "terugbellen" dates, as moments and follow-ups (made by the ledger);
 * and the rest of a note longer than the form keeps, as contact notes on her last contact date
 * (or today).
 */
function addMomentsAndFollowUps(
  rows: Rows,
  personId: string,
  destination: Destination,
  noteRest: readonly string[],
  importId: string,
  at: WriteContext,
): Created {
  const created: Created = { moments: [], followUps: [] }
  const note = translate(nl, 'import.momentNote')
  const add = (date: string, text: string) => {
    const moment = momentRow(personId, { date, channel: 'anders', note: text }, at)
    created.moments.push(moment.id)
    rows.moments.push(moment)
  }
  for (const date of destination.contactDates) add(date, note)
  const restDate = noteDate(destination, at)
  noteRest.forEach((text, i) =>
    add(
      restDate,
      `${translate(nl, 'import.noteRest', { part: i + 1, parts: noteRest.length })}\n${text}`,
    ),
  )
  for (const { dueOn, reason } of destination.followUps) {
    const followUp = followUpRow(personId, { dueOn, reason: reason || null, source: 'manual' }, at)
    created.followUps.push(followUp.id)
    rows.followUps.push({ ...followUp, import_id: importId })
  }
  return created
}

/** The day the rest of a long note is kept on: her last contact date, or today. */
const noteDate = (destination: Destination, at: WriteContext) =>
  [...destination.contactDates].sort().at(-1) ?? localDate(at.now)

export function addNewPerson(
  rows: Rows,
  destination: Destination,
  lookup: Lookups,
  importId: string,
  at: WriteContext,
): void {
  const id = newId(at.now.getTime())
  const { person, noteRest: rest } = destination
  const stamp = at.now.toISOString()
  const lastContactOn =
    [...destination.contactDates, ...(rest.length > 0 ? [noteDate(destination, at)] : [])]
      .sort()
      .at(-1) ?? null
  rows.people.push({
    id,
    ...columnsFrom(fieldsOf(person), lookup.wijkId(person)),
    status: 'active',
    last_contact_on: lastContactOn,
    created_at: stamp,
    updated_at: stamp,
    deleted_at: null,
  })
  for (const tag of person.tags) rows.personTags.push({ person_id: id, tag_id: lookup.tagId(tag)! })
  const created = addMomentsAndFollowUps(rows, id, destination, rest, importId, at)
  // The rules a save keeps ("beschikbaar vanaf"), for someone who had no follow-ups yet.
  const rules = ruleFollowUps(
    id,
    { availableFrom: person.availableFrom, cadence: null, lastContactOn },
    at,
  )
  rows.followUps.push(...rules.map((followUp) => ({ ...followUp, import_id: importId })))
  created.followUps.push(...rules.map((followUp) => followUp.id))
  rows.records.push({
    import_id: importId,
    person_id: id,
    action: 'added',
    before: null,
    created: JSON.stringify(created),
  })
  rows.touched.push(id)
}

/**
 * Merges rows into someone already in the ledger: her row as the ledger maps it, the rows merged
 * in (nothing lost, see merge.ts), what the import does not know kept as it was. What she was
 * before is kept with the import, for undo.
 */
export async function mergeInto(
  trx: Transaction<Database>,
  rows: Rows,
  destination: Destination,
  lookup: Lookups,
  importId: string,
  at: WriteContext,
): Promise<void> {
  const id = destination.existingId!
  const row = (await personRow(trx, id))!
  const tags = await personTags(trx, id)
  const openFollowUps = await trx
    .selectFrom('follow_up')
    .selectAll()
    .where('person_id', '=', id)
    .where('status', '=', 'open')
    .execute()
  const base = fieldsFrom({ ...toPerson(row), tags })
  // Her note and the row's together may be longer than the form keeps: the rest to contact notes.
  const fitted = storable(mergePeople(previewOf(base), destination.person), destination.longNote)
  const merged = fitted.person
  const rest = [...fitted.rest, ...destination.noteRest]
  const wijkId = merged.wijk ? await wijkIdFor(trx, merged.wijk, at.now) : null
  const lastContactOn =
    [
      row.last_contact_on,
      ...destination.contactDates,
      ...(rest.length > 0 ? [noteDate(destination, at)] : []),
    ]
      .filter((d): d is string => !!d)
      .sort()
      .at(-1) ?? null
  await trx
    .updateTable('person')
    .set({
      ...columnsFrom(fieldsOf(merged, base), wijkId),
      last_contact_on: lastContactOn,
      updated_at: at.now.toISOString(),
    })
    .where('id', '=', id)
    .execute()
  const had = new Set(tags.map((tag) => tag.id))
  const added = merged.tags
    .map((tag) => lookup.tagId(tag))
    .filter((tagId): tagId is string => !!tagId && !had.has(tagId))
  if (added.length > 0) {
    await trx
      .insertInto('person_tag')
      .values(added.map((tag_id) => ({ person_id: id, tag_id })))
      .execute()
  }
  const { wijk: _, ...stored } = row
  rows.records.push({
    import_id: importId,
    person_id: id,
    action: 'merged',
    before: JSON.stringify({
      person: stored satisfies PersonRow,
      tagIds: [...had],
      followUps: openFollowUps,
    }),
    created: JSON.stringify(addMomentsAndFollowUps(rows, id, destination, rest, importId, at)),
  })
  rows.touched.push(id)
}
