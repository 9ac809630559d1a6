import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely'
import type {
  ConnectionStatus,
  InitiativeKind,
  InitiativeStatus,
  OutcomeAnswer,
  Proposer,
} from '../../shared/connect'
import type { FollowUpSource, FollowUpStatus } from '../../shared/followups'
import type { AgeBand, Cadence, ConsentStatus, ContactChannel, TagKind } from '../../shared/ledger'
import type { PersonEventKind } from '../../shared/person-detail'
import type { ConsentHow, ConsentPurpose, PrivacyLogKind } from '../../shared/privacy'

/** The tables as the current migrations leave them. Migrations themselves never import this. */
export interface Database {
  person: PersonTable
  wijk: WijkTable
  tag: TagTable
  person_tag: PersonTagTable
  contact_moment: ContactMomentTable
  follow_up: FollowUpTable
  person_event: PersonEventTable
  setting: SettingTable
  import_batch: ImportBatchTable
  import_person: ImportPersonTable
  initiative: InitiativeTable
  initiative_tag: InitiativeTagTable
  connection: ConnectionTable
  connection_event: ConnectionEventTable
  connection_outcome: ConnectionOutcomeTable
  report_export: ReportExportTable
  report_activity: ReportActivityTable
  report_tally: ReportTallyTable
  consent: ConsentTable
  privacy_log: PrivacyLogTable
  story: StoryTable
  story_person: StoryPersonTable
  story_export: StoryExportTable
  story_log: StoryLogTable
}

/** A story for the report, in her words (see migration 0014). */
export interface StoryTable {
  id: string
  title: string
  text: string
  created_at: string
  updated_at: string
}

/** Who a story is about: each must consent to "opnemen in verhalen" before it is exported. */
export interface StoryPersonTable {
  story_id: string
  person_id: string
}

/** Which export held which story. */
export interface StoryExportTable {
  story_id: string
  export_id: string
}

/** Consent withdrawn after a story went out in an export: what and which export, never who. */
export interface StoryLogTable {
  id: string
  at: string
  kind: 'consent_withdrawn'
  story_id: string | null
  export_id: string | null
}

export interface PersonTable {
  id: string
  first_name: string
  tussenvoegsel: string | null
  last_name: string | null
  nickname: string | null
  /** foldKey(last name, or first name where there is none): for "Lijkt op". */
  name_key: string
  street: string | null
  house_number: string | null
  /** foldKey("street number") where both are known. */
  address_key: string | null
  postcode: string | null
  wijk_id: string | null
  phone: string | null
  email: string | null
  wish: string | null
  strength: string | null
  need: string | null
  note: string | null
  /** The week grid, 21 bits (see shared/ledger.ts). */
  availability: number
  available_from: string | null
  availability_note: string | null
  met_channel: ContactChannel | null
  /** Aangemeld door: the route's name as she chose it from her list (settings). */
  referred_by: string | null
  first_met_on: string | null
  /** Defaults to 'not_asked' (the contact purpose's consent; see db/privacy/consent.ts). */
  consent_status: ColumnType<ConsentStatus, ConsentStatus | undefined, ConsentStatus>
  consent_date: string | null
  consent_scope: string | null
  consent_note: string | null
  age_band: AgeBand | null
  cadence: Cadence | null
  status: 'active' | 'archived'
  last_contact_on: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
  /** Kept past the bewaartermijn until this date, and why (her decision in the review). */
  keep_until: string | null
  keep_reason: string | null
  /** Anonymised: nothing that names or locates her is left; what the report counts is. */
  anonymised_at: string | null
}

export interface WijkTable {
  id: string
  name: string
  name_key: string
  created_at: string
}

export interface TagTable {
  id: string
  kind: TagKind
  name: string
  name_key: string
  created_at: string
}

export interface PersonTagTable {
  person_id: string
  tag_id: string
}

export interface ContactMomentTable {
  id: string
  person_id: string
  date: string
  channel: ContactChannel
  place: string | null
  note: string | null
  worker: string | null
  /** How this contact came about (a route from her list), when she noted it. */
  referred_by: string | null
  created_at: string
}

