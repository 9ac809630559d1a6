import type { Connection, ConnectionStatus } from './connect'
import type { Reach } from './contact'
import type { FollowUp } from './followups'
import type { ContactMoment, Person, Tag } from './person'

/**
 * Everything the person view shows of one resident: her fields with her tags, timeline, open
 * follow-ups and connections. Apart from person.ts, which follow-ups and connections build on.
 */
export const personEventKinds = [
  'follow_up_done',
  'follow_up_snoozed',
  'follow_up_cancelled',
  'handed_over',
] as const
export type PersonEventKind = (typeof personEventKinds)[number]

/** Something that happened to her besides a contact moment, for the timeline. */
export interface PersonEvent {
  id: string
  date: string
  /** A follow-up's fate, or a connection's status (kept with the connection, shown here too). */
  kind: PersonEventKind | 'connection'
  detail: {
    reason?: string | null
    from?: string
    to?: string
    note?: string | null
    /** Connections: the initiative or person, and the status it got. */
    with?: string
    status?: ConnectionStatus
    /** Handed over: by whom (and of which organisation), and when the file was made. */
    by?: string
    on?: string
  }
  createdAt: string
}

export interface PersonDetail extends Person {
  tags: Tag[]
  moments: ContactMoment[]
  /** Her open follow-ups, soonest first. */
  followUps: FollowUp[]
  events: PersonEvent[]
  /** Her connections, to initiatives and to other residents, newest first. */
  connections: Connection[]
  /** How she can get in touch from his page (shared/contact.ts). */
  reach: Reach
}
