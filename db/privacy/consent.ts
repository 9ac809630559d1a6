import type { Kysely, Transaction } from 'kysely'
import { addInterval } from '../../shared/calendar'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { ConsentStatus } from '../../shared/ledger'
import {
  consentPurposes,
  consentState,
  type ConsentHow,
  type ConsentPurpose,
  type ConsentRecord,
  type PurposeConsent,
  type RecordConsent,
} from '../../shared/privacy'
import { addFollowUp } from '../ledger/followup-rules'
import { requirePerson } from '../ledger/guards'
import { readSettings } from '../ledger/settings'
import type { WriteContext } from '../ledger/write-context'
import { logStoryWithdrawal } from '../report/stories'
import { newId } from '../store/ids'
import { inIds } from '../store/in-ids'
import type { ConsentTable, Database } from '../store/schema'
import { written, type Written } from '../store/written'

/**
 * Toestemming per doel: each decision a row, the newest per purpose `current`, the rest its
 * history. A consent given gets an end (her setting's term from its date, unless she says) and a
 * follow-up to renew it a month before; the contact purpose is also what the person's own consent
 * columns say (filters, the report's coverage and matching's consent read those).
 */

const toRecord = (row: ConsentTable): ConsentRecord => ({
  id: row.id,
  purpose: row.purpose,
  given: row.given === 1,
  date: row.date,
  how: row.how,
  words: row.words,
  recordedBy: row.recorded_by,
  expiresOn: row.expires_on,
  createdAt: row.created_at,
})

/** Every purpose for one person: where it stands today and its history, newest first. */
export async function consentsOf(
  db: Kysely<Database> | Transaction<Database>,
  personId: string,
  today: string,
): Promise<PurposeConsent[]> {
  const rows = await db
    .selectFrom('consent')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return consentPurposes.map((purpose) => {
    const history = rows.filter((row) => row.purpose === purpose)
    const current = history.find((row) => row.current === 1)
    const record = current ? toRecord(current) : null
    return {
      purpose,
      state: consentState(record, today),
      current: record,
      history: history.map(toRecord),
    }
  })
}

/** Each purpose for a resident in the ledger (not in the trash). */
export async function listConsents(
  db: Kysely<Database>,
  personId: string,
  today: string,
): Promise<PurposeConsent[]> {
  await requirePerson(db, personId)
  return consentsOf(db, personId, today)
}

/** The person's own consent columns, as the contact purpose's decision says. */
const contactStatus = (given: boolean, how: ConsentHow): ConsentStatus =>
  !given ? 'withdrawn' : how === 'schriftelijk' ? 'written' : 'verbal'

/**
 * Stores one decision inside a transaction: the purpose's earlier decision stops being current
 * (its renewal follow-up, if still open, is dropped), a given consent gets its end and a renewal
 * follow-up a month before it (today when that has passed).
 */
export async function insertConsent(
  trx: Transaction<Database>,
  input: RecordConsent,
  consentYears: number,
  at: WriteContext,
): Promise<void> {
  // Withdrawn after a story about him went out: logged for her to act on.
  if (input.purpose === 'stories' && !input.given) await logStoryWithdrawal(trx, input.personId, at)
  const before = await trx
    .selectFrom('consent')
    .select(['id', 'renewal_id'])
    .where('person_id', '=', input.personId)
    .where('purpose', '=', input.purpose)
    .where('current', '=', 1)
    .execute()
  for (const earlier of before) {
    await trx.updateTable('consent').set({ current: 0 }).where('id', '=', earlier.id).execute()
    if (earlier.renewal_id) {
      await trx
        .updateTable('follow_up')
        .set({ status: 'cancelled', closed_at: at.now.toISOString() })
        .where('id', '=', earlier.renewal_id)
        .where('status', '=', 'open')
        .execute()
    }
  }
  const expiresOn = input.given
    ? (input.expiresOn ?? addInterval(input.date, { count: consentYears, unit: 'year' }))
    : null
  let renewalId: string | null = null
  if (expiresOn) {
    const monthBefore = addInterval(expiresOn, { count: -1, unit: 'month' })
    renewalId = await addFollowUp(
      trx,
      input.personId,
      {
        dueOn: monthBefore < at.today ? at.today : monthBefore,
        reason: translate(nl, 'privacy.renewReason', {
          purpose: translate(nl, `privacy.purpose.${input.purpose}`),
        }),
        source: 'manual',
      },
      at,
    )
  }
  await trx
    .insertInto('consent')
    .values({
      id: newId(at.now.getTime()),
      person_id: input.personId,
      purpose: input.purpose,
      given: input.given ? 1 : 0,
      date: input.date,
      how: input.how,
      words: input.words ?? null,
      recorded_by: at.worker,
      expires_on: expiresOn,
      current: 1,
      renewal_id: renewalId,
      created_at: at.now.toISOString(),
    })
    .execute()
  if (input.purpose === 'contact') {
    await trx
      .updateTable('person')
      .set({
        consent_status: contactStatus(input.given, input.how),
        consent_date: input.date,
        consent_scope: input.words ?? null,
      })
      .where('id', '=', input.personId)
      .execute()
  }
}

