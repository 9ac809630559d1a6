import { localDate } from '../shared/dates'
import { nl } from '../shared/i18n/nl'
import { translate } from '../shared/i18n/messages'
import { contract, type Channel, type ChannelOutput, type ParsedInput } from '../shared/contract'
import { fail, ok, type Result } from '../shared/result'
import { invalidInput } from '../shared/validation'
import { channelNames } from '../shared/channels'
import type { ReportRequest } from '../shared/report'
import type { ApiContext } from './context'
import { StoreError } from './store/errors'
import {
  cancelFollowUp,
  createFollowUp,
  dueSummary,
  markDone,
  snooze,
  todayView,
} from './followups/followups'
import { createConnection, listConnections, setConnectionStatus } from './connect/connections'
import { commitImport } from './import/commit'
import { importHistory, importReport, undoImport } from './import/history'
import { checkImportRow, configureImport, openImport, previewImport } from './import/session'
import {
  createInitiative,
  getInitiative,
  listInitiatives,
  reindexInitiative,
  updateInitiative,
} from './connect/initiatives'
import { matchInitiative, suggestForPerson } from './connect/matching'
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
import { readSettings, writeSettings } from './ledger/settings'
import { reindexPeople, searchPeople } from './search/people'
import { similarPeople } from './ledger/similar'
import { finishWelcome, welcomeState } from './ledger/welcome'

type Handlers = {
  [C in Channel]: (ctx: ApiContext, input: ParsedInput<C>) => Promise<ChannelOutput<C>>
}

const writeContext = (ctx: ApiContext) => writeContextAt(ctx.store.db, ctx.platform.now())

/** The protected report, as of now on her clock. */
function reportFor(ctx: ApiContext, request: ReportRequest) {
  const now = ctx.platform.now()
  return buildReport(ctx.store.db, request, now, localDate(now))
}

const reindex = (ctx: ApiContext, ids: readonly string[]) =>
  reindexPeople(ctx.store.db, ctx.search, ids)

/** What the import's steps work with. */
const importWork = (ctx: ApiContext) => ({
  db: ctx.store.db,
  chooseFile: ctx.platform.chooseFile,
  state: ctx.imports,
})

/** Runs a write, then brings the search index up to date for the people it touched. */
async function andReindex<T>(ctx: ApiContext, write: Promise<T>, ids: (result: T) => string[]) {
  const result = await write
  await reindex(ctx, ids(result))
  return result
}

