import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApi, type ApiTable } from '../../db/api'
import { openContext, type ApiContext } from '../../db/context'
import type { PersonDetail } from '../../shared/person-detail'
import type { PeopleSearchResult } from '../../shared/people-query'
import type { Result } from '../../shared/result'
import { makeTempDir, nodePlatform, TestClock } from '../support/platform'

let dir: ReturnType<typeof makeTempDir>
let ctx: ApiContext
let api: ApiTable
beforeEach(async () => {
  dir = makeTempDir()
  ctx = await openContext(nodePlatform(dir.path, new TestClock(new Date('2026-11-26T09:00:00Z'))))
  api = createApi(ctx)
})
afterEach(async () => {
  await ctx.store.close()
  dir.remove()
})

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value as T
}
const names = async (query: string, scope?: 'active' | 'archived') =>
  value<PeopleSearchResult[]>(
    await api['people:search']({ query, ...(scope ? { scope } : {}) }),
  ).map((result) => `${result.person.firstName} ${result.person.lastName ?? ''}`.trim())
const create = async (fields: Record<string, unknown>) =>
  value<PersonDetail>(await api['people:create'](fields))

describe('people:search', () => {
  beforeEach(async () => {
    await create({ firstName: 'Jan', tussenvoegsel: 'de', lastName: 'Vries', wijk: 'Hoge Dennen' })
    await create({
      firstName: 'Ans',
      lastName: 'Bakker',
      tags: [{ kind: 'passion', name: 'Tuinieren' }],
      strength: 'Kan goed snoeien',
    })
    await create({
      firstName: 'Mehmet',
      lastName: 'Yılmaz',
      street: 'Boulevard',
      houseNumber: '7',
      strength: 'Repareert fietsen',
    })
  })

  it('finds as she remembers: typos, partial names, tags, street and talent', async () => {
    expect(await names('tuinren')).toEqual(['Ans Bakker'])
    expect(await names('de vr')).toEqual(['Jan Vries'])
    expect(await names('fietsen boulevard')).toEqual(['Mehmet Yılmaz'])
    const [result] = value<PeopleSearchResult[]>(await api['people:search']({ query: 'tuinieren' }))
    expect(result).toMatchObject({ fields: ['tag'], words: ['tuinieren'] })
  })

  it('is built from the store when the app opens', async () => {
    await ctx.store.close()
    ctx = await openContext(nodePlatform(dir.path, new TestClock(new Date('2026-11-26T09:00:00Z'))))
    api = createApi(ctx)
    expect(await names('vries')).toEqual(['Jan Vries'])
    expect(ctx.search.size).toBe(3)
  })

  it('stays right after edits, archiving, the trash, restoring and a renamed wijk', async () => {
    const [jan] = value<PeopleSearchResult[]>(await api['people:search']({ query: 'jan' }))
    const id = jan!.person.id
    await api['people:update']({
      id,
      firstName: 'Jan',
      tussenvoegsel: 'de',
      lastName: 'Boer',
      wijk: 'Hoge Dennen',
    })
    expect(await names('vries')).toEqual([])
    expect(await names('boer')).toEqual(['Jan Boer'])

    await api['people:archive']({ id, archived: true })
    expect(await names('boer')).toEqual([])
    expect(await names('boer', 'archived')).toEqual(['Jan Boer'])
    await api['people:archive']({ id, archived: false })

    await api['people:trash']({ id })
    expect(await names('boer')).toEqual([])
    await api['people:restore']({ id })
    expect(await names('boer')).toEqual(['Jan Boer'])

    const [wijk] = value<{ id: string }[]>(await api['wijken:list'](undefined))
    await api['wijken:rename']({ id: wijk!.id, name: 'Vollenhove' })
    expect(await names('vollenhove')).toEqual(['Jan Boer'])
    expect(await names('dennen')).toEqual([])
  })

  it("finds a word from a contact moment's note, as the search box promises", async () => {
    const [ans] = value<PeopleSearchResult[]>(await api['people:search']({ query: 'bakker' }))
    const id = ans!.person.id
    value(
      await api['moments:add']({
        personId: id,
        date: '2026-11-20',
        channel: 'straat',
        note: 'Wil graag helpen bij de moestuin achter de school',
      }),
    )
    const hits = value<PeopleSearchResult[]>(await api['people:search']({ query: 'moestuin' }))
    expect(hits.map((hit) => [hit.person.firstName, hit.fields])).toEqual([['Ans', ['note']]])
    // Also after a restart: the index is built with the moments' notes.
    await ctx.store.close()
    ctx = await openContext(nodePlatform(dir.path, new TestClock(new Date('2026-11-26T09:00:00Z'))))
    api = createApi(ctx)
    expect(await names('moestuin')).toEqual(['Ans Bakker'])
    // The note a follow-up done leaves on the timeline is hers too.
    const followUp = value<{ id: string }>(
      await api['followups:create']({ personId: id, dueOn: '2026-11-26', reason: 'Bellen' }),
    )
    value(await api['followups:done']({ id: followUp.id, note: 'Zoekt een fietsmaatje' }))
    expect(await names('fietsmaatje')).toEqual(['Ans Bakker'])
  })

  it('refuses a query too long or a silly page size, in Dutch', async () => {
    for (const input of [{ query: 'x'.repeat(201) }, { query: 'jan', limit: 0 }, { query: 42 }]) {
      expect(await api['people:search'](input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/^Controleer de invoer/) },
      })
    }
  })
})

