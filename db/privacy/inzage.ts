import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import { localDate } from '../../shared/dates'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import {
  sensitiveWordsIn,
  type Inzage,
  type InzageCheck,
  type InzageSaved,
} from '../../shared/privacy'
import type { Person } from '../../shared/person'
import type { ReportRequest } from '../../shared/report'
import { listConnections } from '../connect/connections'
import { personNotFound } from '../ledger/guards'
import { personRow, personTags } from '../ledger/people'
import { toPerson } from '../ledger/rows'
import { timeline } from '../ledger/moments'
import { namePhrases, phraseRuns } from '../report/narrative'
import type { Platform } from '../platform/platform'
import { savePdf, writeOrFail } from '../platform/save'
import type { Database } from '../store/schema'
import { logPrivacy } from './log'
import { inzageDocument } from './inzage-document'
import { consentsOf } from './consent'

/**
 * Inzage en overdraagbaarheid: everything the ledger holds about one resident, as a readable A4 PDF
 * in plain Dutch and a machine-readable JSON beside it. Other residents appear only as "een andere
 * bewoner". Each inzage is logged: the date, never the contents.
 */

const anotherResident = () => translate(nl, 'inzage.anotherResident')

/** A stored row's columns that only the ledger's own workings need (keys, ids). */
const internalColumns = new Set(['id', 'name_key', 'address_key', 'wijk_id'])

/** Everything held about one resident (in the trash too: he may ask before it empties). */
export async function collectInzage(
  db: Kysely<Database>,
  id: string,
  today: string,
): Promise<Inzage> {
  const row = await personRow(db, id)
  if (!row) throw personNotFound()
  const person = toPerson(row)

  const followUps = await db
    .selectFrom('follow_up')
    .selectAll()
    .where('person_id', '=', id)
    .orderBy('due_on')
    .execute()
  const events = await db
    .selectFrom('person_event')
    .select(['date', 'kind', 'detail'])
    .where('person_id', '=', id)
    .orderBy('date')
    .orderBy('created_at')
    .execute()
  const connections = await listConnections(db, { personId: id })
  const imports = await db
    .selectFrom('import_person')
    .innerJoin('import_batch', 'import_batch.id', 'import_person.import_id')
    .select([
      'import_batch.file_name',
      'import_batch.created_at',
      'import_person.action',
      'import_person.before',
    ])
    .where('import_person.person_id', '=', id)
    .orderBy('import_batch.created_at')
    .execute()
  const log = await db
    .selectFrom('privacy_log')
    .select(['at', 'kind'])
    .where('person_id', '=', id)
    .orderBy('at')
    .execute()

  return {
    madeOn: today,
    person,
    tags: (await personTags(db, id)).map((tag) => ({ kind: tag.kind, name: tag.name })),
    consents: (await consentsOf(db, id, today)).flatMap((purpose) => purpose.history),
    moments: (await timeline(db, id)).map((moment) => ({
      date: moment.date,
      channel: moment.channel,
      place: moment.place,
      note: moment.note,
      worker: moment.worker,
      referredBy: moment.referredBy,
    })),
    followUps: followUps.map((f) => ({
      dueOn: f.due_on,
      reason: f.reason,
      status: f.status,
      closedAt: f.closed_at,
      doneNote: f.done_note,
    })),
    connections: connections.map((c) => ({
      with:
        c.person.id !== id
          ? anotherResident()
          : (c.initiative?.name ?? (c.otherPerson ? anotherResident() : '')),
      date: c.date,
      status: c.status,
      note: c.note,
      stopReason: c.stopReason,
      history: c.history.map((e) => ({
        date: e.date,
        status: e.status,
        reason: e.reason,
        note: e.note,
      })),
      outcomes:
        c.person.id === id
          ? c.outcomes.map(({ date, going, metPeople, givesBack }) => ({
              date,
              going,
              metPeople,
              givesBack,
            }))
          : [],
    })),
    events: events.map((e) => ({ date: e.date, kind: e.kind, detail: JSON.parse(e.detail) })),
    imports: imports.map((i) => ({
      fileName: i.file_name,
      date: i.created_at.slice(0, 10),
      action: i.action,
      before: i.before ? beforeFields(i.before) : null,
    })),
    reportStories: await storiesNaming(db, person),
    linkedStories: await storiesAbout(db, id),
    privacyLog: log,
  }
}

