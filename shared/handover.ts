import { z } from 'zod'
import { recoveryMinLength } from './backup'
import { duplicateChoices, type DuplicateReason } from './import'

/**
 * The overdrachtsbestand: residents handed to a successor or a colleague (db/handover/). Made from
 * the wijken she chooses, with a password; opened through a step like the import's duplicates step.
 */

const password = z
  .string({ error: 'validation.invalid' })
  .min(recoveryMinLength, { error: 'validation.recoveryTooShort' })
  .max(128, { error: 'validation.tooLong' })

export const handoverExportSchema = z.strictObject(
  {
    /** The wijken to hand over; null: every resident (those without a wijk too). */
    wijkIds: z.array(z.string().min(1).max(64)).max(500).nullable(),
    /** Whether the notes of contact moments come along (the moments themselves always do). */
    includeNotes: z.boolean({ error: 'validation.invalid' }),
    password,
  },
  { error: 'validation.invalid' },
)
export type HandoverExport = z.output<typeof handoverExportSchema>

export interface HandoverSaved {
  fileName: string
  people: number
}

export const handoverUnlockSchema = z.strictObject(
  { password: z.string({ error: 'validation.invalid' }).max(128, { error: 'validation.tooLong' }) },
  { error: 'validation.invalid' },
)

/** A resident of the file who may be someone in her ledger already (never by name alone). */
export interface HandoverMatch {
  /** Index in the file, from 1. */
  row: number
  name: string
  wijk: string | null
  /** Who in her ledger, and why. */
  personId: string
  existingName: string
  reasons: DuplicateReason[]
}

/** What the file holds, once its password opened it. */
export interface HandoverPreview {
  fileName: string
  from: string | null
  organisation: string | null
  createdAt: string
  includesNotes: boolean
  people: number
  /** Handed over before (the same resident, by his id): brought up to date, never doubled. */
  known: number
  /** Possible duplicates: she decides for each. */
  matches: HandoverMatch[]
}

export const handoverCommitSchema = z.strictObject(
  {
    decisions: z
      .array(
        z.strictObject({
          row: z.int().min(1),
          choice: z.enum(duplicateChoices, { error: 'validation.invalid' }),
        }),
      )
      .max(200_000),
  },
  { error: 'validation.invalid' },
)
export type HandoverCommit = z.output<typeof handoverCommitSchema>
