import { z } from 'zod'
import { followUpPicks, isoDate } from './ledger'
import { consentHows, consentPurposes } from './privacy'
import { idSchema, optionalText, tagRefSchema, type PersonSummary } from './person'
import { peopleFilterSchema } from './people-query'

/**
 * Bulk actions on a selection of Bewoners (db/bulk/): one transaction per action, a count of what
 * changed, and an undo while she is still looking at it. A selection is either the rows she
 * ticked (or a search's results), or everyone a scope and filter show.
 */

/** At most this many at once: the largest list she can tick or filter to in one go. */
export const bulkLimit = 100_000

export const selectionSchema = z.union(
  [
    z.strictObject({
      ids: z
        .array(idSchema, { error: 'validation.invalid' })
        .min(1, { error: 'bulk.noneSelected' })
        .max(bulkLimit, { error: 'validation.tooMany' }),
    }),
    z.strictObject({
      scope: z.enum(['active', 'archived'], { error: 'validation.invalid' }),
      filter: peopleFilterSchema,
    }),
  ],
  { error: 'validation.invalid' },
)
export type Selection = z.output<typeof selectionSchema>

export const bulkActionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('label'), tag: tagRefSchema }),
    z.strictObject({ kind: z.literal('unlabel'), tagId: idSchema }),
    z.strictObject({
      kind: z.literal('followUp'),
      pick: z.enum(followUpPicks, { error: 'validation.invalid' }),
      reason: optionalText(200),
    }),
    z.strictObject({ kind: z.literal('propose'), initiativeId: idSchema, date: isoDate }),
    z.strictObject({ kind: z.literal('archive'), archived: z.boolean() }),
    z.strictObject({ kind: z.literal('trash') }),
    z.strictObject({
      kind: z.literal('keep'),
      until: isoDate,
      reason: z
        .string({ error: 'validation.invalid' })
        .trim()
        .min(1, { error: 'validation.keepReason' })
        .max(300, { error: 'validation.tooLong' }),
    }),
    z.strictObject({
      kind: z.literal('consent'),
      purpose: z.enum(consentPurposes, { error: 'validation.invalid' }),
      given: z.boolean({ error: 'validation.invalid' }),
      date: isoDate,
      how: z.enum(consentHows, { error: 'validation.invalid' }),
      words: optionalText(500),
    }),
  ],
  { error: 'validation.invalid' },
)
export type BulkAction = z.output<typeof bulkActionSchema>
export type BulkKind = BulkAction['kind']

export const bulkApplySchema = z.strictObject(
  { selection: selectionSchema, action: bulkActionSchema },
  { error: 'validation.invalid' },
)
export type BulkApply = z.output<typeof bulkApplySchema>

/** What an action did: how many it changed, how many it left as they were, and its undo. */
export interface BulkOutcome {
  kind: BulkKind
  selected: number
  changed: number
  /** To take it back with `undo:run`, while the app runs; null when nothing changed. */
  undoId: string | null
}

export const undoRefSchema = z.strictObject(
  { id: z.string().min(1).max(64) },
  { error: 'validation.invalid' },
)

/** One e-mail to several residents, every address as BCC: they never see each other's. */
export const mailManySchema = z.strictObject(
  { selection: selectionSchema, templateId: z.string().min(1).max(40).optional() },
  { error: 'validation.invalid' },
)
export type MailMany = z.output<typeof mailManySchema>

/** A mail client takes a link of limited length: at most this many addresses in one mail. */
export const mailManyLimit = 50

export interface MailManyOutcome {
  /** Addresses in the mail. */
  sent: number
  /** Selected residents without a usable e-mail address. */
  without: number
}

/** Merging two records of one resident: each differing field from the one she picks. */
export const mergeFields = [
  'firstName',
  'tussenvoegsel',
  'lastName',
  'nickname',
  'street',
  'houseNumber',
  'postcode',
  'wijk',
  'phone',
  'email',
  'wish',
  'strength',
  'need',
  'note',
  'availability',
  'availableFrom',
  'availabilityNote',
  'metChannel',
  'referredBy',
  'ageBand',
  'cadence',
] as const
export type MergeField = (typeof mergeFields)[number]

export const mergeSchema = z.strictObject(
  {
    keepId: idSchema,
    otherId: idSchema,
    /** The fields to take from the other record; every other field stays as the kept one has it. */
    fromOther: z
      .array(z.enum(mergeFields, { error: 'validation.invalid' }))
      .max(mergeFields.length),
  },
  { error: 'validation.invalid' },
)
export type MergeInput = z.output<typeof mergeSchema>

export interface MergeOutcome {
  keptId: string
  /** What came along from the other record. */
  moved: { moments: number; followUps: number; connections: number; consents: number }
  undoId: string
}

/** Why two records may be one resident: the same name and one of these (never the name alone). */
export type DoubleReason = 'phone' | 'email' | 'address'

export interface PossibleDouble {
  a: PersonSummary
  b: PersonSummary
  reasons: DoubleReason[]
}