/** His row as it was before a merge, without the ledger's internal keys. */
function beforeFields(json: string): Record<string, unknown> {
  const { person } = JSON.parse(json) as { person: Record<string, unknown> }
  return Object.fromEntries(Object.entries(person).filter(([key]) => !internalColumns.has(key)))
}

/** The stories she linked to him, and how many exports held each. */
async function storiesAbout(db: Kysely<Database>, personId: string) {
  const rows = await db
    .selectFrom('story_person as sp')
    .innerJoin('story as s', 's.id', 'sp.story_id')
    .select([
      's.title',
      's.text',
      (eb) =>
        eb
          .selectFrom('story_export as se')
          .whereRef('se.story_id', '=', 's.id')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .as('exports'),
    ])
    .where('sp.person_id', '=', personId)
    .orderBy('s.created_at')
    .execute()
  return rows.map((row) => ({ title: row.title, text: row.text, exports: Number(row.exports) }))
}

async function storiesNaming(db: Kysely<Database>, person: Person) {
  // His name, not his street: a story about the street is not about him.
  const phrases = namePhrases({ ...person, street: null })
  const rows = await db
    .selectFrom('report_export')
    .select(['at', 'file_name', 'settings'])
    .execute()
  return rows.flatMap((row) => {
    const settings = JSON.parse(row.settings) as { request: ReportRequest; periodLabel: string }
    const story = settings.request.narrative
    if (!story) return []
    const sentences = story
      .split(/(?<=[.!?])\s+|\n+/)
      .filter((sentence) => phraseRuns(sentence, phrases).length > 0)
    if (sentences.length === 0) return []
    return [{ at: row.at, fileName: row.file_name, period: settings.periodLabel, sentences }]
  })
}

/** His free text, as it would go to him: what an inzage warns about before it is saved. */
const freeTexts = (inzage: Inzage) => [
  inzage.person.wish,
  inzage.person.strength,
  inzage.person.need,
  inzage.person.note,
  inzage.person.availabilityNote,
  inzage.person.consentScope,
  inzage.person.consentNote,
  ...inzage.moments.map((m) => m.note),
  ...inzage.followUps.flatMap((f) => [f.reason, f.doneNote]),
  ...inzage.connections.flatMap((c) => [c.note, c.stopReason, ...c.history.map((e) => e.note)]),
  ...inzage.consents.map((c) => c.words),
]

/** Before she saves: words in his free text that may be sensitive. */
export async function checkInzage(
  db: Kysely<Database>,
  id: string,
  today: string,
): Promise<InzageCheck> {
  return { sensitive: sensitiveWordsIn(freeTexts(await collectInzage(db, id, today))) }
}

/**
 * Asks where to save, writes the PDF there and the JSON beside it (the same name, .json), and logs
 * the inzage. The file name never names him. Null when she cancels: nothing written or logged.
 */
export async function saveInzage(
  db: Kysely<Database>,
  platform: Platform,
  id: string,
): Promise<InzageSaved | null> {
  const now = platform.now()
  const today = localDate(now)
  const inzage = await collectInzage(db, id, today)
  const path = await savePdf(
    platform,
    translate(nl, 'inzage.saveTitle'),
    `inzage-${today}.pdf`,
    () => inzageDocument(inzage),
  )
  if (!path) return null
  const jsonPath = path.replace(/(\.pdf)?$/i, '.json')
  await writeOrFail(jsonPath, `${JSON.stringify(inzage, null, 2)}\n`)
  await logPrivacy(db, 'inzage', now, 1, id)
  return { pdf: basename(path), json: basename(jsonPath) }
}