/**
 * Decisions made current again, and their renewal follow-ups open again (the undo of a step that
 * put newer ones in their place: a bulk decision, a merge).
 */
export async function reinstateConsents(
  trx: Transaction<Database>,
  consentIds: readonly string[],
  renewalIds: readonly string[],
): Promise<void> {
  await trx.updateTable('consent').set({ current: 1 }).where(inIds('id', consentIds)).execute()
  await trx
    .updateTable('follow_up')
    .set({ status: 'open', closed_at: null })
    .where(inIds('id', renewalIds))
    .where('status', '=', 'cancelled')
    .execute()
}

/** She records a decision for one purpose; answers every purpose as it stands now. */
export async function recordConsent(
  db: Kysely<Database>,
  input: RecordConsent,
  at: WriteContext,
): Promise<Written<PurposeConsent[]>> {
  const { consentYears } = await readSettings(db)
  await db.transaction().execute(async (trx) => {
    await requirePerson(trx, input.personId)
    await insertConsent(trx, input, consentYears, at)
  })
  // The sharing purpose is what matching reads: the indexes follow.
  return written(await consentsOf(db, input.personId, at.today), { people: [input.personId] })
}

/**
 * The person form's consent fields (status, date, scope) are the contact purpose: when a save
 * changes them, that is a decision like any other, kept in the history.
 */
export async function contactConsentFromFields(
  trx: Transaction<Database>,
  personId: string,
  fields: {
    consentStatus?: ConsentStatus | undefined
    consentDate?: string | undefined
    consentScope?: string | undefined
  },
  before:
    | { consentStatus: ConsentStatus; consentDate: string | null; consentScope: string | null }
    | undefined,
  at: WriteContext,
): Promise<void> {
  const status = fields.consentStatus
  if (status === undefined || status === 'not_asked') return
  if (
    before &&
    before.consentStatus === status &&
    before.consentDate === (fields.consentDate ?? null) &&
    before.consentScope === (fields.consentScope ?? null)
  ) {
    return
  }
  const { consentYears } = await readSettings(trx)
  await insertConsent(
    trx,
    {
      personId,
      purpose: 'contact',
      given: status !== 'withdrawn',
      date: fields.consentDate ?? at.today,
      how: status === 'written' ? 'schriftelijk' : status === 'verbal' ? 'mondeling' : 'anders',
      words: fields.consentScope,
    },
    consentYears,
    at,
  )
}

/**
 * Until when each of these people (or everyone) may be proposed to an initiative: their current
 * sharing consent, if given ("9999-12-31" when it has no end). Matching reads it from its columns.
 */
export async function sharingUntil(
  db: Kysely<Database>,
  ids?: readonly string[],
): Promise<Map<string, string>> {
  let query = db
    .selectFrom('consent')
    .select(['person_id', 'expires_on'])
    .where('purpose', '=', 'share' satisfies ConsentPurpose)
    .where('current', '=', 1)
    .where('given', '=', 1)
  if (ids) query = query.where('person_id', 'in', ids)
  const rows = await query.execute()
  return new Map(rows.map((row) => [row.person_id, row.expires_on ?? noEnd]))
}

export const noEnd = '9999-12-31'
