import type { ContactMoment, Person, PersonFields, PersonSummary, Tag } from '../../shared/person'
import { maskToSlots, normalisePostcode, slotsToMask } from '../../shared/ledger'
import { foldKey } from '../../shared/text'
import type { FollowUp } from '../../shared/followups'
import type { ContactMomentRow, FollowUpRow, NewPersonRow, PersonRow } from '../store/schema'

/**
 * A person's stored row and the domain's shapes, both ways, in one place: what she typed becomes
 * columns (with the keys "Lijkt op" uses), and a row becomes a Person, a summary, a follow-up or a
 * contact moment.
 */

type SummaryRow = Pick<
  PersonRow,
  | 'id'
  | 'first_name'
  | 'tussenvoegsel'
  | 'last_name'
  | 'nickname'
  | 'street'
  | 'house_number'
  | 'status'
  | 'last_contact_on'
  | 'deleted_at'
> & { wijk: string | null }

/** The columns a list row needs, with the wijk's name joined in. */
export const summaryColumns = [
  'person.id',
  'person.first_name',
  'person.tussenvoegsel',
  'person.last_name',
  'person.nickname',
  'person.street',
  'person.house_number',
  'person.status',
  'person.last_contact_on',
  'person.deleted_at',
  'wijk.name as wijk',
] as const

export function toSummary(row: SummaryRow): PersonSummary {
  return {
    id: row.id,
    firstName: row.first_name,
    tussenvoegsel: row.tussenvoegsel,
    lastName: row.last_name,
    nickname: row.nickname,
    street: row.street,
    houseNumber: row.house_number,
    wijk: row.wijk,
    status: row.status,
    lastContactOn: row.last_contact_on,
    deletedAt: row.deleted_at,
  }
}

export function toPerson(row: PersonRow & { wijk: string | null }): Person {
  return {
    ...toSummary(row),
    postcode: row.postcode,
    phone: row.phone,
    email: row.email,
    wish: row.wish,
    strength: row.strength,
    need: row.need,
    note: row.note,
    availability: maskToSlots(row.availability),
    availableFrom: row.available_from,
    availabilityNote: row.availability_note,
    metChannel: row.met_channel,
    referredBy: row.referred_by,
    firstMetOn: row.first_met_on,
    consentStatus: row.consent_status,
    consentDate: row.consent_date,
    consentScope: row.consent_scope,
    consentNote: row.consent_note,
    ageBand: row.age_band,
    cadence: row.cadence,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    personId: row.person_id,
    dueOn: row.due_on,
    reason: row.reason,
    status: row.status,
    source: row.source,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    doneNote: row.done_note,
    connectionId: row.connection_id,
  }
}

export function toMoment(row: ContactMomentRow): ContactMoment {
  return {
    id: row.id,
    personId: row.person_id,
    date: row.date,
    channel: row.channel,
    place: row.place,
    note: row.note,
    worker: row.worker,
    referredBy: row.referred_by,
    createdAt: row.created_at,
  }
}

/** The columns that follow from what she typed, keys for "Lijkt op" included. */
/** The person's name_key: for "Lijkt op". */
export const nameKeyOf = (firstName: string, lastName: string | null | undefined) =>
  foldKey(lastName ?? firstName)

/** The person's address_key, where both street and number are known. */
export const addressKeyOf = (
  street: string | null | undefined,
  houseNumber: string | null | undefined,
) => (street && houseNumber ? foldKey(`${street} ${houseNumber}`) : null)

export function columnsFrom(fields: PersonFields, wijkId: string | null) {
  return {
    first_name: fields.firstName,
    tussenvoegsel: fields.tussenvoegsel ?? null,
    last_name: fields.lastName ?? null,
    nickname: fields.nickname ?? null,
    name_key: nameKeyOf(fields.firstName, fields.lastName),
    street: fields.street ?? null,
    house_number: fields.houseNumber ?? null,
    address_key: addressKeyOf(fields.street, fields.houseNumber),
    postcode: fields.postcode ? (normalisePostcode(fields.postcode) ?? null) : null,
    wijk_id: wijkId,
    phone: fields.phone ?? null,
    email: fields.email ?? null,
    wish: fields.wish ?? null,
    strength: fields.strength ?? null,
    need: fields.need ?? null,
    note: fields.note ?? null,
    availability: slotsToMask(fields.availability),
    available_from: fields.availableFrom ?? null,
    availability_note: fields.availabilityNote ?? null,
    met_channel: fields.metChannel ?? null,
    referred_by: fields.referredBy ?? null,
    first_met_on: fields.firstMetOn ?? null,
    // Consent only when the save says it (the person form leaves it to the consent records).
    ...(fields.consentStatus === undefined
      ? {}
      : {
          consent_status: fields.consentStatus,
          consent_date: fields.consentDate ?? null,
          consent_scope: fields.consentScope ?? null,
          consent_note: fields.consentNote ?? null,
        }),
    age_band: fields.ageBand ?? null,
    cadence: fields.cadence ?? null,
  } satisfies Partial<NewPersonRow>
}

/** A stored person as the fields a save takes: what an edit starts from (the import merges into it). */
export function fieldsFrom(person: Person & { tags: readonly Tag[] }): PersonFields {
  const given = <T>(value: T | null) => value ?? undefined
  return {
    firstName: person.firstName,
    tussenvoegsel: given(person.tussenvoegsel),
    lastName: given(person.lastName),
    nickname: given(person.nickname),
    street: given(person.street),
    houseNumber: given(person.houseNumber),
    postcode: given(person.postcode),
    wijk: given(person.wijk),
    phone: given(person.phone),
    email: given(person.email),
    wish: given(person.wish),
    strength: given(person.strength),
    need: given(person.need),
    note: given(person.note),
    tags: person.tags.map((tag) => ({ kind: tag.kind, name: tag.name })),
    availability: person.availability,
    availableFrom: given(person.availableFrom),
    availabilityNote: given(person.availabilityNote),
    metChannel: given(person.metChannel),
    referredBy: given(person.referredBy),
    firstMetOn: given(person.firstMetOn),
    consentStatus: person.consentStatus,
    consentDate: given(person.consentDate),
    consentScope: given(person.consentScope),
    consentNote: given(person.consentNote),
    ageBand: given(person.ageBand),
    cadence: given(person.cadence),
  }
}