const handlers: Handlers = {
  'app:info': async (ctx) => ctx.info,
  'app:today': async (ctx) => ({ today: localDate(ctx.platform.now()) }),
  'app:takeNavigation': async (ctx) => {
    const view = ctx.pendingView ?? null
    ctx.pendingView = undefined
    return view
  },
  'app:welcome': (ctx) => welcomeState(ctx.store.db),
  'app:finishWelcome': (ctx, input) => finishWelcome(ctx.store.db, input, ctx.platform.now()),
  'people:create': async (ctx, input) =>
    andReindex(ctx, createPerson(ctx.store.db, input, await writeContext(ctx)), (p) => [p.id]),
  'people:update': async (ctx, input) =>
    andReindex(ctx, updatePerson(ctx.store.db, input, await writeContext(ctx)), (p) => [p.id]),
  'people:get': (ctx, { id }) => getPerson(ctx.store.db, id),
  'people:list': (ctx, input) => listPeople(ctx.store.db, input, localDate(ctx.platform.now())),
  'people:archive': (ctx, { id, archived }) =>
    andReindex(ctx, setArchived(ctx.store.db, id, archived, ctx.platform.now()), () => [id]),
  'people:trash': async (ctx, { id }) => {
    await andReindex(ctx, trashPerson(ctx.store.db, id, ctx.platform.now()), () => [id])
    return null
  },
  'people:restore': (ctx, { id }) => andReindex(ctx, restorePerson(ctx.store.db, id), () => [id]),
  'people:similar': (ctx, input) => similarPeople(ctx.store.db, input),
  'people:search': (ctx, input) =>
    searchPeople(ctx.store.db, ctx.search, input, localDate(ctx.platform.now())),
  // A moment moves "last contact", which a filter looks at.
  'moments:add': async (ctx, input) =>
    andReindex(ctx, addMoment(ctx.store.db, input, await writeContext(ctx)), () => [
      input.personId,
    ]),
  'followups:today': (ctx) => todayView(ctx.store.db, localDate(ctx.platform.now())),
  'followups:summary': (ctx) => dueSummary(ctx.store.db, localDate(ctx.platform.now())),
  'followups:create': async (ctx, input) =>
    createFollowUp(ctx.store.db, input, await writeContext(ctx)),
  'followups:done': async (ctx, input) =>
    andReindex(ctx, markDone(ctx.store.db, input, await writeContext(ctx)), (f) => [f.personId]),
  'followups:snooze': async (ctx, input) => snooze(ctx.store.db, input, await writeContext(ctx)),
  'followups:cancel': async (ctx, { id }) =>
    cancelFollowUp(ctx.store.db, id, await writeContext(ctx)),
  'tags:list': (ctx, input) => listTags(ctx.store.db, input),
  'wijken:list': (ctx) => listWijken(ctx.store.db),
  'wijken:create': (ctx, { name }) => createWijk(ctx.store.db, name, ctx.platform.now()),
  // Everyone in a renamed wijk is found by its new name.
  'wijken:rename': async (ctx, { id, name }) => {
    const wijk = await renameWijk(ctx.store.db, id, name)
    const people = await ctx.store.db
      .selectFrom('person')
      .select('id')
      .where('wijk_id', '=', id)
      .execute()
    await reindex(
      ctx,
      people.map((person) => person.id),
    )
    return wijk
  },
  'import:open': (ctx) => openImport(importWork(ctx)),
  'import:configure': (ctx, input) => configureImport(ctx.imports, input),
  'import:preview': (ctx, input) => previewImport(importWork(ctx), input),
  'import:checkRow': (ctx, input) => checkImportRow(importWork(ctx), input),
  'import:commit': async (ctx, input) => {
    const { report, touched } = await commitImport(importWork(ctx), input, await writeContext(ctx))
    await reindex(ctx, touched)
    return report
  },
  'import:progress': async (ctx) => ctx.imports.progress,
  'import:history': (ctx) => importHistory(ctx.store.db),
  'import:report': (ctx, { id }) => importReport(ctx.store.db, id),
  'import:undo': async (ctx, { id }) => {
    const { report, touched } = await undoImport(ctx.store.db, id, ctx.platform.now())
    await reindex(ctx, touched)
    return report
  },
  'initiatives:create': async (ctx, input) => {
    const initiative = await createInitiative(ctx.store.db, input, ctx.platform.now())
    await reindexInitiative(ctx.store.db, ctx.initiativeSearch, initiative.id)
    return initiative
  },
  'initiatives:update': async (ctx, input) => {
    const initiative = await updateInitiative(ctx.store.db, input, ctx.platform.now())
    await reindexInitiative(ctx.store.db, ctx.initiativeSearch, initiative.id)
    return initiative
  },
  'initiatives:get': (ctx, { id }) => getInitiative(ctx.store.db, id),
  'initiatives:list': (ctx, input) => listInitiatives(ctx.store.db, ctx.initiativeSearch, input),
  'initiatives:match': (ctx, input) =>
    matchInitiative(ctx.store.db, ctx.search, input, localDate(ctx.platform.now())),
  'people:suggestions': (ctx, { id }) =>
    suggestForPerson(ctx.store.db, ctx.initiativeSearch, ctx.search, id),
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
  'settings:get': (ctx) => readSettings(ctx.store.db),
  'settings:update': (ctx, input) => writeSettings(ctx.store.db, input),
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
    ) => Promise<ChannelOutput<C>>
    return async (input) => {
      const parsed = schema.safeParse(input)
      if (!parsed.success) return invalidInput(parsed.error)
      try {
        return ok(await handler(ctx, parsed.data))
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
