import { z } from 'zod'
import { isoDate } from './ledger'
import type { ConnectionOutcome, ConnectionStatus } from './connect'
import type { FollowUpStatus } from './followups'
import type { Person, PersonSummary } from './person'
import { foldKey } from './text'

/**
 * Beschermen: a resident's rights over his whole life in the ledger (the AVG). Consent per purpose
 * with an expiry, the bewaartermijn review, inzage, anonymising and erasing, and the
 * verwerkingsregister her privacy officer reads.
 */

/** What she may do with his data, each asked and recorded apart. */
export const consentPurposes = ['contact', 'share', 'stories'] as const
export type ConsentPurpose = (typeof consentPurposes)[number]

export const consentHows = ['mondeling', 'schriftelijk', 'digitaal', 'anders'] as const
export type ConsentHow = (typeof consentHows)[number]

export interface ConsentRecord {
  id: string
  purpose: ConsentPurpose
  given: boolean
  date: string
  how: ConsentHow
  /** The words agreed, as she wrote them down. */
  words: string | null
  recordedBy: string | null
  /** Until when it holds (given only); null: no end. */
  expiresOn: string | null
  createdAt: string
}

/** Where one purpose stands today: given (and until when), refused, expired, or never asked. */
export type ConsentState = 'given' | 'refused' | 'expired' | 'none'

export interface PurposeConsent {
  purpose: ConsentPurpose
  state: ConsentState
  current: ConsentRecord | null
  /** Every decision for this purpose, newest first (the current one included). */
  history: ConsentRecord[]
}

/** A decision she records: the expiry is the setting's term from its date unless she says. */
export const recordConsentSchema = z.strictObject(
  {
    personId: z.uuid({ error: 'validation.id' }),
    purpose: z.enum(consentPurposes, { error: 'validation.invalid' }),
    given: z.boolean({ error: 'validation.invalid' }),
    date: isoDate,
    how: z.enum(consentHows, { error: 'validation.invalid' }),
    words: z
      .string({ error: 'validation.invalid' })
      .trim()
      .max(500, { error: 'validation.tooLong' })
      .transform((value) => (value === '' ? undefined : value))
      .optional(),
    expiresOn: isoDate.optional(),
  },
  { error: 'validation.invalid' },
)
export type RecordConsent = z.output<typeof recordConsentSchema>
export type RecordConsentInput = z.input<typeof recordConsentSchema>

/** The state of a purpose on `today`. */
export function consentState(
  current: Pick<ConsentRecord, 'given' | 'expiresOn'> | null,
  today: string,
): ConsentState {
  if (!current) return 'none'
  if (!current.given) return 'refused'
  return current.expiresOn && current.expiresOn < today ? 'expired' : 'given'
}

export const privacyLogKinds = ['inzage', 'erase', 'anonymise', 'keep', 'empty_trash'] as const
export type PrivacyLogKind = (typeof privacyLogKinds)[number]

export interface PrivacyLogEntry {
  id: string
  at: string
  kind: PrivacyLogKind
  count: number
}

/** One resident in the bewaartermijn review. */
export interface ReviewItem {
  person: PersonSummary
  /** His last contact, or the day he came into the ledger when there was none. */
  since: string
  /** The day the bewaartermijn ends (or ended). */
  reviewOn: string
  keptUntil: string | null
  keepReason: string | null
}

export interface ReviewView {
  retentionMonths: number
  /** Past the bewaartermijn, longest first. */
  past: { count: number; items: ReviewItem[] }
  /** Reaching it within a month. */
  soon: { count: number; items: ReviewItem[] }
}

const ids = z
  .array(z.uuid({ error: 'validation.id' }), { error: 'validation.invalid' })
  .min(1, { error: 'validation.invalid' })
  .max(1000, { error: 'validation.tooMany' })

export const peopleRefsSchema = z.strictObject({ ids }, { error: 'validation.invalid' })

/** Keep them past the bewaartermijn: why, and until when she looks again. */
export const keepPeopleSchema = z.strictObject(
  {
    ids,
    reason: z
      .string({ error: 'validation.invalid' })
      .trim()
      .min(1, { error: 'validation.keepReason' })
      .max(300, { error: 'validation.tooLong' }),
    until: isoDate,
  },
  { error: 'validation.invalid' },
)
export type KeepPeople = z.output<typeof keepPeopleSchema>

/** What an inzage found in his free text that may be about health or other sensitive matters. */
export interface InzageCheck {
  sensitive: string[]
}

/** The verwerkingsregister, filled from her settings. */
export interface RegisterView {
  organisation: string | null
  worker: string | null
  retentionMonths: number
  consentYears: number
  trashDays: number
  people: number
  madeOn: string
  encrypted: boolean
  /** As AppInfo has it (shared/contract.ts): sealed by the OS keyring, or in a file only. */
  keyProtection: 'os-keyring' | 'file-only'
  /** Backups: a second folder chosen, a herstelwachtwoord set (db/backup/). */
  backups: { mirror: boolean; recovery: boolean }
}

/** One section of the verwerkingsregister, as the page and its PDF show it. */
export interface RegisterSection {
  title: string
  paragraphs: string[]
}

type Translate = (key: string, values?: Record<string, string | number>) => string

/**
 * The verwerkingsregister in words, filled from her settings and the store's facts: the page shows
 * these, and the PDF prints the same (never written by hand, so it cannot drift from the app).
 */
