import { z } from 'zod'
import { isoDate, slots, type Slot, type TagKind } from './ledger'
import { idSchema, personLimits, type PersonSummary } from './person'

/** Verbinden: initiatives and places in the wijk, matching people to them, and the connections. */

export const initiativeKinds = ['activiteit', 'vereniging', 'organisatie', 'plek'] as const
export type InitiativeKind = (typeof initiativeKinds)[number]

export const initiativeStatuses = ['actief', 'gestopt'] as const
export type InitiativeStatus = (typeof initiativeStatuses)[number]

export const connectionStatuses = ['voorgesteld', 'kennisgemaakt', 'actief', 'gestopt'] as const
export type ConnectionStatus = (typeof connectionStatuses)[number]

/** Who proposed the connection: she herself, the resident, the initiative, someone else. */
export const proposers = ['ik', 'bewoner', 'initiatief', 'anders'] as const
export type Proposer = (typeof proposers)[number]

/**
 * What a connection brought, asked at its follow-up: "Gaat ze er nog heen?" and "Heeft ze er
 * mensen bij leren kennen?", and if she likes "Doet ze nu zelf iets voor anderen?", each on three
 * points. Not a health measure; the report only ever counts them.
 */
export const outcomeQuestions = ['going', 'metPeople', 'givesBack'] as const
export type OutcomeQuestion = (typeof outcomeQuestions)[number]
export const outcomeAnswers = ['yes', 'somewhat', 'no'] as const
export type OutcomeAnswer = (typeof outcomeAnswers)[number]

const answer = z.enum(outcomeAnswers, { error: 'validation.outcomeAnswer' })

export const outcomeSchema = z.strictObject(
  { going: answer, metPeople: answer, givesBack: answer.optional() },
  { error: 'validation.invalid' },
)
export type OutcomeAnswers = z.output<typeof outcomeSchema>

export interface ConnectionOutcome {
  id: string
  date: string
  going: OutcomeAnswer
  metPeople: OutcomeAnswer
  givesBack: OutcomeAnswer | null
  createdAt: string
}