export interface FollowUpTable {
  id: string
  person_id: string
  due_on: string
  reason: string | null
  status: FollowUpStatus
  source: FollowUpSource
  /** 1 while her person is archived or in the trash. */
  hidden: number
  created_at: string
  closed_at: string | null
  done_note: string | null
  /** The import that made it (a "terugbellen" date from her list), so late ones go at once. */
  import_id: string | null
  /** The connection it asks after ("hoe gaat het bij …?"): Vandaag asks what it brought. */
  connection_id: string | null
}

export interface PersonEventTable {
  id: string
  person_id: string
  date: string
  kind: PersonEventKind
  /** JSON: what the event needs to be told (reason, dates, note). */
  detail: string
  created_at: string
}

export interface SettingTable {
  key: string
  value: string
}

export interface ImportBatchTable {
  id: string
  file_name: string
  created_at: string
  /** JSON: the ImportReport without its id, file name and dates. */
  report: string
  undone_at: string | null
}

export interface ImportPersonTable {
  import_id: string
  person_id: string
  action: 'added' | 'merged'
  /** JSON (merges only): `{ person: PersonRow, tagIds: string[] }` before the import. */
  before: string | null
  /** JSON: `{ moments: string[], followUps: string[] }` the import made for her. */
  created: string
}

export interface InitiativeTable {
  id: string
  name: string
  name_key: string
  kind: InitiativeKind
  wijk_id: string | null
  /** When it meets: the week grid, 21 bits (see shared/ledger.ts). */
  meets: number
  meets_note: string | null
  contact_person_id: string | null
  contact_name: string | null
  looking_for: string | null
  status: InitiativeStatus
  note: string | null
  created_at: string
  updated_at: string
}

export interface InitiativeTagTable {
  initiative_id: string
  tag_id: string
}

export interface ConnectionTable {
  id: string
  person_id: string
  initiative_id: string | null
  other_person_id: string | null
  date: string
  proposed_by: Proposer
  status: ConnectionStatus
  status_date: string
  stop_reason: string | null
  note: string | null
  created_at: string
  updated_at: string
}

/** What a connection brought, as she heard it on a day (three points per question). */
export interface ConnectionOutcomeTable {
  id: string
  connection_id: string
  date: string
  going: OutcomeAnswer
  met_people: OutcomeAnswer
  gives_back: OutcomeAnswer | null
  created_at: string
}

export interface ConnectionEventTable {
  id: string
  connection_id: string
  date: string
  status: ConnectionStatus
  reason: string | null
  note: string | null
  created_at: string
}

export interface ReportExportTable {
  id: string
  at: string
  format: 'csv' | 'pdf'
  /** JSON: the request and the labels printed (period, wijken). */
  settings: string
  file_name: string
}

export type PersonRow = Selectable<PersonTable>
export type NewPersonRow = Insertable<PersonTable>
export type PersonUpdate = Updateable<PersonTable>
export type ContactMomentRow = Selectable<ContactMomentTable>
export type FollowUpRow = Selectable<FollowUpTable>

/** Derived, kept by triggers (migration 0007): per resident and year, the months with a contact. */
export interface ReportActivityTable {
  person_id: string
  year: number
  /** Bit m-1 set: at least one contact moment in month m. */
  months: number
  /** The year's first contact moment, YYYY-MM-DD. */
  first_on: string
}

/** Derived, kept by triggers: contact moments per wijk ('' for none), month and channel. */
export interface ReportTallyTable {
  wijk_key: string
  /** YYYY-MM. */
  month: string
  channel: string
  moments: number
}

/** One consent decision for one purpose; the newest per person and purpose is `current`. */
export interface ConsentTable {
  id: string
  person_id: string
  purpose: ConsentPurpose
  given: number
  date: string
  how: ConsentHow
  words: string | null
  recorded_by: string | null
  expires_on: string | null
  current: number
  renewal_id: string | null
  created_at: string
}

/** What she did under the AVG, and when: never what it was about beyond the person, while he is here. */
export interface PrivacyLogTable {
  id: string
  at: string
  kind: PrivacyLogKind
  person_id: string | null
  count: number
}
