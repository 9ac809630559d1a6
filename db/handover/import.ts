import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { HandoverCommit, HandoverMatch, HandoverPreview } from '../../shared/handover'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { DuplicateChoice, ImportReport, SkippedRow } from '../../shared/import'
import { displayName, personLimits, type TagRef } from '../../shared/person'
import { foldKey } from '../../shared/text'
import { DuplicateFinder } from '../import/duplicates'
import { tagIdsFor, wijkIdFor } from '../ledger/lookups'
import { addressKeyOf, nameKeyOf } from '../ledger/rows'
import type { WriteContext } from '../ledger/write-context'
import type { Platform } from '../platform/platform'
import type { BulkInsert } from '../store/bulk'
import { StoreError } from '../store/errors'
import { newId } from '../store/ids'
import type { Database, PersonRow } from '../store/schema'
import { written, type Written } from '../store/written'
import {
  handoverExtension,
  headBytes,
  isHandover,
  maxPayloadBytes,
  openHandover,
  type HandoverPayload,
  type HandoverPerson,
} from './file'

/**
 * Receiving an overdrachtsbestand, in the import's manner: she chooses the file (its path stays in
 * the main process), gives its password and sees who is in it and who may be someone she has
 * already; she decides for each possible duplicate (merge, add as new, skip: a name alone never
 * makes one); then everything goes in in one transaction, kept as an import so that it can be
 * undone (db/import/history.ts). Residents keep the ids they had: one handed over before is found
 * again by it and brought up to date, never doubled, and so are his moments, follow-ups and
 * consents. Each gets "Overgedragen door … op …" on his timeline.
 */

export interface HandoverState {
  path?: string
  /** After the password: what the file holds, and what was matched when she saw it. */
  opened?: { payload: HandoverPayload; fileName: string }
}

const handoverError = (key: string, values?: Record<string, string | number>) =>
  new StoreError('invalid_input', translate(nl, `handover.${key}`, values))

export async function chooseHandover(
  platform: Pick<Platform, 'chooseFile'>,
  state: HandoverState,
): Promise<{ fileName: string } | null> {
  const path = await platform.chooseFile({
    title: translate(nl, 'handover.openTitle'),
    filters: [{ name: translate(nl, 'handover.fileKind'), extensions: [handoverExtension] }],
  })
  if (path === null) return null
  // Its header only: the whole file is read once, when the password opens it.
  const { head, size } = readHead(path)
  if (size > maxPayloadBytes || !isHandover(head, size)) {
    throw new StoreError('file_unreadable', translate(nl, 'handover.notAHandover'))
  }
  state.path = path
  state.opened = undefined
  return { fileName: basename(path) }
}

function readHead(path: string): { head: Buffer; size: number } {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    throw new StoreError('file_unreadable', translate(nl, 'handover.notAHandover'))
  }
  try {
    const head = Buffer.alloc(headBytes)
    const read = readSync(fd, head, 0, headBytes, 0)
    return { head: head.subarray(0, read), size: fstatSync(fd).size }
  } finally {
    closeSync(fd)
  }
}

/** The file, unless it cannot be one (unreadable, or far larger than any handover). */
function readWhole(path: string): Buffer {
  try {
    if (statSync(path).size > maxPayloadBytes) throw new Error('too large')
    return readFileSync(path)
  } catch {
    throw new StoreError('file_unreadable', translate(nl, 'handover.notAHandover'))
  }
}

/** The password opens the file; she sees what it holds. Nothing in her ledger changes yet. */
export async function unlockHandover(
  db: Kysely<Database>,
  state: HandoverState,
  password: string,
): Promise<HandoverPreview> {
  if (!state.path) throw handoverError('nothingChosen')
  const opened = await openHandover(readWhole(state.path), password)
  if (!opened.ok) {
    if (opened.reason === 'wrong_password') {
      throw new StoreError('wrong_password', translate(nl, 'handover.wrongPassword'))
    }
    throw new StoreError(
      'file_unreadable',
      translate(nl, `handover.${opened.reason === 'damaged' ? 'damaged' : 'notAHandover'}`),
    )
  }
  const { payload } = opened
  state.opened = { payload, fileName: basename(state.path) }
  const { known, matches } = await matchAll(db, payload)
  return {
    fileName: state.opened.fileName,
    from: payload.from,
    organisation: payload.organisation,
    createdAt: payload.createdAt,
    includesNotes: payload.includesNotes,
    people: payload.people.length,
    known: [...known.values()].filter((person) => !person.gone).length,
    matches,
  }
}