const optionalText = (max: number) =>
  z
    .string({ error: 'validation.invalid' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .transform((value) => (value === '' ? undefined : value))
    .optional()

const optionalId = z
  .union([z.literal(''), idSchema])
  .optional()
  .transform((value) => (value ? value : undefined))

export const initiativeLimits = { name: 120, theme: personLimits.tagName } as const

const initiativeShape = {
  name: z
    .string({ error: 'validation.initiativeName' })
    .trim()
    .min(1, { error: 'validation.initiativeName' })
    .max(initiativeLimits.name, { error: 'validation.tooLong' }),
  kind: z.enum(initiativeKinds, { error: 'validation.invalid' }),
  wijk: optionalText(personLimits.wijk),
  /** Themes, from the same tags as people's passions, talents and needs. */
  themes: z
    .array(
      z
        .string({ error: 'validation.tagName' })
        .trim()
        .min(1, { error: 'validation.tagName' })
        .max(initiativeLimits.theme, { error: 'validation.tooLong' }),
    )
    .max(30, { error: 'validation.tooMany' })
    .default([]),
  meets: z
    .array(z.enum(slots as [Slot, ...Slot[]], { error: 'validation.invalid' }))
    .max(slots.length)
    .default([]),
  meetsNote: optionalText(200),
  /** Her contact there, when that contact is a resident in her ledger. */
  contactPersonId: optionalId,
  /** Her contact there in words ("Ans, 06-12345678"), when it is nobody in the ledger. */
  contactName: optionalText(120),
  /** "Zoekt: vrijwilliger die kan koken op dinsdag". */
  lookingFor: optionalText(500),
  status: z.enum(initiativeStatuses, { error: 'validation.invalid' }).default('actief'),
  note: optionalText(personLimits.note),
}

export const initiativeFieldsSchema = z.strictObject(initiativeShape, {
  error: 'validation.invalid',
})
export type InitiativeFields = z.output<typeof initiativeFieldsSchema>
export type InitiativeFieldsInput = z.input<typeof initiativeFieldsSchema>

export const updateInitiativeSchema = z.strictObject(
  { id: idSchema, ...initiativeShape },
  { error: 'validation.invalid' },
)
export type UpdateInitiative = z.output<typeof updateInitiativeSchema>

export const listInitiativesSchema = z
  .strictObject(
    {
      status: z
        .enum([...initiativeStatuses, 'all'], { error: 'validation.invalid' })
        .default('actief'),
      query: z.string({ error: 'validation.invalid' }).trim().max(200).default(''),
    },
    { error: 'validation.invalid' },
  )
  .default({ status: 'actief', query: '' })

/** Whose consent counts when she proposes someone: anyone, or only with consent recorded. */
export const consentFilters = ['any', 'given'] as const
export type ConsentFilter = (typeof consentFilters)[number]

export const matchInitiativeSchema = z.strictObject(
  {
    id: idSchema,
    wijkId: optionalId,
    consent: z.enum(consentFilters, { error: 'validation.invalid' }).default('any'),
    limit: z.int().min(1).max(200).default(30),
  },
  { error: 'validation.invalid' },
)
export type MatchInitiativeQuery = z.output<typeof matchInitiativeSchema>

export const createConnectionSchema = z
  .strictObject(
    {
      personId: idSchema,
      initiativeId: optionalId,
      otherPersonId: optionalId,
      date: isoDate,
      proposedBy: z.enum(proposers, { error: 'validation.invalid' }).default('ik'),
      status: z.enum(connectionStatuses, { error: 'validation.invalid' }).default('voorgesteld'),
      note: optionalText(personLimits.text),
      /** "Vraag over 3 weken hoe het gaat": a follow-up on this day. */
      followUpOn: z
        .union([z.literal(''), isoDate])
        .optional()
        .transform((value) => (value ? value : undefined)),
    },
    { error: 'validation.invalid' },
  )
  .refine((input) => !input.initiativeId !== !input.otherPersonId, {
    error: 'validation.connectionTarget',
    path: ['initiativeId'],
  })
  .refine((input) => input.otherPersonId !== input.personId, {
    error: 'validation.connectionSelf',
    path: ['otherPersonId'],
  })
export type NewConnection = z.output<typeof createConnectionSchema>

export const setConnectionStatusSchema = z
  .strictObject(
    {
      id: idSchema,
      status: z.enum(connectionStatuses, { error: 'validation.invalid' }),
      date: isoDate,
      reason: optionalText(300),
      note: optionalText(personLimits.text),
    },
    { error: 'validation.invalid' },
  )
  .refine((input) => input.status !== 'gestopt' || !!input.reason, {
    error: 'validation.stopReason',
    path: ['reason'],
  })
export type ConnectionStatusChange = z.output<typeof setConnectionStatusSchema>

export interface InitiativeSummary {
  id: string
  name: string
  kind: InitiativeKind
  wijk: string | null
  themes: string[]
  meets: Slot[]
  status: InitiativeStatus
  lookingFor: string | null
}

export interface Initiative extends InitiativeSummary {
  wijkId: string | null
  meetsNote: string | null
  contactPerson: { id: string; name: string } | null
  contactName: string | null
  note: string | null
  createdAt: string
  updatedAt: string
}

/** Why someone fits: each reason as the list shows it ("passie: koken · dinsdagmiddag vrij"). */
export type MatchReason =
  | { kind: 'tag'; tagKind: TagKind; name: string }
  | { kind: 'text'; field: 'wish' | 'strength' | 'need'; word: string }
  | { kind: 'time'; slots: Slot[] }
  | { kind: 'wijk'; name: string }

export interface PersonMatch {
  person: PersonSummary
  score: number
  reasons: MatchReason[]
  availableFrom: string | null
  /** No sharing consent that holds today: "eerst toestemming vragen" before proposing him. */
  askConsentFirst: boolean
}

export interface InitiativeMatches {
  /** Who fits now, best first. */
  now: PersonMatch[]
  /** Who fits but is "beschikbaar vanaf" a day still to come: shown apart. */
  soon: PersonMatch[]
}

export interface InitiativeMatch {
  initiative: InitiativeSummary
  score: number
  reasons: MatchReason[]
}

export interface SharedPassion {
  person: PersonSummary
  /** The tags they share, by name. */
  shared: string[]
  /** No sharing consent of his that holds today: ask first. */
  askConsentFirst: boolean
}

/** For one person: where her passions can go, and who shares them. */
export interface PersonSuggestions {
  initiatives: InitiativeMatch[]
  people: SharedPassion[]
  /** No sharing consent of hers that holds today: ask her first before proposing. */
  askConsentFirst: boolean
}

export interface ConnectionEvent {
  id: string
  date: string
  status: ConnectionStatus
  reason: string | null
  note: string | null
  createdAt: string
}

export interface Connection {
  id: string
  person: { id: string; name: string }
  initiative: { id: string; name: string } | null
  otherPerson: { id: string; name: string } | null
  date: string
  proposedBy: Proposer
  status: ConnectionStatus
  statusDate: string
  stopReason: string | null
  note: string | null
  /** Every status it had, oldest first. */
  history: ConnectionEvent[]
  /** What it brought, as she asked at its follow-ups, oldest first. */
  outcomes: ConnectionOutcome[]
  createdAt: string
}
