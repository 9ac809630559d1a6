import { z } from 'zod'
import type { Reach } from './contact'
import type { Interval } from './calendar'
import { channels, followUpPicks, isoDate, type Cadence, type FollowUpPick } from './ledger'
import { idSchema, type PersonSummary } from './person'
import { outcomeSchema } from './connect'

export const followUpStatuses = ['open', 'done', 'cancelled'] as const
export type FollowUpStatus = (typeof followUpStatuses)[number]

/** Where a follow-up came from: she made it, a quick pick, "beschikbaar vanaf", her cadence… */
export const followUpSources = ['manual', 'pick', 'available_from', 'cadence', 'ask_again'] as const
export type FollowUpSource = (typeof followUpSources)[number]

const intervals: Record<FollowUpPick | Cadence, Interval> = {
  '1w': { count: 1, unit: 'week' },
  '2w': { count: 2, unit: 'week' },
  '4w': { count: 4, unit: 'week' },
  '1m': { count: 1, unit: 'month' },
  '2m': { count: 2, unit: 'month' },
  '3m': { count: 3, unit: 'month' },
  '6m': { count: 6, unit: 'month' },
  '1y': { count: 1, unit: 'year' },
}
export const intervalOf = (choice: FollowUpPick | Cadence): Interval => intervals[choice]

export interface FollowUp {
  id: string
  personId: string
  dueOn: string
  /** Her words; null where the source says it ("beschikbaar vanaf", a quick pick). */
  reason: string | null
  status: FollowUpStatus
  source: FollowUpSource
  createdAt: string
  closedAt: string | null
  doneNote: string | null
  /** The connection it asks after ("hoe gaat het bij …?"), when it does. */
  connectionId: string | null
}

export interface DueFollowUp extends FollowUp {
  person: PersonSummary
  /** How she can get in touch from Vandaag (shared/contact.ts). */
  reach: Reach
}

export const dueGroups = ['overdue', 'today', 'thisWeek', 'later'] as const
export type DueGroup = (typeof dueGroups)[number]

/**
 * An import whose follow-ups are late: her list's old "terugbellen" dates, which she can move or
 * close all at once instead of one by one.
 */
export interface LateImport {
  importId: string
  fileName: string
  /** When she imported it (ISO time). */
  importedAt: string
  count: number
}

/** "Vandaag": the open follow-ups in four groups, each with its count and its first rows. */
export interface TodayView {
  today: string
  groups: Record<DueGroup, { count: number; items: DueFollowUp[] }>
  /** Imports with two or more late follow-ups, newest first. */
  lateImports: LateImport[]
}

const reason = z
  .string({ error: 'validation.invalid' })
  .trim()
  .max(200, { error: 'validation.tooLong' })
  .transform((value) => (value === '' ? undefined : value))
  .optional()

export const createFollowUpSchema = z
  .strictObject(
    {
      personId: idSchema,
      dueOn: isoDate.optional(),
      pick: z.enum(followUpPicks, { error: 'validation.invalid' }).optional(),
      reason,
    },
    { error: 'validation.invalid' },
  )
  .refine((input) => (input.dueOn === undefined) !== (input.pick === undefined), {
    error: 'validation.dueOrPick',
    path: ['dueOn'],
  })
export type CreateFollowUp = z.output<typeof createFollowUpSchema>

export const doneFollowUpSchema = z.strictObject(
  {
    id: idSchema,
    note: reason,
    channel: z.enum(channels, { error: 'validation.channel' }).default('telefoon'),
    askAgainInYear: z.boolean({ error: 'validation.invalid' }).default(false),
    /** At a connection's follow-up: what it brought (its connection's, never anyone else's). */
    outcome: outcomeSchema.optional(),
  },
  { error: 'validation.invalid' },
)
export type DoneFollowUp = z.output<typeof doneFollowUpSchema>

export const snoozeFollowUpSchema = z
  .strictObject(
    {
      id: idSchema,
      by: z.enum(followUpPicks, { error: 'validation.invalid' }).optional(),
      until: isoDate.optional(),
    },
    { error: 'validation.invalid' },
  )
  .refine((input) => (input.by === undefined) !== (input.until === undefined), {
    error: 'validation.dueOrPick',
    path: ['until'],
  })
export type SnoozeFollowUp = z.output<typeof snoozeFollowUpSchema>

/** Whose late follow-ups go at once: one import's, or those of a wijk or a label. */
export const lateGroupSchema = z.union(
  [
    z.strictObject({ importId: z.uuid({ error: 'validation.id' }) }),
    z.strictObject({ wijkId: z.uuid({ error: 'validation.id' }) }),
    z.strictObject({ tagId: z.uuid({ error: 'validation.id' }) }),
  ],
  { error: 'validation.invalid' },
)
export type LateGroupRef = z.output<typeof lateGroupSchema>

/** A wijk or a label with two or more late follow-ups (Vandaag offers them at once). */
export interface LateGroup {
  kind: 'wijk' | 'tag'
  id: string
  name: string
  count: number
}

/** What settling did: how many, and its undo (while the app runs). */
export interface Settled {
  count: number
  undoId: string | null
}

/** Moved (by a pick or to a date), or closed: of one group's late follow-ups, all at once. */
const settleHow = z.strictObject(
  {
    action: z.enum(['move', 'close'], { error: 'validation.invalid' }),
    by: z.enum(followUpPicks, { error: 'validation.invalid' }).optional(),
    until: isoDate.optional(),
  },
  { error: 'validation.invalid' },
)

/** A move takes a pick or a date (one of them); closing takes neither. */
const oneWhen = (input: z.output<typeof settleHow>) =>
  input.action === 'close'
    ? input.by === undefined && input.until === undefined
    : (input.by === undefined) !== (input.until === undefined)
const oneWhenError = { error: 'validation.dueOrPick', path: ['until'] }

/** All of one import's late follow-ups at once. */
export const settleImportSchema = settleHow
  .extend({ importId: z.uuid({ error: 'validation.id' }) })
  .refine(oneWhen, oneWhenError)
export type SettleImport = z.output<typeof settleImportSchema>

/** The same for a wijk's or a label's late follow-ups. */
export const settleLateSchema = settleHow
  .extend({ group: lateGroupSchema })
  .refine(oneWhen, oneWhenError)
export type SettleLate = z.output<typeof settleLateSchema>

/** What the desktop notification says: counts only, never a name (it shows on a locked screen). */
export interface DueSummary {
  overdue: number
  today: number
}
