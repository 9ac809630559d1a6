import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PersonDetail } from '../../shared/person-detail'
import type { ReportExport } from '../../shared/report'
import type { StoriesView } from '../../shared/stories'
import { useApi, value } from '../support/api'
import { pdfPages } from '../support/pdf'
import { TestClock } from '../support/platform'

const t = useApi(new TestClock(new Date('2026-11-02T09:30:00.000Z')))

/** Noord's year: twelve residents, most sent by the GP, eight at the walking group. */
async function noordsYear() {
  const group = value<{ id: string }>(
    await t.api['initiatives:create']({
      name: 'De Stappers',
      kind: 'activiteit',
      themes: ['wandelen'],
    }),
  )
  const names: string[] = []
  const ids: string[] = []
  for (let i = 0; i < 12; i++) {
    const firstName = `Wandelaar${String.fromCharCode(65 + i)}`
    names.push(firstName)
    const person = value<PersonDetail>(
      await t.api['people:create']({
        firstName,
        lastName: 'Geheimnaam',
        wijk: 'Noord',
        street: 'Verborgenstraat',
        referredBy: i < 7 ? 'Huisarts / Welzijn op Recept' : 'Buren',
        moment: { date: `2026-0${1 + (i % 9)}-10`, channel: 'straat' },
      }),
    )
    ids.push(person.id)
    if (i < 8) {
      value(
        await t.api['connections:create']({
          personId: person.id,
          initiativeId: group.id,
          date: '2026-03-01',
          followUpOn: '2026-11-02',
        }),
      )
    }
  }
  const today = value<{ groups: { today: { items: { id: string }[] } } }>(
    await t.api['followups:today'](undefined),
  )
  for (const [i, item] of today.groups.today.items.entries()) {
    value(
      await t.api['followups:done']({
        id: item.id,
        outcome: { going: i < 5 ? 'yes' : 'no', metPeople: 'yes' },
      }),
    )
  }
  return { names, ids }
}

describe('het jaaroverzicht', () => {
  it('is one A4 page for the wijk: figures, routes, themes with what they brought, two stories, the method; no names', async () => {
    const { names, ids } = await noordsYear()
    const story = async (title: string, text: string, personIds: string[]) =>
      value<StoriesView>(await t.api['stories:save']({ title, text, personIds })).stories.find(
        (saved) => saved.title === title,
      )!.id
    for (const id of ids.slice(0, 2)) {
      value(
        await t.api['consent:record']({
          personId: id,
          purpose: 'stories',
          given: true,
          date: '2026-10-01',
          how: 'schriftelijk',
        }),
      )
    }
    const first = await story(
      'Weer onder de mensen',
      'Via de huisarts kwam een bewoonster bij de wandelgroep. Nu loopt ze elke week mee.',
      [ids[0]!],
    )
    const second = await story('De route uitgezet', 'Een bewoner zet nu zelf de route uit.', [
      ids[1]!,
    ])
    const wijken = value<{ id: string; name: string }[]>(await t.api['wijken:list'](undefined))
    const noord = wijken.find((w) => w.name === 'Noord')!
    const path = join(t.dir.path, 'jaaroverzicht.pdf')
    t.platform.fileDialog.saveAnswer = path
    const saved = value<ReportExport>(
      await t.api['report:exportYear']({
        year: '2026',
        wijkId: noord.id,
        k: 3,
        storyIds: [first, second],
      }),
    )
    expect(t.platform.fileDialog.requests.at(-1)).toMatchObject({
      defaultName: 'jaaroverzicht-2026-Noord.pdf',
    })
    expect(saved).toMatchObject({ format: 'pdf', periodLabel: 'januari 2026 – december 2026' })
    const pages = await pdfPages(readFileSync(path))
    expect(pages).toHaveLength(1)
    const text = pages[0]!.replace(/\s+/g, ' ')
    for (const expected of [
      'Jaaroverzicht 2026: Noord',
      '12 bewoners bereikt',
      '12 nieuwe bewoners',
      '8 verbindingen gelegd',
      'Hoe bewoners bij je kwamen',
      'Huisarts / Welzijn op Recept',
      'Verbindingen per thema, en wat ze brachten',
      // Five of eight still go, three do not; all eight met people. None active yet.
      'wandelen 8 0 5 (63%) 8 (100%)',
      'Weer onder de mensen',
      'Nu loopt ze elke week mee.',
      'De route uitgezet',
      'Werkwijze',
    ]) {
      expect(text).toContain(expected)
    }
    for (const secret of [...names, 'Geheimnaam', 'Verborgenstraat']) {
      expect(text).not.toContain(secret)
    }
    expect(value<ReportExport[]>(await t.api['report:exports'](undefined))).toHaveLength(1)
  }, 60_000)

  it('refuses a story without consent, a third story and a year that is not one', async () => {
    const { ids } = await noordsYear()
    const storyId = value<StoriesView>(
      await t.api['stories:save']({ title: 'Zonder ja', text: 'Tekst.', personIds: [ids[3]!] }),
    ).stories[0]!.id
    t.platform.fileDialog.saveAnswer = join(t.dir.path, 'jaaroverzicht.pdf')
    expect(await t.api['report:exportYear']({ year: '2026', storyIds: [storyId] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Opnemen in verhalen') },
    })
    expect(
      await t.api['report:exportYear']({ year: '2026', storyIds: [storyId, storyId, storyId] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('hoogstens twee') },
    })
    expect(await t.api['report:exportYear']({ year: '26' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('zoals 2026') },
    })
    expect(t.platform.printed).toHaveLength(0)
  })
})
