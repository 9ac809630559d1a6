import { z } from 'zod'
import type { Channel } from './channels'
import {
  bulkApplySchema,
  mailManySchema,
  mergeSchema,
  undoRefSchema,
  type BulkOutcome,
  type MailManyOutcome,
  type MergeOutcome,
  type PossibleDouble,
} from './bulk'
import {
  createFollowUpSchema,
  doneFollowUpSchema,
  settleImportSchema,
  settleLateSchema,
  type LateGroup,
  type Settled,
  snoozeFollowUpSchema,
  type DueSummary,
  type FollowUp,
  type TodayView,
} from './followups'
import { tagKinds } from './ledger'
import { maxRoutes } from './routes'
import { saveStorySchema, storyRefSchema, type StoriesView } from './stories'
import { foldKey } from './text'
import {
  addMomentSchema,
  idSchema,
  newPersonSchema,
  personLimits,
  personRefSchema,
  similarPeopleSchema,
  updatePersonSchema,
  type ContactMoment,
  type PeoplePage,
  type SimilarPerson,
  type Tag,
} from './person'
import { type PersonDetail } from './person-detail'
import {
  narrativeCheckSchema,
  reportRequestSchema,
  yearOverviewSchema,
  type NarrativeFinding,
  type Report,
  type ReportExport,
} from './report'
import {
  createConnectionSchema,
  initiativeFieldsSchema,
  listInitiativesSchema,
  matchInitiativeSchema,
  setConnectionStatusSchema,
  updateInitiativeSchema,
  type Connection,
  type Initiative,
  type InitiativeMatches,
  type InitiativeSummary,
  type PersonSuggestions,
} from './connect'
import {
  checkRowSchema,
  commitImportSchema,
  configureImportSchema,
  importRefSchema,
  previewImportSchema,
  type ImportFileView,
  type ImportHistoryItem,
  type ImportPreview,
  type ImportProgress,
  type ImportReport,
  type PreviewRow,
} from './import'
import {
  keepPeopleSchema,
  peopleRefsSchema,
  recordConsentSchema,
  type InzageCheck,
  type InzageSaved,
  type PrivacyLogEntry,
  type PurposeConsent,
  type RegisterView,
  type ReviewView,
} from './privacy'
import {
  restoreCheckSchema,
  setRecoverySchema,
  type BackupErasure,
  type BackupStatus,
  type RestoreChoice,
  type RestorePreview,
} from './backup'
import { openContactSchema, type ContactWay } from './contact'
import { saveTemplatesSchema, type MailTemplate } from './templates'
import {
  handoverCommitSchema,
  handoverExportSchema,
  handoverUnlockSchema,
  type HandoverPreview,
  type HandoverSaved,
} from './handover'
import { removeLockSchema, setLockSchema, unlockSchema, type LockState } from './lock'
import { listPeopleSchema, searchPeopleSchema, type PeopleSearchResult } from './people-query'

export type KeyProtection = 'os-keyring' | 'file-only'

export interface AppInfo {
  version: string
  dataDir: string
  /** Read from the store file itself, not assumed: true when its first bytes are not plain SQLite. */
  encrypted: boolean
  keyProtection: KeyProtection
}

/** Carries an output type without a runtime value: outputs come from our own code, inputs do not. */
const returns = <T>() => undefined as unknown as T

const noInput = z.undefined({ error: 'validation.invalid' })

export interface Settings {
  /** Her name, written with every contact moment she logs. */
  workerName: string | null
  /** When the daily reminder comes, on her wall clock ("09:00"). */
  reminderTime: string
  /** Her organisation, printed on the Verantwoording report. */
  organisation: string | null
  /** The bewaartermijn: months without contact before someone comes up for review. */
  retentionMonths: number
  /** How long a consent holds unless she records otherwise, in years. */
  consentYears: number
  /** Days a deleted resident stays in the trash before it empties by itself. */
  trashDays: number
  /** Aangemeld door: her list of routes, in her order (shared/routes.ts has where it starts). */
  routes: string[]
}