export function registerSections(view: RegisterView, t: Translate): RegisterSection[] {
  const r = (key: string, values?: Record<string, string | number>) => t(`register.${key}`, values)
  const paragraphs = (key: string, count: number, values?: Record<string, string | number>) =>
    Array.from({ length: count }, (_, i) => r(`${key}.${i + 1}`, values))
  return [
    {
      title: r('who.title'),
      paragraphs: [
        r('who.organisation', { organisation: view.organisation ?? r('notFilledIn') }),
        r('who.worker', { worker: view.worker ?? r('notFilledIn') }),
        r('who.people', { count: view.people }),
      ],
    },
    { title: r('purposes.title'), paragraphs: paragraphs('purposes', 4) },
    { title: r('data.title'), paragraphs: paragraphs('data', 3) },
    { title: r('never.title'), paragraphs: paragraphs('never', 2) },
    {
      title: r('terms.title'),
      paragraphs: paragraphs('terms', 3, {
        months: view.retentionMonths,
        years: view.consentYears,
        days: view.trashDays,
      }),
    },
    {
      title: r('where.title'),
      paragraphs: [
        r(view.encrypted ? 'where.encrypted' : 'where.notEncrypted'),
        r(view.keyProtection === 'os-keyring' ? 'where.keyring' : 'where.keyFile'),
        r('where.network'),
      ],
    },
    {
      title: r('backups.title'),
      paragraphs: [
        r('backups.daily', { mirror: view.backups.mirror ? r('backups.mirror') : '' }),
        r('backups.erased'),
        r(view.backups.recovery ? 'backups.recovery' : 'backups.noRecovery'),
        r('backups.handover'),
      ],
    },
    { title: r('access.title'), paragraphs: paragraphs('access', 2) },
    { title: r('rights.title'), paragraphs: paragraphs('rights', 3) },
    { title: r('report.title'), paragraphs: paragraphs('report', 2) },
  ]
}

/**
 * Everything the ledger holds about one resident: the JSON of an inzage (machine-readable, for
 * overdraagbaarheid) and what its PDF prints. Other residents appear only as "een andere bewoner".
 */
export interface Inzage {
  madeOn: string
  person: Person
  tags: { kind: string; name: string }[]
  consents: ConsentRecord[]
  moments: {
    date: string
    channel: string
    place: string | null
    note: string | null
    worker: string | null
    /** How this contact came about (aangemeld door / hoe bereikt). */
    referredBy: string | null
  }[]
  followUps: {
    dueOn: string
    reason: string | null
    status: FollowUpStatus
    closedAt: string | null
    doneNote: string | null
  }[]
  connections: {
    with: string
    date: string
    status: ConnectionStatus
    note: string | null
    stopReason: string | null
    history: {
      date: string
      status: ConnectionStatus
      reason: string | null
      note: string | null
    }[]
    /** What the connection brought, as she noted it (his own connections only). */
    outcomes: Omit<ConnectionOutcome, 'id' | 'createdAt'>[]
  }[]
  events: { date: string; kind: string; detail: unknown }[]
  imports: {
    fileName: string
    date: string
    action: 'added' | 'merged'
    /** What the ledger held of him before the import merged into it. */
    before: Record<string, unknown> | null
  }[]
  /** Report exports whose story names him: when, which file, and the sentences that do. */
  reportStories: { at: string; fileName: string; period: string; sentences: string[] }[]
  /** Her stories with consent that are linked to him, as she wrote them. */
  linkedStories: { title: string; text: string; exports: number }[]
  privacyLog: { at: string; kind: PrivacyLogKind }[]
}

/** Where an inzage was saved: the PDF she hands over and the JSON beside it (file names only). */
export interface InzageSaved {
  pdf: string
  json: string
}

/**
 * Words in free text that may be about health, belief, origin, sexuality, politics or the law (the
 * AVG's special categories and criminal records): an inzage warns before it is saved, since what
 * she wrote down goes to him as written. Folded stems; a word matches when it starts with one.
 */
export const sensitiveStems = [
  'ziek',
  'gezondheid',
  'medicijn',
  'medicatie',
  'depress',
  'dement',
  'alzheimer',
  'kanker',
  'diabet',
  'beroerte',
  'psych',
  'ggz',
  'autis',
  'adhd',
  'verslav',
  'alcohol',
  'drugs',
  'huisarts',
  'ziekenhuis',
  'therap',
  'burn-out',
  'burnout',
  'angst',
  'suicid',
  'zelfmoord',
  'rouw',
  'zwanger',
  'handicap',
  'beperking',
  'rolstoel',
  'geloof',
  'religie',
  'moskee',
  'kerk',
  'islam',
  'christelijk',
  'joods',
  'afkomst',
  'etnisch',
  'nationaliteit',
  'homo',
  'lesbi',
  'transgender',
  'seksu',
  'politiek',
  'vakbond',
  'strafblad',
  'politie',
  'gevangenis',
  'schulden',
  'schuldhulp',
  'bewindvoer',
] as const

/** The words in these texts that may be sensitive (see sensitiveStems), each once, as written. */
export function sensitiveWordsIn(texts: readonly (string | null | undefined)[]): string[] {
  const found = new Map<string, string>()
  for (const text of texts) {
    if (!text) continue
    for (const match of text.matchAll(/[\p{L}-]+/gu)) {
      const word = foldKey(match[0])
      if (found.has(word)) continue
      if (sensitiveStems.some((stem) => word.startsWith(stem))) found.set(word, match[0])
    }
  }
  return [...found.values()]
}