const nameOf = (person: HandoverPerson) =>
  displayName({
    firstName: person.first_name,
    tussenvoegsel: person.tussenvoegsel,
    lastName: person.last_name,
  })

/**
 * Who of the file is in her ledger already: by id (handed over before), else possibly by the
 * import's rule (the same name and the same phone, e-mail or street + number).
 */
async function matchAll(db: Kysely<Database>, payload: HandoverPayload) {
  const ids = payload.people.map((person) => person.id)
  // Known by id; `gone`: in her trash or anonymised, which a handover must not undo.
  const known = new Map<string, { gone: boolean }>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('person')
      .select(['id', 'deleted_at', 'anonymised_at'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
    for (const row of rows) {
      known.set(row.id, { gone: row.deleted_at !== null || row.anonymised_at !== null })
    }
  }
  const finder = await DuplicateFinder.forLedger(db)
  const matches: HandoverMatch[] = []
  payload.people.forEach((person, index) => {
    if (known.has(person.id)) return
    // Residents of one file are different people by their ids: compared with her ledger only.
    const match = finder.match(index + 1, {
      firstName: person.first_name,
      tussenvoegsel: person.tussenvoegsel,
      lastName: person.last_name,
      phone: person.phone,
      email: person.email,
      street: person.street,
      houseNumber: person.house_number,
    })
    if (match?.kind !== 'existing') return
    matches.push({
      row: index + 1,
      name: nameOf(person),
      wijk: person.wijk,
      personId: match.personId!,
      existingName: match.name,
      reasons: match.reasons,
    })
  })
  return { known, matches }
}

async function existing(
  trx: Transaction<Database>,
  table: 'contact_moment' | 'follow_up' | 'consent',
  items: readonly { id: string }[],
): Promise<Set<string>> {
  const have = new Set<string>()
  for (let i = 0; i < items.length; i += 500) {
    const rows = await trx
      .selectFrom(table)
      .select('id')
      .where(
        'id',
        'in',
        items.slice(i, i + 500).map((item) => item.id),
      )
      .execute()
    for (const row of rows) have.add(row.id)
  }
  return have
}

/** What one resident of the file was before the handover touched him: undo puts it back. */
interface Before {
  person: PersonRow
  tagIds: string[]
  followUps: Database['follow_up'][]
  consentCurrent: { id: string; current: number }[]
}

/** What the handover made for one resident already in her ledger: undo takes exactly these. */
interface Created {
  moments: string[]
  followUps: string[]
  consents: string[]
  events: string[]
}

export async function commitHandover(
  db: Kysely<Database>,
  bulk: BulkInsert,
  state: HandoverState,
  input: HandoverCommit,
  at: WriteContext,
): Promise<Written<ImportReport>> {
  const opened = state.opened
  if (!opened) throw handoverError('nothingChosen')
  const { payload } = opened
  // Her ledger may have changed since she saw the preview: matched afresh.
  const { known, matches } = await matchAll(db, payload)
  const decisions = new Map(input.decisions.map((decision) => [decision.row, decision.choice]))
  const matchOf = new Map(matches.map((match) => [match.row, match]))
  const undecided = matches.filter((match) => !decisions.has(match.row)).map((m) => m.row)
  if (undecided.length > 0) {
    throw new StoreError(
      'conflict',
      translate(nl, `handover.undecided_${undecided.length === 1 ? 'one' : 'other'}`, {
        count: undecided.length,
      }),
    )
  }
  const stamp = at.now.toISOString()
  const importId = newId(at.now.getTime())
  const skipped: SkippedRow[] = []
  let added = 0
  let merged = 0
  const provenance = JSON.stringify({
    by: [payload.from, payload.organisation].filter(Boolean).join(', ') || '—',
    on: payload.createdAt.slice(0, 10),
  })

  const touched = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('import_batch')
      .values({
        id: importId,
        file_name: opened.fileName,
        created_at: stamp,
        report: '{}',
        undone_at: null,
      })
      .execute()
    const write = await writer(trx, bulk, payload, importId, at, provenance)
    const people: string[] = []
    for (const [index, person] of payload.people.entries()) {
      const row = index + 1
      const same = known.get(person.id)
      const match = matchOf.get(row)
      const choice: DuplicateChoice | undefined = match ? decisions.get(row) : undefined
      if (same?.gone) {
        // In her trash or anonymised: her decision; a handover does not bring him back.
        skipped.push({ row, reason: 'chosen' })
      } else if (same) {
        await write.merge(person, person.id, true)
        merged++
        people.push(person.id)
      } else if (choice === 'skip') {
        skipped.push({ row, reason: 'duplicate' })
      } else if (choice === 'merge') {
        await write.merge(person, match!.personId, false)
        merged++
        people.push(match!.personId)
      } else {
        await write.add(person)
        added++
        people.push(person.id)
      }
    }
    const report: ImportReport = {
      id: importId,
      fileName: opened.fileName,
      createdAt: stamp,
      added,
      merged,
      skipped,
      keptInNote: 0,
      emptyRows: 0,
      undoneAt: null,
    }
    await trx
      .updateTable('import_batch')
      .set({ report: JSON.stringify(report) })
      .where('id', '=', importId)
      .execute()
    return { people, report }
  })
  state.path = undefined
  state.opened = undefined
  return written(touched.report, { people: touched.people })
}