/** The AVG defaults: two years of no contact, consent for two years, thirty days in the trash. */
export const privacyDefaults = { retentionMonths: 24, consentYears: 2, trashDays: 30 } as const

/** Where a clicked notification takes her: Vandaag (follow-ups) or Beschermen (the review). */
export type PendingView = 'today' | 'privacy'

export const defaultReminderTime = '09:00'

export const settingsSchema = z.strictObject(
  {
    workerName: z
      .string({ error: 'validation.invalid' })
      .trim()
      .max(80, { error: 'validation.tooLong' })
      .transform((value) => (value === '' ? null : value)),
    reminderTime: z
      .string({ error: 'validation.time' })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.time' })
      .default(defaultReminderTime),
    organisation: z
      .string({ error: 'validation.invalid' })
      .trim()
      .max(120, { error: 'validation.tooLong' })
      .transform((value) => (value === '' ? null : value))
      .default(''),
    retentionMonths: z
      .int({ error: 'validation.notANumber' })
      .min(6, { error: 'validation.retention' })
      .max(120, { error: 'validation.retention' })
      .optional(),
    consentYears: z
      .int({ error: 'validation.notANumber' })
      .min(1, { error: 'validation.consentYears' })
      .max(10, { error: 'validation.consentYears' })
      .optional(),
    trashDays: z
      .int({ error: 'validation.notANumber' })
      .min(1, { error: 'validation.trashDays' })
      .max(365, { error: 'validation.trashDays' })
      .optional(),
    routes: z
      .array(
        z
          .string({ error: 'validation.invalid' })
          .trim()
          .min(1, { error: 'validation.routeName' })
          .regex(/^[^\r\n]*$/, { error: 'validation.routeName' })
          .max(personLimits.route, { error: 'validation.tooLong' }),
        { error: 'validation.invalid' },
      )
      .min(1, { error: 'validation.routesEmpty' })
      .max(maxRoutes, { error: 'validation.tooMany' })
      .refine((routes) => new Set(routes.map((r) => foldKey(r))).size === routes.length, {
        error: 'validation.routeTwice',
      })
      .optional(),
  },
  { error: 'validation.invalid' },
)
/** What she changes: the Beschermen terms only when given (an older client leaves them as they are). */
export type SettingsUpdate = z.output<typeof settingsSchema>

const tagQuerySchema = z
  .strictObject(
    {
      kind: z.enum(tagKinds, { error: 'validation.invalid' }).optional(),
      prefix: z.string({ error: 'validation.invalid' }).max(60).optional(),
      limit: z.int().min(1).max(500).default(50),
    },
    { error: 'validation.invalid' },
  )
  .default({ limit: 50 })

export interface Wijk {
  id: string
  name: string
}

export const wijkNameSchema = z
  .string({ error: 'validation.wijkName' })
  .trim()
  .min(1, { error: 'validation.wijkName' })
  .max(personLimits.wijk, { error: 'validation.tooLong' })

/** The first start: her name, and the wijken she works in (either may be left for later). */
export const finishWelcomeSchema = z.strictObject(
  {
    workerName: settingsSchema.shape.workerName,
    wijken: z.array(wijkNameSchema).max(30, { error: 'validation.tooMany' }).default([]),
  },
  { error: 'validation.invalid' },
)

interface ChannelSpec {
  input: z.ZodType
  output: unknown
}

/**
 * Every channel between the renderer and the main process: `domain:verb` → input schema and output
 * type. The main side parses each input with its schema before a handler sees it; the preload and the
 * test harness build `window.sprokkel` from these names. Nothing else crosses the boundary.
 */
