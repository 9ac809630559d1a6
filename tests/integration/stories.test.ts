import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PersonDetail } from '../../shared/person-detail'
import type { Report, ReportExport } from '../../shared/report'
import type { StoriesView } from '../../shared/stories'
import { useApi, value } from '../support/api'
import { TestClock } from '../support/platform'

const t = useApi(new TestClock(new Date('2026-07-01T09:30:00.000Z')))

const henk = async () =>
  value<PersonDetail>(
    await t.api['people:create']({ firstName: 'Henk', lastName: 'Jansen', wijk: 'Noord' }),
  )

const consent = async (personId: string, given: boolean, date = '2026-06-01') =>
  value(
    await t.api['consent:record']({ personId, purpose: 'stories', given, date, how: 'mondeling' }),
  )

const period = (storyIds: string[]) => ({ from: '2026-04', to: '2026-06', k: 3, storyIds })

describe('stories with consent', () => {
  it('goes into an export only while everyone it is about consents; a withdrawal after is logged', async () => {
    const { id } = await henk()
    const saved = value<StoriesView>(
      await t.api['stories:save']({
        title: 'Weer op de fiets',
        text: 'Een bewoner van Noord fietst nu elke week mee met de fietsclub.',
        personIds: [id],
      }),
    )
    const story = saved.stories[0]!
    expect(story).toMatchObject({
      people: [{ id, name: 'Henk Jansen', consent: 'none' }],
      withoutConsent: 1,
      findings: [],
      exports: 0,
    })

    // Without his consent the report shows it, and refuses to export it: no file, no log.
    const report = value<Report>(await t.api['report:build'](period([story.id])))
    expect(report.stories).toEqual([
      { id: story.id, title: story.title, text: story.text, withoutConsent: 1 },
    ])
    for (const format of ['Csv', 'Pdf'] as const) {
      const path = join(t.dir.path, `verantwoording.${format}`)
      t.platform.fileDialog.saveAnswer = path
      expect(await t.api[`report:export${format}`](period([story.id]))).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          message: expect.stringContaining('zonder toestemming “Opnemen in verhalen”'),
        },
      })
      expect(existsSync(path)).toBe(false)
    }
    expect(value<ReportExport[]>(await t.api['report:exports'](undefined))).toEqual([])

    // Refused, or given but expired: still not.
    await consent(id, false)
    expect(value<StoriesView>(await t.api['stories:list'](undefined)).stories[0]).toMatchObject({
      people: [{ consent: 'refused' }],
      withoutConsent: 1,
    })
    value(
      await t.api['consent:record']({
        personId: id,
        purpose: 'stories',
        given: true,
        date: '2025-01-01',
        how: 'schriftelijk',
        expiresOn: '2026-01-01',
      }),
    )
    expect(value<Report>(await t.api['report:build'](period([story.id]))).stories[0]).toMatchObject(
      { withoutConsent: 1 },
    )

    // With it: exported, the story beside the figures, and the export remembered.
    await consent(id, true)
    const csvPath = join(t.dir.path, 'verantwoording.csv')
    t.platform.fileDialog.saveAnswer = csvPath
    value(await t.api['report:exportCsv'](period([story.id])))
    const csv = readFileSync(csvPath, 'utf8')
    expect(csv).toContain('Verhalen, met toestemming')
    expect(csv).toContain('Een bewoner van Noord fietst nu elke week mee met de fietsclub.')
    expect(csv).not.toContain('Henk')
    expect(value<StoriesView>(await t.api['stories:list'](undefined))).toMatchObject({
      stories: [{ exports: 1, withoutConsent: 0 }],
      withdrawals: [],
    })

    // He withdraws it afterwards: logged with the story and the export, never his name.
    t.clock.set('2026-07-08T10:00:00.000Z')
    await consent(id, false, '2026-07-08')
    const after = value<StoriesView>(await t.api['stories:list'](undefined))
    expect(after.withdrawals).toEqual([
      {
        id: expect.any(String),
        at: '2026-07-08T10:00:00.000Z',
        storyTitle: 'Weer op de fiets',
        exportFileName: 'verantwoording.csv',
        exportAt: '2026-07-01T09:30:00.000Z',
      },
    ])
    expect(JSON.stringify(after.withdrawals)).not.toContain('Henk')
    expect(after.stories[0]).toMatchObject({ withoutConsent: 1 })

    // Someone linked after the export, who never said yes, says no: not a withdrawal.
    const { id: other } = value<PersonDetail>(
      await t.api['people:create']({ firstName: 'Ria', lastName: 'Bos' }),
    )
    value(
      await t.api['stories:save']({
        id: story.id,
        title: story.title,
        text: story.text,
        personIds: [id, other],
      }),
    )
    await consent(other, false, '2026-07-08')
    // And he, having said no already, says no again: nothing new either.
    await consent(id, false, '2026-07-09')
    expect(value<StoriesView>(await t.api['stories:list'](undefined)).withdrawals).toHaveLength(1)
  })

  it('runs the check for names, streets, phones and e-mail addresses on every story', async () => {
    await t.api['people:create']({ firstName: 'Fatima', lastName: 'Amrani', street: 'Lindelaan' })
    const view = value<StoriesView>(
      await t.api['stories:save']({
        title: 'Samen koken',
        text: 'Fatima van de Lindelaan kookt nu mee; bel 06-12345678 of mail kok@example.nl.',
      }),
    )
    expect(view.stories[0]!.findings.map((f) => [f.kind, f.text])).toEqual([
      ['email', 'kok@example.nl'],
      ['phone', '06-12345678'],
      ['name', 'Fatima'],
      ['street', 'Lindelaan'],
    ])
  })

  it('changes, deletes, and refuses what is not there or not right', async () => {
    const { id } = await henk()
    const first = value<StoriesView>(
      await t.api['stories:save']({ title: 'Eerst', text: 'Tekst', personIds: [id] }),
    ).stories[0]!
    const changed = value<StoriesView>(
      await t.api['stories:save']({ id: first.id, title: 'Daarna', text: 'Nieuwe tekst' }),
    ).stories
    expect(changed).toMatchObject([{ id: first.id, title: 'Daarna', people: [] }])
    const unknown = '0190d5c2-0000-7000-8000-000000000000'
    expect(
      await t.api['stories:save']({ title: 'X', text: 'Y', personIds: [unknown] }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await t.api['stories:save']({ id: unknown, title: 'X', text: 'Y' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Dit verhaal bestaat niet (meer).' },
    })
    expect(await t.api['stories:save']({ title: ' ', text: 'Y' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('Geef het verhaal een titel.'),
      },
    })
    expect(await t.api['report:build'](period([unknown]))).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(value<StoriesView>(await t.api['stories:delete']({ id: first.id })).stories).toEqual([])
    // Only people she can still open.
    value(await t.api['people:trash']({ id }))
    expect(await t.api['stories:save']({ title: 'X', text: 'Y', personIds: [id] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('erasing a resident takes his name out of the stories about him', async () => {
    const { id } = await henk()
    value(
      await t.api['stories:save']({
        title: 'Henk Jansen fietst',
        text: 'Henk fietst weer; Jansen is blij.',
        personIds: [id],
      }),
    )
    value(await t.api['privacy:erase']({ ids: [id] }))
    const [story] = value<StoriesView>(await t.api['stories:list'](undefined)).stories
    expect(story).toMatchObject({
      title: '[verwijderd] fietst',
      text: '[verwijderd] fietst weer; [verwijderd] is blij.',
      people: [],
    })
  })
})
