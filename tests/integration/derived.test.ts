import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildInitiativeIndex } from '../../db/connect/initiatives'
import { buildPeopleIndexes } from '../../db/search/people'
import { channelNames, type Channel } from '../../shared/channels'
import type { BackupStatus } from '../../shared/backup'
import type { Initiative } from '../../shared/connect'
import type { HandoverPreview } from '../../shared/handover'
import type { ImportFileView, ImportPreview, ImportReport } from '../../shared/import'
import type { PersonDetail } from '../../shared/person-detail'
import type { FollowUp } from '../../shared/followups'
import type { Result } from '../../shared/result'
import { writeWorkerXlsx } from '../support/import-fixtures'
import { useApi, value } from '../support/api'
import { makeTempDir } from '../support/platform'

const t = useApi()

/** The indexes kept in step with every write equal indexes built from the store afresh. */
async function expectIndexesFollowTheStore(after: string) {
  // After a restore the new store's indexes fill in the background: compare them once full.
  await t.ctx.indexing.ready
  const db = t.ctx.store.db
  const rebuilt = await buildPeopleIndexes(db)
  expect(t.ctx.search.documents(), `people's index after ${after}`).toEqual(
    rebuilt.search.documents(),
  )
  expect(t.ctx.matching.documents(), `matching's columns after ${after}`).toEqual(
    rebuilt.matching.documents(),
  )
  expect(t.ctx.initiativeSearch.documents(), `initiatives' index after ${after}`).toEqual(
    (await buildInitiativeIndex(db)).documents(),
  )
}

