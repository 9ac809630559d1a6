import { localDate } from '../shared/dates'
import { nl } from '../shared/i18n/nl'
import { translate } from '../shared/i18n/messages'
import { contract, type Channel, type ChannelOutput, type ParsedInput } from '../shared/contract'
import { fail, ok, type Result } from '../shared/result'
import { invalidInput } from '../shared/validation'
import { channelNames } from '../shared/channels'
import { openWhileLocked } from '../shared/lock'
import type { ReportRequest } from '../shared/report'
import { followWrite, type ApiContext } from './context'
import { StoreError } from './store/errors'
import { Written } from './store/written'
import {
  cancelFollowUp,
  createFollowUp,
  dueSummary,
  markDone,
  lateGroups,
  settleLate,
  snooze,
  todayView,
} from './followups/followups'
import { createConnection, listConnections, setConnectionStatus } from './connect/connections'
import { commitImport } from './import/commit'
import { importHistory, importReport, undoImport } from './import/history'
import {
  cancelImportRead,
  checkImportRow,
  configureImport,
  openImport,
  previewImport,
} from './import/session'
import {
  createInitiative,
  getInitiative,
  listInitiatives,
  updateInitiative,
} from './connect/initiatives'
import { matchInitiative } from './connect/matching'
import { suggestForPerson } from './connect/suggestions'
import { createWijk, listTags, listWijken, renameWijk } from './ledger/lookups'
import { addMoment } from './ledger/moments'
import { writeContextAt } from './ledger/write-context'
import {
  createPerson,
  getPerson,
  listPeople,
  restorePerson,
  setArchived,
  trashPerson,
  updatePerson,
} from './ledger/people'
import { exportCsv, exportPdf } from './report/exports'
import { listExports } from './report/log'
import { checkNarrative } from './report/narrative'
import { buildReport } from './report/report'
import { deleteStory, listStories, saveStory } from './report/stories'
import { exportYear } from './report/year'
import { finishWelcome, readSettings, welcomeState, writeSettings } from './ledger/settings'
import { listConsents, recordConsent } from './privacy/consent'
import { anonymisePeople, emptyTrash, erasePeople } from './privacy/erase'
import { checkInzage, saveInzage } from './privacy/inzage'
import { listPrivacyLog } from './privacy/log'
import { exportRegister, registerView } from './privacy/register'
import { keepPeople, reviewView } from './privacy/review'
import {
  backupStatus,
  eraseFromBackups,
  makeBackup,
  setMirror,
  setRecovery,
} from './backup/backups'
import { checkRestore, chooseRestore, restoreBackup } from './backup/restore'
import { mailMany, openContact } from './contact/open'
import { readTemplates, saveTemplates } from './contact/templates'
import { exportHandover } from './handover/export'
import { chooseHandover, commitHandover, unlockHandover } from './handover/import'
import { isLocked, lockNow, lockState, removeLock, setLock, unlock } from './lock/lock'
import { searchPeople } from './search/people'
import { similarPeople } from './ledger/similar'
import { applyBulk } from './bulk/actions'
import { runUndo } from './bulk/undo'
import { doublesOf, mergePeople, possibleDoubles } from './ledger/merge'

/**
 * A handler answers with its output, or, for a write that changed what the indexes hold, with that
 * output as `Written` (what it touched): the binding below follows it for every channel alike.
 */
type Handlers = {
  [C in Channel]: (
    ctx: ApiContext,
    input: ParsedInput<C>,
  ) => Promise<ChannelOutput<C> | Written<ChannelOutput<C>>>
}

const writeContext = (ctx: ApiContext) => writeContextAt(ctx.store.db, ctx.platform.now())
const today = (ctx: ApiContext) => localDate(ctx.platform.now())

/** The protected report, as of now on her clock. */
function reportFor(ctx: ApiContext, request: ReportRequest) {
  const now = ctx.platform.now()
  return buildReport(ctx.store.db, request, now, localDate(now))
}

