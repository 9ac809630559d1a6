import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApi, type ApiTable } from '../../db/api'
import { readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { openContext, storeFileName, type ApiContext } from '../../db/context'
import { indexerChild } from '../../db/platform/indexer-child'
import { logFileName } from '../../db/platform/log'
import { buildPeopleIndexes, searchStore } from '../../db/search/people'
import type { TodayView } from '../../shared/followups'
import type { PeopleSearchResult } from '../../shared/people-query'
import type { PeoplePage } from '../../shared/person'
import type { PersonDetail } from '../../shared/person-detail'
import { value } from '../support/api'
import { makeTempDir, nodePlatform, TestClock } from '../support/platform'

const clock = () => new TestClock(new Date('2026-03-02T09:30:00.000Z'))
let dir: ReturnType<typeof makeTempDir>
let ctx: ApiContext
let api: ApiTable

/** A ledger of `count` residents, closed again: what the app finds when it starts. */
async function ledgerOf(count: number) {
  const first = await openContext(nodePlatform(dir.path, clock()))
  const create = createApi(first)['people:create']
  for (let i = 0; i < count; i++) {
    value(
      await create({
        firstName: i === 0 ? 'Ans' : `Bewoner${i}`,
        lastName: i === 0 ? 'Bakker' : 'Jansen',
        wish: i === 0 ? 'Tuinieren in de 100%-moestuin' : undefined,
        followUpPick: i % 3 === 0 ? '1w' : undefined,
      }),
    )
  }
  await first.store.close()
}

beforeEach(() => {
  dir = makeTempDir()
})
const logText = () => readFileSync(join(dir.path, logFileName), 'utf8')
afterEach(async () => {
  await ctx?.store.close()
  dir.remove()
})

describe('starting with a ledger', () => {
  it('shows Vandaag and Bewoners from the store before anyone is indexed, and searches the store meanwhile', async () => {
    await ledgerOf(25)
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    ctx = await openContext(nodePlatform(dir.path, clock()), undefined, { gate, chunk: 4 })
    api = createApi(ctx)
    expect(ctx.indexing.done).toBe(false)
    expect(ctx.search.size).toBe(0)

    const today = value<TodayView>(await api['followups:today'](undefined))
    expect(today.groups.later.count + today.groups.thisWeek.count).toBe(9)
    const page = value<PeoplePage>(await api['people:list']({ limit: 200 }))
    expect(page.total).toBe(25)
    expect(page.items[0]!.firstName).toBe('Ans')

    // Search answers from the store: a part of a word in any field, never an empty list.
    const found = value<PeopleSearchResult[]>(await api['people:search']({ query: 'moestuin' }))
    expect(found.map((r) => [r.person.firstName, r.fields])).toEqual([['Ans', ['wish']]])
    expect(value<PeopleSearchResult[]>(await api['people:search']({ query: 'jan' }))).toHaveLength(
      24,
    )
    // Matching needs everyone: it waits for the indexes instead of answering from half of them.
    const walk = value<{ id: string }>(
      await api['initiatives:create']({ name: 'Wandelgroep', kind: 'activiteit' }),
    )
    let matched = false
    const match = api['initiatives:match']({ id: walk.id }).then((result) => {
      matched = true
      return result
    })

    // Writes while the indexes fill: a new resident, one renamed, one to the trash.
    const kees = value<PersonDetail>(
      await api['people:create']({ firstName: 'Kees', lastName: 'Mol' }),
    )
    value(
      await api['people:update']({ id: page.items[0]!.id, firstName: 'Anna', lastName: 'Bakker' }),
    )
    value(await api['people:trash']({ id: page.items[1]!.id }))
    expect(matched).toBe(false)

    open()
    await ctx.indexing.ready
    expect(ctx.indexing.done).toBe(true)
    expect((await match).ok).toBe(true)
    const rebuilt = await buildPeopleIndexes(ctx.store.db)
    expect(ctx.search.documents()).toEqual(rebuilt.search.documents())
    expect(ctx.matching.documents()).toEqual(rebuilt.matching.documents())
    expect(ctx.search.size).toBe(25)
    const typo = value<PeopleSearchResult[]>(await api['people:search']({ query: 'bakkr' }))
    expect(typo.map((r) => r.person.firstName)).toEqual(['Anna'])
    expect(
      value<PeopleSearchResult[]>(await api['people:search']({ query: 'mol' }))[0]?.person.id,
    ).toBe(kees.id)
  })

  it('a large ledger is filled by an indexer process; what she writes while it reads goes in when it hands over', async () => {
    await ledgerOf(30)
    const platform = nodePlatform(dir.path, clock())
    let written: Promise<void> | undefined
    // Writes after the indexer read the store: only `pending` can bring them into the indexes.
    const writeMeanwhile = async () => {
      const page = value<PeoplePage>(await api['people:list']({ limit: 200 }))
      value(await api['people:create']({ firstName: 'Kees', lastName: 'Mol', wish: 'Schaken' }))
      value(
        await api['people:update']({
          id: page.items[0]!.id,
          firstName: 'Anna',
          lastName: 'Bakker',
        }),
      )
      value(await api['people:trash']({ id: page.items[1]!.id }))
      const label = await api['bulk:apply']({
        selection: { ids: [page.items[2]!.id] },
        action: { kind: 'label', tag: { kind: 'passion', name: 'Schilderen' } },
      })
      value(label)
      // A search meanwhile still answers (from the store).
      expect(
        value<PeopleSearchResult[]>(await api['people:search']({ query: 'kees' })),
      ).toHaveLength(1)
    }
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    ctx = await openContext(platform, undefined, {
      gate,
      indexerFrom: 10,
      beforeHandOver: () => (written = writeMeanwhile()),
    })
    api = createApi(ctx)
    open()
    await ctx.indexing.ready
    await written
    expect(ctx.indexing.by).toBe('process')
    expect(ctx.indexing.pending).toBeUndefined()
    const rebuilt = await buildPeopleIndexes(ctx.store.db)
    expect(ctx.search.documents()).toEqual(rebuilt.search.documents())
    expect(ctx.matching.documents()).toEqual(rebuilt.matching.documents())
    expect(ctx.search.size).toBe(30)
    const search = async (query: string) =>
      value<PeopleSearchResult[]>(await api['people:search']({ query })).map(
        (r) => r.person.firstName,
      )
    expect(await search('mool')).toEqual(['Kees'])
    expect(await search('bakkr')).toEqual(['Anna'])
    expect(await search('schilderen')).toHaveLength(1)
    expect(logText()).toMatch(/search\.indexed people=30 ms=\d+ by="process"/)
    // After the hand-over, writes go straight in.
    value(await api['people:create']({ firstName: 'Lotte', lastName: 'Visser' }))
    expect(await search('visser')).toEqual(['Lotte'])
  })

  it('fills them here when the indexer cannot start, and stops it when the store closes', async () => {
    await ledgerOf(12)
    const broken = {
      ...nodePlatform(dir.path, clock()),
      startIndexer: () => indexerChild(new URL('file:///nowhere/indexer.mjs')),
    }
    ctx = await openContext(broken, undefined, { indexerFrom: 10 })
    await ctx.indexing.ready
    expect(ctx.indexing.by).toBe('steps')
    expect(ctx.search.size).toBe(12)
    await ctx.store.close()

    // Closed while the indexer reads: it ends with the store (its connection too), and the file
    // can be moved (a restore renames it; Windows refuses while any connection holds it).
    ctx = await openContext(nodePlatform(dir.path, clock()), undefined, { indexerFrom: 10 })
    await ctx.store.close()
    await ctx.indexing.ready
    expect(ctx.indexing.done).toBe(false)
    expect(logText()).toContain('search.indexStopped')
    renameSync(join(dir.path, storeFileName), join(dir.path, 'moved.db'))
    ctx = undefined as unknown as ApiContext
  })

  it('the store-side search takes % and _ as letters, and keeps to the scope and filters', async () => {
    await ledgerOf(4)
    ctx = await openContext(nodePlatform(dir.path, clock()), undefined, {
      gate: new Promise(() => {}),
    })
    const db = ctx.store.db
    const input = { scope: 'active' as const, filter: {}, limit: 100 }
    expect((await searchStore(db, { ...input, query: '100%' }, '2026-03-02')).length).toBe(1)
    expect(await searchStore(db, { ...input, query: '%' }, '2026-03-02')).toHaveLength(1)
    expect(await searchStore(db, { ...input, query: '_' }, '2026-03-02')).toEqual([])
    expect(
      await searchStore(db, { ...input, query: 'jansen bewoner2' }, '2026-03-02'),
    ).toHaveLength(1)
    expect(
      await searchStore(db, { ...input, scope: 'archived', query: 'ans' }, '2026-03-02'),
    ).toEqual([])
    expect(await searchStore(db, { ...input, query: '   ' }, '2026-03-02')).toEqual([])
  })
})
