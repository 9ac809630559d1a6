import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import type { HandoverExport, HandoverSaved } from '../../shared/handover'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { readSettings } from '../ledger/settings'
import type { Platform } from '../platform/platform'
import { saveFile } from '../platform/save'
import { StoreError } from '../store/errors'
import type { Database } from '../store/schema'
import { handoverExtension, sealHandover, type HandoverPayload, type HandoverPerson } from './file'

const chunk = 500

/**
 * The residents of the wijken she chose (all of them: every resident, also those without a wijk),
 * with their tags, contact moments (their notes only when she says so), open follow-ups and every
 * consent decision. Not the trash, not the anonymised: those are not hers to hand on.
 */
export async function collectHandover(
  db: Kysely<Database>,
  input: Pick<HandoverExport, 'wijkIds' | 'includeNotes'>,
  now: Date,
): Promise<HandoverPayload> {
  let query = db
    .selectFrom('person')
    .leftJoin('wijk', 'wijk.id', 'person.wijk_id')
    .selectAll('person')
    .select('wijk.name as wijk')
    .where('person.deleted_at', 'is', null)
    .where('person.anonymised_at', 'is', null)
  if (input.wijkIds !== null) {
    if (input.wijkIds.length === 0) throw nothingChosen()
    query = query.where('person.wijk_id', 'in', input.wijkIds)
  }
  const rows = await query.orderBy('person.id').execute()
  if (rows.length === 0) throw new StoreError('invalid_input', translate(nl, 'handover.nobody'))

  const people: HandoverPerson[] = []
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk)
    const ids = part.map((row) => row.id)
    const tags = await db
      .selectFrom('person_tag')
      .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
      .select(['person_tag.person_id', 'tag.kind', 'tag.name'])
      .where('person_tag.person_id', 'in', ids)
      .execute()
    const moments = await db
      .selectFrom('contact_moment')
      .selectAll()
      .where('person_id', 'in', ids)
      .orderBy('date')
      .orderBy('created_at')
      .execute()
    const followUps = await db
      .selectFrom('follow_up')
      .selectAll()
      .where('person_id', 'in', ids)
      .where('status', '=', 'open')
      .execute()
    const consents = await db
      .selectFrom('consent')
      .selectAll()
      .where('person_id', 'in', ids)
      .orderBy('created_at')
      .execute()
    const open = new Set(followUps.map((followUp) => followUp.id))
    const byPerson = <T extends { person_id: string }>(items: T[]) => {
      const map = new Map<string, T[]>()
      for (const item of items) {
        const list = map.get(item.person_id)
        if (list) list.push(item)
        else map.set(item.person_id, [item])
      }
      return map
    }
    const tagsOf = byPerson(tags)
    const momentsOf = byPerson(moments)
    const followUpsOf = byPerson(followUps)
    const consentsOf = byPerson(consents)
    for (const row of part) {
      people.push({
        id: row.id,
        first_name: row.first_name,
        tussenvoegsel: row.tussenvoegsel,
        last_name: row.last_name,
        nickname: row.nickname,
        street: row.street,
        house_number: row.house_number,
        postcode: row.postcode,
        wijk: row.wijk,
        phone: row.phone,
        email: row.email,
        wish: row.wish,
        strength: row.strength,
        need: row.need,
        note: row.note,
        availability: row.availability,
        available_from: row.available_from,
        availability_note: row.availability_note,
        met_channel: row.met_channel,
        referred_by: row.referred_by,
        first_met_on: row.first_met_on,
        consent_status: row.consent_status,
        consent_date: row.consent_date,
        consent_scope: row.consent_scope,
        consent_note: row.consent_note,
        age_band: row.age_band,
        cadence: row.cadence,
        status: row.status,
        last_contact_on: row.last_contact_on,
        created_at: row.created_at,
        updated_at: row.updated_at,
        keep_until: row.keep_until,
        keep_reason: row.keep_reason,
        tags: (tagsOf.get(row.id) ?? []).map(({ kind, name }) => ({ kind, name })),
        moments: (momentsOf.get(row.id) ?? []).map((moment) => ({
          id: moment.id,
          date: moment.date,
          channel: moment.channel,
          place: moment.place,
          note: input.includeNotes ? moment.note : null,
          worker: moment.worker,
          referred_by: moment.referred_by,
          created_at: moment.created_at,
        })),
        follow_ups: (followUpsOf.get(row.id) ?? []).map((followUp) => ({
          id: followUp.id,
          due_on: followUp.due_on,
          reason: followUp.reason,
          status: followUp.status,
          source: followUp.source,
          hidden: followUp.hidden,
          created_at: followUp.created_at,
        })),
        consents: (consentsOf.get(row.id) ?? []).map((consent) => ({
          id: consent.id,
          purpose: consent.purpose,
          given: consent.given,
          date: consent.date,
          how: consent.how,
          words: consent.words,
          recorded_by: consent.recorded_by,
          expires_on: consent.expires_on,
          current: consent.current,
          // Its renewal follow-up comes along only while open.
          renewal_id:
            consent.renewal_id && open.has(consent.renewal_id) ? consent.renewal_id : null,
          created_at: consent.created_at,
        })),
      })
    }
  }
  const settings = await readSettings(db)
  return {
    kind: 'sprokkelaar-overdracht',
    version: 1,
    createdAt: now.toISOString(),
    from: settings.workerName,
    organisation: settings.organisation,
    includesNotes: input.includeNotes,
    people,
  }
}

const nothingChosen = () => new StoreError('invalid_input', translate(nl, 'handover.noWijken'))

/** The overdrachtsbestand where she chooses; null when she cancels (then nothing is made). */
export async function exportHandover(
  db: Kysely<Database>,
  platform: Pick<Platform, 'chooseSaveFile' | 'now'>,
  input: HandoverExport,
  today: string,
): Promise<HandoverSaved | null> {
  const now = platform.now()
  // Asked before the dialog: a wrong choice says so at once, not after she picked a place.
  const payload = await collectHandover(db, input, now)
  const path = await saveFile(
    platform,
    {
      title: translate(nl, 'handover.saveTitle'),
      filters: [{ name: translate(nl, 'handover.fileKind'), extensions: [handoverExtension] }],
      defaultName: `overdracht-${today}.${handoverExtension}`,
    },
    () => sealHandover(payload, input.password),
  )
  return path ? { fileName: basename(path), people: payload.people.length } : null
}