/** What the import's steps work with. */
const importWork = (ctx: ApiContext) => ({
  db: ctx.store.db,
  bulk: ctx.store.bulk,
  chooseFile: ctx.platform.chooseFile,
  startReader: () => ctx.platform.startReader(),
  state: ctx.imports,
})

const handlers: Handlers = {
  'app:info': async (ctx) => ctx.info,
  'app:today': async (ctx) => ({ today: today(ctx) }),
  'app:takeNavigation': async (ctx) => {
    const view = ctx.pendingView ?? null
    ctx.pendingView = undefined
    return view
  },
  'app:welcome': (ctx) => welcomeState(ctx.store.db),
  'app:finishWelcome': (ctx, input) => finishWelcome(ctx.store.db, input, ctx.platform.now()),
  'people:create': async (ctx, input) => createPerson(ctx.store.db, input, await writeContext(ctx)),
  'people:update': async (ctx, input) => updatePerson(ctx.store.db, input, await writeContext(ctx)),
  'people:get': (ctx, { id }) => getPerson(ctx.store.db, id),
  'people:list': (ctx, input) => listPeople(ctx.store.db, input, today(ctx)),
  'people:archive': (ctx, { id, archived }) =>
    setArchived(ctx.store.db, id, archived, ctx.platform.now()),
  'people:trash': (ctx, { id }) => trashPerson(ctx.store.db, id, ctx.platform.now()),
  'people:restore': (ctx, { id }) => restorePerson(ctx.store.db, id),
  'people:similar': (ctx, input) => similarPeople(ctx.store.db, input),
  'people:search': (ctx, input) => searchPeople(ctx.store.db, ctx, input, today(ctx)),
  'moments:add': async (ctx, input) => addMoment(ctx.store.db, input, await writeContext(ctx)),
  'followups:today': (ctx) => todayView(ctx.store.db, today(ctx)),
  'followups:summary': (ctx) => dueSummary(ctx.store.db, today(ctx)),
  'followups:create': async (ctx, input) =>
    createFollowUp(ctx.store.db, input, await writeContext(ctx)),
  'followups:done': async (ctx, input) => markDone(ctx.store.db, input, await writeContext(ctx)),
  'followups:snooze': async (ctx, input) => snooze(ctx.store.db, input, await writeContext(ctx)),
  'followups:cancel': async (ctx, { id }) =>
    cancelFollowUp(ctx.store.db, id, await writeContext(ctx)),
  'followups:settleImport': async (ctx, { importId, ...how }) =>
    settleLate(ctx.store.db, ctx.undo, { group: { importId }, ...how }, await writeContext(ctx)),
  'followups:settleLate': async (ctx, input) =>
    settleLate(ctx.store.db, ctx.undo, input, await writeContext(ctx)),
  'followups:lateGroups': (ctx) => lateGroups(ctx.store.db, today(ctx)),
  'tags:list': (ctx, input) => listTags(ctx.store.db, input),
  'wijken:list': (ctx) => listWijken(ctx.store.db),
  'wijken:create': (ctx, { name }) => createWijk(ctx.store.db, name, ctx.platform.now()),
  'wijken:rename': (ctx, { id, name }) => renameWijk(ctx.store.db, id, name),
  'import:open': (ctx) => openImport(importWork(ctx)),
  'import:configure': (ctx, input) => configureImport(importWork(ctx), input),
  'import:cancel': async (ctx) => cancelImportRead(ctx.imports),
  'import:preview': (ctx, input) => previewImport(importWork(ctx), input),
  'import:checkRow': (ctx, input) => checkImportRow(importWork(ctx), input),
  'import:commit': async (ctx, input) =>
    commitImport(importWork(ctx), input, await writeContext(ctx)),
  'import:progress': async (ctx) => ctx.imports.progress,
  'import:history': (ctx) => importHistory(ctx.store.db),
  'import:report': (ctx, { id }) => importReport(ctx.store.db, id),
  'import:undo': (ctx, { id }) => undoImport(ctx.store.db, id, ctx.platform.now()),
  'initiatives:create': (ctx, input) => createInitiative(ctx.store.db, input, ctx.platform.now()),
  'initiatives:update': (ctx, input) => updateInitiative(ctx.store.db, input, ctx.platform.now()),
  'initiatives:get': (ctx, { id }) => getInitiative(ctx.store.db, id),
  'initiatives:list': (ctx, input) => listInitiatives(ctx.store.db, ctx.initiativeSearch, input),
  // Matching reads everyone's columns: right after a start it waits until they are all in.
  'initiatives:match': async (ctx, input) => {
    await ctx.indexing.ready
    return matchInitiative(ctx.store.db, ctx.matching, input, today(ctx))
  },
  'people:suggestions': async (ctx, { id }) => {
    await ctx.indexing.ready
    return suggestForPerson(ctx.store.db, ctx.initiativeSearch, ctx.matching, id, today(ctx))
  },
  'connections:create': async (ctx, input) =>
    createConnection(ctx.store.db, input, await writeContext(ctx)),
  'connections:setStatus': async (ctx, input) =>
    setConnectionStatus(ctx.store.db, input, await writeContext(ctx)),
  'connections:list': (ctx, input) => listConnections(ctx.store.db, input),
  'report:build': (ctx, input) => reportFor(ctx, input),
  'report:exportCsv': async (ctx, input) =>
    exportCsv(ctx.store.db, ctx.platform, await reportFor(ctx, input)),
  'report:exportPdf': async (ctx, input) =>
    exportPdf(ctx.store.db, ctx.platform, await reportFor(ctx, input)),
  'report:exports': (ctx) => listExports(ctx.store.db),
  'report:checkNarrative': (ctx, { text }) => checkNarrative(ctx.store.db, text),
  'report:exportYear': (ctx, input) => {
    const now = ctx.platform.now()
    return exportYear(ctx.store.db, ctx.platform, input, now, localDate(now))
  },
  'stories:list': (ctx) => listStories(ctx.store.db, today(ctx)),
  'stories:save': async (ctx, input) => saveStory(ctx.store.db, input, await writeContext(ctx)),
  'stories:delete': (ctx, { id }) => deleteStory(ctx.store.db, id, today(ctx)),
  'settings:get': (ctx) => readSettings(ctx.store.db),
  'settings:update': (ctx, input) => writeSettings(ctx.store.db, input),
  'consent:list': (ctx, { id }) => listConsents(ctx.store.db, id, today(ctx)),
  'consent:record': async (ctx, input) =>
    recordConsent(ctx.store.db, input, await writeContext(ctx)),
  'privacy:review': (ctx) => reviewView(ctx.store.db, today(ctx)),
  'privacy:keep': async (ctx, input) => keepPeople(ctx.store.db, input, await writeContext(ctx)),
  'privacy:anonymise': async (ctx, { ids }) =>
    anonymisePeople(ctx.store, ids, await writeContext(ctx)),
  'privacy:erase': async (ctx, { ids }) => erasePeople(ctx.store, ids, await writeContext(ctx)),
  'privacy:emptyTrash': async (ctx) => emptyTrash(ctx.store, await writeContext(ctx)),
  'privacy:inzageCheck': (ctx, { id }) => checkInzage(ctx.store.db, id, today(ctx)),
  'privacy:inzage': (ctx, { id }) => saveInzage(ctx.store.db, ctx.platform, id),
  'privacy:register': (ctx) => registerView(ctx.store.db, ctx.info, today(ctx)),
  'privacy:exportRegister': (ctx) =>
    exportRegister(ctx.store.db, ctx.platform, ctx.info, today(ctx)),
  'privacy:log': (ctx) => listPrivacyLog(ctx.store.db),
  'lock:state': async (ctx) => lockState(ctx),
  'lock:unlock': (ctx, { pin }) => unlock(ctx, pin),
  'lock:lock': (ctx) => lockNow(ctx),
  'lock:set': (ctx, input) => setLock(ctx, input),
  'lock:remove': (ctx, { currentPin }) => removeLock(ctx, currentPin),
  'backup:status': (ctx) => backupStatus(ctx),
  'backup:now': (ctx) => makeBackup(ctx),
  'backup:chooseMirror': (ctx) => setMirror(ctx, true),
  'backup:clearMirror': (ctx) => setMirror(ctx, false),
  'backup:erase': (ctx, { ids }) => eraseFromBackups(ctx, ids),
  'recovery:set': (ctx, { password }) => setRecovery(ctx, password),
  'restore:choose': (ctx) => chooseRestore(ctx),
  'restore:check': (ctx, { password }) => checkRestore(ctx, password),
  'restore:replace': (ctx) => restoreBackup(ctx),
  'contact:open': (ctx, input) => openContact(ctx.store.db, ctx.platform, ctx.log, input),
  'templates:list': (ctx) => readTemplates(ctx.store.db),
  'templates:save': (ctx, { templates }) => saveTemplates(ctx.store.db, templates),
  'handover:export': (ctx, input) => exportHandover(ctx.store.db, ctx.platform, input, today(ctx)),
  'handover:choose': (ctx) => chooseHandover(ctx.platform, ctx.handover),
  'handover:unlock': (ctx, { password }) => unlockHandover(ctx.store.db, ctx.handover, password),
  'handover:commit': async (ctx, input) =>
    commitHandover(ctx.store.db, ctx.store.bulk, ctx.handover, input, await writeContext(ctx)),
  'bulk:apply': async (ctx, input) =>
    applyBulk(ctx.store.db, ctx.store.bulk, ctx.undo, input, await writeContext(ctx)),
  'bulk:undo': async (ctx, { id }) => runUndo(ctx.store.db, ctx.undo, id, await writeContext(ctx)),
  'contact:mailMany': (ctx, input) => mailMany(ctx.store.db, ctx.platform, ctx.log, input),
  'people:doubles': (ctx) => possibleDoubles(ctx.store.db),
  'people:doublesOf': (ctx, { id }) => doublesOf(ctx.store.db, id),
  'people:merge': async (ctx, input) =>
    mergePeople(ctx.store.db, ctx.undo, input, await writeContext(ctx)),
}