describe('filters, on the list and on search alike', () => {
  const ids: Record<string, string> = {}
  beforeEach(async () => {
    for (const [key, fields] of [
      [
        'ans',
        {
          firstName: 'Ans',
          lastName: 'Jansen',
          wijk: 'Kerckebosch',
          tags: [{ kind: 'passion', name: 'Wandelen' }],
          availability: ['tue-morning'],
          consentStatus: 'written',
        },
      ],
      [
        'bob',
        {
          firstName: 'Bob',
          lastName: 'Jansen',
          wijk: 'Hoge Dennen',
          availability: ['tue-evening'],
          moment: { date: '2026-01-05', channel: 'straat' },
        },
      ],
      [
        'cor',
        {
          firstName: 'Cor',
          lastName: 'Jansen',
          wijk: 'Kerckebosch',
          moment: { date: '2025-12-01', channel: 'telefoon' },
        },
      ],
    ] as const) {
      ids[key] = (await create(fields as unknown as Record<string, unknown>)).id
    }
  })

  const both = async (filter: Record<string, unknown>) => {
    const listed = value<{ items: { firstName: string }[] }>(await api['people:list']({ filter }))
    const found = value<PeopleSearchResult[]>(
      await api['people:search']({ query: 'jansen', filter }),
    )
    const list = listed.items.map((p) => p.firstName)
    expect(found.map((r) => r.person.firstName).sort(), JSON.stringify(filter)).toEqual(
      [...list].sort(),
    )
    return list
  }

  it('narrow by wijk, tag, day part, consent and last contact', async () => {
    const [kerckebosch] = value<{ id: string; name: string }[]>(
      await api['wijken:list'](undefined),
    ).filter((w) => w.name === 'Kerckebosch')
    const [walking] = value<{ id: string }[]>(await api['tags:list']({ prefix: 'wandel' }))
    expect(await both({})).toEqual(['Ans', 'Bob', 'Cor'])
    expect(await both({ wijkId: kerckebosch!.id })).toEqual(['Ans', 'Cor'])
    expect(await both({ tagId: walking!.id })).toEqual(['Ans'])
    expect(await both({ slot: 'tue-evening' })).toEqual(['Bob'])
    expect(await both({ consent: 'written' })).toEqual(['Ans'])
    expect(await both({ lastContact: 'never' })).toEqual(['Ans'])
    // Today is 26 November 2026: Bob's last contact (5 January) and Cor's (1 December 2025) are
    // more than three months ago, neither more than a year.
    expect(await both({ lastContact: 'over3m' })).toEqual(['Bob', 'Cor'])
    expect(await both({ lastContact: 'over1y' })).toEqual([])
    expect(await both({ wijkId: kerckebosch!.id, lastContact: 'over3m' })).toEqual(['Cor'])
  })

  it('follow a new contact moment', async () => {
    await api['moments:add']({ personId: ids['ans']!, date: '2026-02-01', channel: 'straat' })
    expect(await both({ lastContact: 'never' })).toEqual([])
  })
})