describe('derived data', () => {
  it('follows every write through every channel: the indexes equal ones rebuilt from the store', async () => {
    const files = makeTempDir()
    const called = new Set<Channel>()
    const call = async <T>(channel: Channel, input?: unknown): Promise<T> => {
      called.add(channel)
      const result: Result<unknown> = await t.api[channel](input)
      await expectIndexesFollowTheStore(channel)
      return value<T>(result)
    }
    try {
      await call('app:info')
      await call('app:today')
      await call('app:takeNavigation')
      await call('app:welcome')
      await call('app:finishWelcome', { workerName: 'Meike', wijken: ['Noord'] })
      await call('settings:update', { workerName: 'Meike', organisation: 'Welzijn Zeist' })
      await call('settings:get')
      await call('wijken:create', { name: 'Zuid' })
      const [noord] = await call<{ id: string; name: string }[]>('wijken:list')

      const jan = await call<PersonDetail>('people:create', {
        firstName: 'Jan',
        lastName: 'Vries',
        tussenvoegsel: 'de',
        street: 'Kerkstraat',
        houseNumber: '3',
        wijk: 'Noord',
        wish: 'Wandelen met anderen',
        tags: [{ kind: 'passion', name: 'Wandelen' }],
        availability: ['tue-morning'],
      })
      const ans = await call<PersonDetail>('people:create', {
        firstName: 'Ans',
        lastName: 'Bakker',
        wijk: 'Zuid',
        moment: { date: '2026-03-01', channel: 'straat' },
        followUpPick: '1w',
      })
      await call('people:update', {
        id: jan.id,
        firstName: 'Johan',
        tussenvoegsel: 'de',
        lastName: 'Vries',
        houseNumber: '3',
        wijk: 'Noord',
        street: 'Dorpsstraat',
        tags: [{ kind: 'passion', name: 'Fietsen' }],
        availability: ['wed-evening'],
      })
      await call('people:get', { id: jan.id })
      await call('people:list', {})
      await call('people:similar', { firstName: 'Johan', lastName: 'Vries' })
      await call('people:search', { query: 'dorpsstraat' })
      await call('moments:add', {
        personId: ans.id,
        date: '2026-03-02',
        channel: 'telefoon',
        note: 'Wil graag mee naar de moestuin',
      })
      const followUp = await call<FollowUp>('followups:create', {
        personId: jan.id,
        dueOn: '2026-03-02',
        reason: 'Vragen over de wandelgroep',
      })
      await call('followups:today')
      await call('followups:summary')
      await call('followups:snooze', { id: followUp.id, by: '1w' })
      await call('followups:done', { id: followUp.id, channel: 'telefoon' })
      await call('followups:cancel', { id: ans.followUps[0]!.id })
      await call('tags:list', {})
      await call('people:update', {
        id: ans.id,
        firstName: 'Ans',
        lastName: 'Bakker',
        wijk: 'Zuid',
        phone: '06-12345678',
        email: 'ans@example.nl',
      })
      await call('contact:open', { personId: ans.id, via: 'whatsapp' })
      const templates = await call<{ id: string }[]>('templates:list')
      await call('templates:save', { templates: templates.slice(0, 1) })

      // Bulk actions, their undo, one mail as BCC; a second record of Ans merged into hers.
      const labelled = await call<{ undoId: string }>('bulk:apply', {
        selection: { scope: 'active', filter: {} },
        action: { kind: 'label', tag: { kind: 'theme', name: 'Buurtfeest' } },
      })
      await call('bulk:undo', { id: labelled.undoId })
      await call('bulk:apply', {
        selection: { ids: [jan.id, ans.id] },
        action: {
          kind: 'consent',
          purpose: 'share',
          given: true,
          date: '2026-03-02',
          how: 'mondeling',
        },
      })
      await call('contact:mailMany', { selection: { ids: [jan.id, ans.id] } })
      const twin = await call<PersonDetail>('people:create', {
        firstName: 'Ans',
        lastName: 'Bakker',
        phone: '0612345678',
        tags: [{ kind: 'need', name: 'Vervoer' }],
      })
      await call('people:doubles')
      await call('people:doublesOf', { id: twin.id })
      const merged = await call<{ undoId: string }>('people:merge', {
        keepId: ans.id,
        otherId: twin.id,
        fromOther: ['phone'],
      })
      await call('bulk:undo', { id: merged.undoId })
      await call('people:merge', { keepId: ans.id, otherId: twin.id, fromOther: [] })

      const walk = await call<Initiative>('initiatives:create', {
        name: 'Wandelgroep',
        kind: 'activiteit',
        wijk: 'Noord',
        themes: ['Wandelen'],
        meets: ['tue-morning'],
      })
      await call('initiatives:update', {
        id: walk.id,
        name: 'Wandelgroep Noord',
        kind: 'activiteit',
        wijk: 'Noord',
        themes: ['Fietsen'],
        meets: ['tue-morning'],
      })
      await call('initiatives:get', { id: walk.id })
      await call('initiatives:list', { status: 'all', query: 'noord' })
      await call('initiatives:match', { id: walk.id })
      await call('people:suggestions', { id: jan.id })
      const connection = await call<{ id: string }>('connections:create', {
        personId: jan.id,
        initiativeId: walk.id,
        date: '2026-03-02',
      })
      await call('connections:setStatus', {
        id: connection.id,
        status: 'actief',
        date: '2026-03-02',
      })
      await call('connections:list', { personId: jan.id })

      // Everyone in the wijk, and every initiative in it, is found by its new name.
      await call('wijken:rename', { id: noord!.id, name: 'Noordwijk' })
      await call('people:archive', { id: ans.id, archived: true })
      await call('people:trash', { id: jan.id })
      await call('people:restore', { id: jan.id })

      const xlsx = join(files.path, 'bewonerslijst.xlsx')
      await writeWorkerXlsx(xlsx)
      t.platform.fileDialog.answer = xlsx
      const importAll = async () => {
        const view = await call<ImportFileView>('import:open')
        await call('import:configure', { sessionId: view.sessionId, headerRow: view.headerRow })
        const mapping = view.columns.map((column) => column.suggested)
        const preview = await call<ImportPreview>('import:preview', {
          sessionId: view.sessionId,
          mapping,
        })
        await call('import:checkRow', {
          sessionId: view.sessionId,
          mapping,
          row: preview.rows[0]!.row,
          fixes: {},
        })
        await call('import:progress')
        const decisions = preview.rows
          .filter((row) => row.duplicate)
          .map((row) => ({ row: row.row, duplicate: 'merge' as const }))
        return call<ImportReport>('import:commit', {
          sessionId: view.sessionId,
          mapping,
          decisions,
        })
      }
      const report = await importAll()
      await call('import:history')
      await call('import:report', { id: report.id })
      await call('import:undo', { id: report.id })
      const second = await importAll()
      await call('import:cancel')
      // Her list's old "terugbellen" dates: all of them moved at once.
      await call('followups:settleImport', { importId: second.id, action: 'move', by: '1m' })
      const late = await call<{ id: string }[]>('followups:lateGroups')
      await call('followups:settleLate', {
        group: { wijkId: late[0]?.id ?? noord!.id },
        action: 'close',
      })

      const period = { from: '2026-01', to: '2026-03', k: 3 }
      await call('report:build', period)
      await call('report:checkNarrative', { text: 'Johan de Vries fietst nu mee.' })
      // A story about Jan: none of these writes touch a person, so the indexes stay as they are.
      const stories = await call<{ stories: { id: string }[] }>('stories:save', {
        title: 'Fietsen',
        text: 'Hij fietst nu mee.',
        personIds: [jan.id],
      })
      await call('stories:list')
      await call('stories:delete', { id: stories.stories[0]!.id })
      t.platform.fileDialog.saveAnswer = join(files.path, 'verantwoording.csv')
      await call('report:exportCsv', period)
      t.platform.fileDialog.saveAnswer = null
      await call('report:exportPdf', period)
      // Another year: the same day's export of 2026 with other settings would be refused.
      await call('report:exportYear', { year: '2025' })
      await call('report:exports')

      // Beschermen: consent per purpose (sharing is what matching reads), the review, inzage,
      // anonymising and erasing: each must leave the indexes as the store has them.
      await call('consent:record', {
        personId: jan.id,
        purpose: 'share',
        given: true,
        date: '2026-03-01',
        how: 'mondeling',
      })
      await call('consent:list', { id: jan.id })
      await call('initiatives:match', { id: walk.id })
      await call('privacy:review')
      await call('privacy:keep', { ids: [ans.id], reason: 'Loopt nog', until: '2026-06-01' })
      await call('privacy:inzageCheck', { id: jan.id })
      await call('privacy:inzage', { id: jan.id })
      await call('privacy:register')
      await call('privacy:exportRegister')
      await call('privacy:log')
      const people = await call<{ items: { id: string; firstName: string }[] }>('people:list', {
        limit: 100,
      })
      const [first, second2, third] = people.items.filter((p) => p.id !== jan.id)
      await call('privacy:anonymise', { ids: [first!.id] })
      await call('privacy:erase', { ids: [jan.id, second2!.id] })
      await call('people:trash', { id: third!.id })
      await call('privacy:emptyTrash')

      // The app lock: on, locked, unlocked, off.
      await call('lock:set', { pin: '4826', idleMinutes: 5 })
      await call('lock:lock')
      await call('lock:state')
      await call('lock:unlock', { pin: '4826' })
      await call('lock:remove', { currentPin: '4826' })

      // Handing over to herself: everyone is known by id, brought up to date, nobody doubled.
      t.platform.fileDialog.saveAnswer = join(files.path, 'overdracht.sprokkel')
      await call('handover:export', { wijkIds: null, includeNotes: true, password: 'Overdracht-1' })
      t.platform.fileDialog.answer = join(files.path, 'overdracht.sprokkel')
      await call('handover:choose')
      await call<HandoverPreview>('handover:unlock', { password: 'Overdracht-1' })
      await call('handover:commit', { decisions: [] })

      // Backups, and restoring one: the indexes are those of the restored store.
      await call('recovery:set', { password: 'Herstel-2026' })
      await call('backup:status')
      t.platform.fileDialog.folderAnswer = files.path
      await call('backup:chooseMirror')
      await call('backup:clearMirror')
      await call('people:create', { firstName: 'Kees', lastName: 'Na de back-up' })
      const status = await call<BackupStatus>('backup:now')
      await call('people:create', { firstName: 'Later', lastName: 'Dan de back-up' })
      t.platform.fileDialog.answer = join(status.folder, status.last!.name)
      await call('restore:choose')
      await call('restore:check', { password: 'Herstel-2026' })
      await call('restore:replace')
      const [someone] = (await call<{ items: { id: string }[] }>('people:list', {})).items
      await call('privacy:erase', { ids: [someone!.id] })
      await call('backup:erase', { ids: [someone!.id] })
    } finally {
      files.remove()
    }
    // Every channel of the contract was written through; a new one must be added here.
    expect([...called].sort()).toEqual([...channelNames].sort())
    // Backups and restoring run in worker threads: more than the default 5 s on a busy machine.
  }, 60_000)
})