/** One bound channel: takes whatever arrived over the wire, answers with a result, never throws. */
export type BoundHandler = (input: unknown) => Promise<Result<unknown>>
export type ApiTable = Record<Channel, BoundHandler>

export interface ApiOptions {
  /**
   * Also told of unexpected errors (tests collect them). They always go to the context's log,
   * and reach the user only as a plain message.
   */
  onError?: (channel: Channel, error: unknown) => void
}

/**
 * The API table: channel name → handler that validates its input with the contract's schema before
 * anything runs, and turns every outcome into a `Result` (Errors lose their fields over IPC).
 */
export function createApi(ctx: ApiContext, options: ApiOptions = {}): ApiTable {
  const bind = <C extends Channel>(channel: C): BoundHandler => {
    const schema = contract[channel].input
    const handler = handlers[channel] as (
      ctx: ApiContext,
      input: unknown,
    ) => Promise<ChannelOutput<C> | Written<ChannelOutput<C>>>
    return async (input) => {
      const guarded = !(openWhileLocked as readonly string[]).includes(channel)
      try {
        // Locked: nothing but the lock's own state and unlocking, whatever was asked (and before
        // the input is read). The check reads nothing from the store (db/lock/lock.ts).
        if (guarded && isLocked(ctx)) return fail('locked', translate(nl, 'lock.locked'))
        const parsed = schema.safeParse(input)
        if (!parsed.success) return invalidInput(parsed.error)
        const outcome = await handler(ctx, parsed.data)
        if (!(outcome instanceof Written)) return ok(outcome)
        await followWrite(ctx, outcome.touched)
        return ok(outcome.value)
      } catch (error) {
        if (error instanceof StoreError) return fail(error.code, error.message)
        ctx.log.error('api.failed', error, { channel })
        options.onError?.(channel, error)
        return fail('internal', translate(nl, 'errors.internal'))
      }
    }
  }
  return Object.fromEntries(channelNames.map((channel) => [channel, bind(channel)])) as ApiTable
}

export const isChannel = (name: string): name is Channel =>
  (channelNames as readonly string[]).includes(name)