/** The rows of one handover, written person by person inside its transaction. */
async function writer(
  trx: Transaction<Database>,
  bulk: BulkInsert,
  payload: HandoverPayload,
  importId: string,
  at: WriteContext,
  provenance: string,
) {
  const stamp = at.now.toISOString()
  // Which of the file's moments, follow-ups and consents her ledger has already, asked once.
  const had = {
    contact_moment: await existing(
      trx,
      'contact_moment',
      payload.people.flatMap((p) => p.moments),
    ),
    follow_up: await existing(
      trx,
      'follow_up',
      payload.people.flatMap((p) => p.follow_ups),
    ),
    consent: await existing(
      trx,
      'consent',
      payload.people.flatMap((p) => p.consents),
    ),
  }
  // Tags by kind and folded name, each looked up or made once.
  const tagCache = new Map<string, string>()
  const tagKey = (tag: TagRef) => `${tag.kind}:${foldKey(tag.name)}`
  const tagIds = async (person: HandoverPerson) => {
    const missing = person.tags.filter((tag) => !tagCache.has(tagKey(tag)))
    const ids = await tagIdsFor(trx, missing, at.now)
    missing.forEach((tag, i) => tagCache.set(tagKey(tag), ids[i]!))
    return [...new Set(person.tags.map((tag) => tagCache.get(tagKey(tag))!))]
  }
  const wijken = new Map<string, string | null>()
  const wijkId = async (name: string | null) => {
    if (!name) return null
    if (!wijken.has(name)) wijken.set(name, await wijkIdFor(trx, name, at.now))
    return wijken.get(name)!
  }

  /** Only the rows whose ids her ledger does not have yet: a second handover adds nothing twice. */
  const fresh = <T extends { id: string }>(table: keyof typeof had, items: readonly T[]): T[] =>
    items.filter((item) => !had[table].has(item.id))

  /** His moments, follow-ups and consents, then the line on his timeline. */
  const addHistory = async (
    person: HandoverPerson,
    personId: string,
    merging: boolean,
  ): Promise<Created> => {
    const moments = fresh('contact_moment', person.moments)
    bulk.insert(
      'contact_moment',
      moments.map((moment) => ({ ...moment, person_id: personId })),
    )
    const followUps = fresh('follow_up', person.follow_ups)
    bulk.insert(
      'follow_up',
      followUps.map((followUp) => ({
        ...followUp,
        person_id: personId,
        closed_at: null,
        done_note: null,
        import_id: importId,
      })),
    )
    const consents = fresh('consent', person.consents)
    bulk.insert(
      'consent',
      consents.map((consent) => ({
        ...consent,
        person_id: personId,
        // A renewal follow-up he had elsewhere and not here: none.
        renewal_id:
          consent.renewal_id && person.follow_ups.some((f) => f.id === consent.renewal_id)
            ? consent.renewal_id
            : null,
      })),
    )
    if (merging && consents.length > 0) {
      // One current decision per purpose, hers and the file's together: the newest.
      await sql`UPDATE consent SET current = (id = (
          SELECT c.id FROM consent c WHERE c.person_id = consent.person_id AND c.purpose = consent.purpose
          ORDER BY c.date DESC, c.created_at DESC LIMIT 1))
        WHERE person_id = ${personId}`.execute(trx)
    }
    const event = newId(at.now.getTime())
    bulk.insert('person_event', [
      {
        id: event,
        person_id: personId,
        date: at.today,
        kind: 'handed_over',
        detail: provenance,
        created_at: stamp,
      },
    ])
    return {
      moments: moments.map((m) => m.id),
      followUps: followUps.map((f) => f.id),
      consents: consents.map((c) => c.id),
      events: [event],
    }
  }

  return {
    async add(person: HandoverPerson): Promise<void> {
      const { tags, moments, follow_ups, consents, wijk, ...columns } = person
      bulk.insert('person', [
        {
          ...columns,
          name_key: nameKeyOf(person.first_name, person.last_name),
          address_key: addressKeyOf(person.street, person.house_number),
          wijk_id: await wijkId(wijk),
          deleted_at: null,
          anonymised_at: null,
          updated_at: stamp,
        },
      ])
      bulk.insert(
        'person_tag',
        (await tagIds(person)).map((tag_id) => ({ person_id: person.id, tag_id })),
      )
      await addHistory(person, person.id, false)
      bulk.insert('import_person', [
        {
          import_id: importId,
          person_id: person.id,
          action: 'added',
          before: null,
          // Undo deletes him; his rows go with him (ON DELETE CASCADE).
          created: JSON.stringify({ moments: [], followUps: [] }),
        },
      ])
    },

    /**
     * Into someone she has: the same resident handed over before (`sameId`: the newer of the two
     * versions of his fields wins, empty ones filled from the other), or someone she matched him
     * with (her fields win; empty ones are filled from the file's).
     */
    async merge(person: HandoverPerson, personId: string, sameId: boolean): Promise<void> {
      const row = await trx
        .selectFrom('person')
        .selectAll()
        .where('id', '=', personId)
        .executeTakeFirstOrThrow()
      const tagRows = await trx
        .selectFrom('person_tag')
        .select('tag_id')
        .where('person_id', '=', personId)
        .execute()
      const openFollowUps = await trx
        .selectFrom('follow_up')
        .selectAll()
        .where('person_id', '=', personId)
        .where('status', '=', 'open')
        .execute()
      const consentCurrent = await trx
        .selectFrom('consent')
        .select(['id', 'current'])
        .where('person_id', '=', personId)
        .execute()
      const theirs = sameId && person.updated_at > row.updated_at
      const { tags, moments, follow_ups, consents, id, wijk, ...incoming } = person
      const mine = row as unknown as Record<string, unknown>
      const update: Record<string, unknown> = {}
      for (const [column, value] of Object.entries(incoming)) {
        if (column === 'created_at' || column === 'updated_at') continue
        const current = mine[column]
        const empty = current === null || current === '' || current === 0
        if (value !== null && (theirs || empty)) update[column] = value
      }
      const lastContact = [row.last_contact_on, person.last_contact_on]
        .filter((d): d is string => !!d)
        .sort()
        .at(-1)
      const first = (update['first_name'] as string | undefined) ?? row.first_name
      const last = 'last_name' in update ? (update['last_name'] as string) : row.last_name
      const street = (update['street'] as string | undefined) ?? row.street
      const number = (update['house_number'] as string | undefined) ?? row.house_number
      // Her note and his different one: both, where the form has room for them.
      const note =
        !theirs && row.note && person.note && row.note !== person.note
          ? `${row.note}\n\n${person.note}`
          : undefined
      await trx
        .updateTable('person')
        .set({
          ...update,
          ...(note && note.length <= personLimits.note ? { note } : {}),
          ...(theirs || !row.wijk_id ? { wijk_id: (await wijkId(wijk)) ?? row.wijk_id } : {}),
          name_key: nameKeyOf(first, last),
          address_key: addressKeyOf(street, number),
          last_contact_on: lastContact ?? null,
          updated_at: stamp,
        })
        .where('id', '=', personId)
        .execute()
      const had = new Set(tagRows.map((tag) => tag.tag_id))
      const newTags = (await tagIds(person)).filter((id) => !had.has(id))
      if (newTags.length > 0) {
        await trx
          .insertInto('person_tag')
          .values(newTags.map((tag_id) => ({ person_id: personId, tag_id })))
          .execute()
      }
      const created = await addHistory(person, personId, true)
      await trx
        .insertInto('import_person')
        .values({
          import_id: importId,
          person_id: personId,
          action: 'merged',
          before: JSON.stringify({
            person: row,
            tagIds: [...had],
            followUps: openFollowUps,
            consentCurrent,
          } satisfies Before),
          created: JSON.stringify(created),
        })
        .execute()
    },
  }
}
