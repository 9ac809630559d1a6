import { z } from 'zod'
import { idSchema } from './person'
import type { ConsentState } from './privacy'
import type { NarrativeFinding } from './report'

/**
 * Verhalen met toestemming: a story she writes for the report ("cijfers én verhalen"), linked to
 * the residents it is about. It may go into an export only while each of them has the consent
 * "opnemen in verhalen"; the check for names, streets, phones and e-mail addresses runs on it too.
 */

export const storyLimits = { title: 120, text: 3000, people: 20 } as const

export const saveStorySchema = z.strictObject(
  {
    /** Left out: a new story. */
    id: idSchema.optional(),
    title: z
      .string({ error: 'validation.storyTitle' })
      .trim()
      .min(1, { error: 'validation.storyTitle' })
      .max(storyLimits.title, { error: 'validation.tooLong' }),
    text: z
      .string({ error: 'validation.storyText' })
      .trim()
      .min(1, { error: 'validation.storyText' })
      .max(storyLimits.text, { error: 'validation.tooLong' }),
    /** The residents it is about. */
    personIds: z
      .array(idSchema, { error: 'validation.invalid' })
      .max(storyLimits.people, { error: 'validation.tooMany' })
      .default([]),
  },
  { error: 'validation.invalid' },
)
export type SaveStory = z.output<typeof saveStorySchema>
export type SaveStoryInput = z.input<typeof saveStorySchema>

export const storyRefSchema = z.strictObject({ id: idSchema }, { error: 'validation.invalid' })

export interface StoryPerson {
  id: string
  name: string
  /** Where "opnemen in verhalen" stands for them today. */
  consent: ConsentState
}

export interface Story {
  id: string
  title: string
  text: string
  people: StoryPerson[]
  /** How many of them lack the consent today: while any do, the story cannot be exported. */
  withoutConsent: number
  /** What in it may point at a resident (as the story check finds it). */
  findings: NarrativeFinding[]
  /** How many exports held it. */
  exports: number
  updatedAt: string
}

/** Consent withdrawn after a story went out: which story and which export, never who. */
export interface StoryWithdrawal {
  id: string
  at: string
  /** Null once the story is deleted. */
  storyTitle: string | null
  exportFileName: string | null
  exportAt: string | null
}

export interface StoriesView {
  stories: Story[]
  withdrawals: StoryWithdrawal[]
}
