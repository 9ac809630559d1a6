import type { ContactMoment, Person, PersonSummary } from '../../shared/person'
import { maskToSlots } from '../../shared/ledger'
import type { FollowUp } from '../../shared/followups'
import type { ContactMomentRow, FollowUpRow, PersonRow } from '../store/schema'

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
    createdAt: row.created_at,
  }
}