export const contract = {
  'app:info': { input: noInput, output: returns<AppInfo>() },
  /** Her today, from the main side's clock (which tests can move). */
  'app:today': { input: noInput, output: returns<{ today: string }>() },
  /** Where to go now the window came forward: 'today' once after a notification was clicked. */
  'app:takeNavigation': { input: noInput, output: returns<PendingView | null>() },
  /** Whether to greet her: a first start, nothing in the ledger yet and no welcome finished. */
  'app:welcome': { input: noInput, output: returns<{ show: boolean }>() },
  /** Keeps her name and creates her wijken (those she named that are new), in one go. */
  'app:finishWelcome': { input: finishWelcomeSchema, output: returns<null>() },
  'people:create': { input: newPersonSchema, output: returns<PersonDetail>() },
  'people:update': { input: updatePersonSchema, output: returns<PersonDetail>() },
  'people:get': { input: personRefSchema, output: returns<PersonDetail>() },
  'people:list': { input: listPeopleSchema, output: returns<PeoplePage>() },
  'people:archive': {
    input: z.strictObject({ id: idSchema, archived: z.boolean() }, { error: 'validation.invalid' }),
    output: returns<PersonDetail>(),
  },
  'people:trash': { input: personRefSchema, output: returns<null>() },
  'people:restore': { input: personRefSchema, output: returns<PersonDetail>() },
  'people:similar': { input: similarPeopleSchema, output: returns<SimilarPerson[]>() },
  'people:search': { input: searchPeopleSchema, output: returns<PeopleSearchResult[]>() },
  'moments:add': { input: addMomentSchema, output: returns<ContactMoment>() },
  'followups:today': { input: noInput, output: returns<TodayView>() },
  'followups:summary': { input: noInput, output: returns<DueSummary>() },
  'followups:create': { input: createFollowUpSchema, output: returns<FollowUp>() },
  'followups:done': { input: doneFollowUpSchema, output: returns<FollowUp>() },
  'followups:snooze': { input: snoozeFollowUpSchema, output: returns<FollowUp>() },
  'followups:cancel': { input: personRefSchema, output: returns<FollowUp>() },
  /** An import's late follow-ups, all at once: moved or closed. */
  'followups:settleImport': { input: settleImportSchema, output: returns<Settled>() },
  /** All late follow-ups of a wijk or a label at once, moved or closed, with undo. */
  'followups:settleLate': { input: settleLateSchema, output: returns<Settled>() },
  /** Wijken and labels with two or more late follow-ups, for the above. */
  'followups:lateGroups': { input: noInput, output: returns<LateGroup[]>() },
  'tags:list': { input: tagQuerySchema, output: returns<Tag[]>() },
  'wijken:list': { input: noInput, output: returns<Wijk[]>() },
  'wijken:create': { input: z.strictObject({ name: wijkNameSchema }), output: returns<Wijk>() },
  'wijken:rename': {
    input: z.strictObject({ id: idSchema, name: wijkNameSchema }, { error: 'validation.invalid' }),
    output: returns<Wijk>(),
  },
  /** Opens the native file dialog and reads the chosen file; null when she cancels. */
  'import:open': { input: noInput, output: returns<ImportFileView | null>() },
  'import:configure': { input: configureImportSchema, output: returns<ImportFileView>() },
  'import:preview': { input: previewImportSchema, output: returns<ImportPreview>() },
  'import:checkRow': { input: checkRowSchema, output: returns<PreviewRow>() },
  'import:commit': { input: commitImportSchema, output: returns<ImportReport>() },
  /** How far the running step is (asked while it runs, for the progress bar). */
  'import:progress': { input: noInput, output: returns<ImportProgress | null>() },
  /** Stops the file being read (the step that opened or re-read it answers as if cancelled). */
  'import:cancel': { input: noInput, output: returns<null>() },
  'import:history': { input: noInput, output: returns<ImportHistoryItem[]>() },
  'import:report': { input: importRefSchema, output: returns<ImportReport>() },
  'import:undo': { input: importRefSchema, output: returns<ImportReport>() },
  'initiatives:create': { input: initiativeFieldsSchema, output: returns<Initiative>() },
  'initiatives:update': { input: updateInitiativeSchema, output: returns<Initiative>() },
  'initiatives:get': { input: personRefSchema, output: returns<Initiative>() },
  'initiatives:list': { input: listInitiativesSchema, output: returns<InitiativeSummary[]>() },
  /** Who fits this initiative, ranked with reasons; "straks beschikbaar" apart. */
  'initiatives:match': { input: matchInitiativeSchema, output: returns<InitiativeMatches>() },
  /** For one person: initiatives that fit her, and residents who share a passion. */
  'people:suggestions': { input: personRefSchema, output: returns<PersonSuggestions>() },
  'connections:create': { input: createConnectionSchema, output: returns<Connection>() },
  'connections:setStatus': { input: setConnectionStatusSchema, output: returns<Connection>() },
  'connections:list': {
    input: z.union(
      [z.strictObject({ personId: idSchema }), z.strictObject({ initiativeId: idSchema })],
      { error: 'validation.invalid' },
    ),
    output: returns<Connection[]>(),
  },
  /** The protected report: counts only, small ones hidden, with its method. */
  'report:build': { input: reportRequestSchema, output: returns<Report>() },
  /** Saves the report as CSV where she chooses (native dialog); null when she cancels. Logged. */
  'report:exportCsv': { input: reportRequestSchema, output: returns<ReportExport | null>() },
  /** Saves the report as an A4 PDF with charts (native dialog); null when she cancels. Logged. */
  'report:exportPdf': { input: reportRequestSchema, output: returns<ReportExport | null>() },
  'report:exports': { input: noInput, output: returns<ReportExport[]>() },
  /** Names, streets, phone numbers and e-mail addresses of her ledger found in her story. */
  'report:checkNarrative': { input: narrativeCheckSchema, output: returns<NarrativeFinding[]>() },
  /** Het jaaroverzicht: one A4 PDF for a year and a wijk, where she chooses; null: cancelled. */
  'report:exportYear': { input: yearOverviewSchema, output: returns<ReportExport | null>() },
  /** Her stories with the residents they are about, their consent, and withdrawals after export. */
  'stories:list': { input: noInput, output: returns<StoriesView>() },
  'stories:save': { input: saveStorySchema, output: returns<StoriesView>() },
  'stories:delete': { input: storyRefSchema, output: returns<StoriesView>() },
  'settings:get': { input: noInput, output: returns<Settings>() },
  'settings:update': { input: settingsSchema, output: returns<Settings>() },
  /** Each purpose's consent for one resident: where it stands today, and its history. */
  'consent:list': { input: personRefSchema, output: returns<PurposeConsent[]>() },
  'consent:record': { input: recordConsentSchema, output: returns<PurposeConsent[]>() },
  /** The bewaartermijn review: past it, and reaching it within a month. */
  'privacy:review': { input: noInput, output: returns<ReviewView>() },
  'privacy:keep': { input: keepPeopleSchema, output: returns<{ count: number }>() },
  'privacy:anonymise': { input: peopleRefsSchema, output: returns<{ count: number }>() },
  /** Erased for good: every trace in the store, its WAL and every index. */
  'privacy:erase': { input: peopleRefsSchema, output: returns<{ count: number }>() },
  'privacy:emptyTrash': { input: noInput, output: returns<{ count: number }>() },
  /** Before an inzage is saved: words in his free text that may be sensitive. */
  'privacy:inzageCheck': { input: personRefSchema, output: returns<InzageCheck>() },
  /** Everything about one resident, as a PDF and a JSON where she chooses; null: she cancelled. */
  'privacy:inzage': { input: personRefSchema, output: returns<InzageSaved | null>() },
  'privacy:register': { input: noInput, output: returns<RegisterView>() },
  'privacy:exportRegister': { input: noInput, output: returns<{ fileName: string } | null>() },
  'privacy:log': { input: noInput, output: returns<PrivacyLogEntry[]>() },
  /** Whether a lock is set and the app is locked (answers while locked). */
  'lock:state': { input: noInput, output: returns<LockState>() },
  'lock:unlock': { input: unlockSchema, output: returns<LockState>() },
  'lock:lock': { input: noInput, output: returns<LockState>() },
  'lock:set': { input: setLockSchema, output: returns<LockState>() },
  'lock:remove': { input: removeLockSchema, output: returns<LockState>() },
  /** The last backup, where, and whether it is too old (Instellingen). */
  'backup:status': { input: noInput, output: returns<BackupStatus>() },
  /** "Nu een back-up maken": answers when it is written and checked (or failed). */
  'backup:now': { input: noInput, output: returns<BackupStatus>() },
  /** A second folder for backups, from the OS's folder dialog (she may cancel). */
  'backup:chooseMirror': { input: noInput, output: returns<BackupStatus>() },
  'backup:clearMirror': { input: noInput, output: returns<BackupStatus>() },
  /** On her request: residents she erased, erased from every backup she has too. */
  'backup:erase': { input: peopleRefsSchema, output: returns<BackupErasure>() },
  /** Sets or changes her herstelwachtwoord; a backup carrying it follows at once. */
  'recovery:set': { input: setRecoverySchema, output: returns<BackupStatus>() },
  /** Restore, step 1: she chooses a backup file; null: she cancelled. */
  'restore:choose': { input: noInput, output: returns<RestoreChoice | null>() },
  /** Step 2: her herstelwachtwoord opens it and she sees what it holds; nothing changes yet. */
  'restore:check': { input: restoreCheckSchema, output: returns<RestorePreview>() },
  /** Step 3: her ledger becomes the backup's (after a backup of the ledger as it was). */
  'restore:replace': { input: noInput, output: returns<RestorePreview>() },
  /** Her mail client, phone app or WhatsApp for one resident, opened by the OS. */
  'contact:open': { input: openContactSchema, output: returns<{ via: ContactWay }>() },
  /** Her mail templates (Instellingen), or the Dutch ones the app starts with. */
  'templates:list': { input: noInput, output: returns<MailTemplate[]>() },
  'templates:save': { input: saveTemplatesSchema, output: returns<MailTemplate[]>() },
  /** An overdrachtsbestand of the wijken she chose, where she chooses; null: she cancelled. */
  'handover:export': { input: handoverExportSchema, output: returns<HandoverSaved | null>() },
  /** Receiving one, step 1: she chooses the file; null: she cancelled. */
  'handover:choose': { input: noInput, output: returns<{ fileName: string } | null>() },
  /** Step 2: its password opens it; who is in it and who may be someone she has. */
  'handover:unlock': { input: handoverUnlockSchema, output: returns<HandoverPreview>() },
  /** Step 3: in it goes, as an import (undo in the import's history). */
  'handover:commit': { input: handoverCommitSchema, output: returns<ImportReport>() },
  /** One action on the residents she selected, in one transaction: how many changed, and undo. */
  'bulk:apply': { input: bulkApplySchema, output: returns<BulkOutcome>() },
  /** Takes a bulk action or a merge back (while the app runs): how many it put back. */
  'bulk:undo': { input: undoRefSchema, output: returns<{ count: number }>() },
  /** One mail to the residents she selected, every address as BCC, opened by the OS. */
  'contact:mailMany': { input: mailManySchema, output: returns<MailManyOutcome>() },
  /** "Mogelijk dubbel": pairs of records with the same name and phone, e-mail or address. */
  'people:doubles': { input: noInput, output: returns<PossibleDouble[]>() },
  /** Two records of one resident become one; she picked per field. */
  'people:merge': { input: mergeSchema, output: returns<MergeOutcome>() },
  /** The same for one resident (his page): who he may also be. */
  'people:doublesOf': { input: personRefSchema, output: returns<PossibleDouble[]>() },
} as const satisfies Record<Channel, ChannelSpec>

export type Contract = typeof contract
export type { Channel }
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = Contract[C]['output']
