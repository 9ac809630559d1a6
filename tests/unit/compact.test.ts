import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { AttributeColumns } from '../../db/search/attribute-columns'
import { Arena, dayNumber, dayText, Numbering, Vocabulary } from '../../db/search/compact'
import { ownArrays } from '../../db/search/indexer'
import { SearchIndex, type SearchDoc } from '../../db/search/search-index'
import { MatchColumns } from '../../db/connect/match-columns'
import { passesFilter, type FilterAttributes } from '../../shared/filters'
import { consentStatuses, slots } from '../../shared/ledger'
import type { PeopleFilter } from '../../shared/people-query'
import { editDistance } from '../../shared/text'

/** A small, repeatable stream of numbers in [0, 1). */
function randomStream(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

describe('the arena of number lists', () => {
  it('keeps every list as a reference would, through growth and compaction', () => {
    const random = randomStream(7)
    const arena = new Arena()
    const sorted = new Map<number, number[]>()
    const loose = new Map<number, number[]>()
    const keys = 300
    for (let step = 0; step < 60_000; step++) {
      const key = Math.floor(random() * keys)
      const value = Math.floor(random() * 500)
      const op = random()
      // Even keys hold sorted lists, odd keys unordered ones, and now and then a list is replaced.
      if (key % 2 === 0) {
        const list = sorted.get(key) ?? []
        if (op < 0.6) {
          arena.insertSorted(key, value)
          if (!list.includes(value)) list.push(value)
          list.sort((a, b) => a - b)
        } else if (op < 0.95) {
          const left = arena.deleteSorted(key, value)
          if (list.includes(value)) list.splice(list.indexOf(value), 1)
          expect(left).toBe(list.length)
        } else {
          const values = Array.from({ length: Math.floor(random() * 40) }, (_, i) => i * 3)
          arena.set(key, values)
          list.splice(0, list.length, ...values)
        }
        sorted.set(key, list)
      } else {
        const list = loose.get(key) ?? []
        if (op < 0.6) {
          arena.push(key, value)
          list.push(value)
        } else if (list.length > 0) {
          const taken = list[Math.floor(random() * list.length)]!
          arena.deleteUnordered(key, taken)
          list.splice(list.indexOf(taken), 1)
        }
        loose.set(key, list)
      }
      if (step % 20_000 === 19_999) arena.pack()
    }
    for (const [key, list] of sorted) expect([...arena.view(key)], `key ${key}`).toEqual(list)
    for (const [key, list] of loose) {
      expect([...arena.view(key)].sort(), `key ${key}`).toEqual([...list].sort())
    }
    // What it holds is what the lists hold, with room to grow of at most a quarter after packing.
    arena.pack()
    const held = [...sorted.values(), ...loose.values()].reduce((n, list) => n + list.length, 0)
    expect(arena.footprint.used).toBe(held)
  })

  it('continues from a snapshot as if nothing happened', () => {
    const arena = new Arena()
    for (let i = 0; i < 1000; i++) arena.insertSorted(i % 7, i)
    const copy = Arena.from(structuredClone(arena.snapshot()))
    copy.insertSorted(3, 2)
    arena.insertSorted(3, 2)
    for (let key = 0; key < 7; key++) expect([...copy.view(key)]).toEqual([...arena.view(key)])
  })
})

describe('the vocabulary', () => {
  it('numbers each word once, forgets it with its last use, and lists prefixes in word order', () => {
    const words = new Vocabulary()
    const vries = words.use('vries')
    expect(words.use('vries')).toBe(vries)
    words.use('vriesema')
    words.use('vrij')
    expect([...words.prefixed('vri')].map((n) => words.text(n))).toEqual([
      'vries',
      'vriesema',
      'vrij',
    ])
    words.release(vries)
    expect(words.numberOf('vries')).toBe(vries)
    words.release(vries)
    expect(words.numberOf('vries')).toBeUndefined()
    // Gone and back between two lookups: listed once, in its place.
    words.use('vries')
    words.release(words.numberOf('vries')!)
    words.use('vries')
    expect([...words.prefixed('vri')].map((n) => words.text(n))).toEqual([
      'vries',
      'vriesema',
      'vrij',
    ])
    expect(words.within('vriesma', 2)).toEqual(['vries', 'vriesema'])
  })

  it('finds exactly the words a full scan finds within one or two typos, for any query', () => {
    const random = randomStream(5)
    const letters = 'abdeiklnorst'
    const text = (min: number, spread: number) =>
      Array.from({ length: min + Math.floor(random() * spread) }, () =>
        letters.charAt(Math.floor(random() * letters.length)),
      ).join('')
    const words = new Vocabulary()
    const all = [...new Set(Array.from({ length: 4000 }, () => text(1, 9)))]
    for (const word of all) words.use(word)
    for (let q = 0; q < 400; q++) {
      const query = text(2, 9)
      for (const allowed of [1, 2]) {
        const expected = all.filter((word) => editDistance(query, word, allowed) <= allowed).sort()
        expect(words.within(query, allowed), `${query} ${allowed}`).toEqual(expected)
      }
    }
  })

  it('a vocabulary taken over from a snapshot finds the same words', () => {
    const words = new Vocabulary()
    for (const word of ['bakker', 'bakkerij', 'backer', 'dijk']) words.use(word)
    const copy = new Vocabulary()
    copy.load(structuredClone(words.snapshot()))
    expect([...copy.prefixed('bak')].map((n) => copy.text(n))).toEqual(['bakker', 'bakkerij'])
    expect(copy.within('bakkre', 1)).toEqual(['bakker'])
    expect(copy.use('dijk')).toBe(words.numberOf('dijk'))
  })
})

it('numbers values and days and gives them back', () => {
  const numbering = new Numbering()
  expect(numbering.number('noord')).toBe(0)
  expect(numbering.number('zuid')).toBe(1)
  expect(numbering.number('noord')).toBe(0)
  expect(new Numbering(numbering.snapshot()).find('zuid')).toBe(1)
  expect(dayNumber('2026-04-01')).toBe(20260401)
  expect(dayText(20260401)).toBe('2026-04-01')
  expect(dayText(dayNumber('9999-12-31'))).toBe('9999-12-31')
  expect(dayText(dayNumber(null))).toBeNull()
})

describe('attributes as columns', () => {
  const wijken = ['w1', 'w2', 'w3']
  const tags = ['t1', 't2', 't3', 't4']
  // 'withdrawn' is never given below: a filter on it passes nobody.
  const consents = consentStatuses.filter((status) => status !== 'withdrawn')
  // With the days 3 and 12 months before today: the bounds of "langer dan … geleden".
  const days = ['2025-01-10', '2025-04-01', '2025-12-01', '2026-01-01', '2026-02-28', '2026-03-31']
  const random = randomStream(11)
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!
  const maybe = <T>(value: T) => (random() < 0.3 ? undefined : value)
  const someAttributes = (): FilterAttributes => ({
    wijkId: random() < 0.2 ? null : pick(wijken),
    tagIds: tags.filter(() => random() < 0.3),
    availability: Math.floor(random() * (1 << slots.length)),
    consent: pick(consents),
    lastContactOn: random() < 0.2 ? null : pick(days),
    availableFrom: random() < 0.5 ? null : pick(days),
    shareUntil: random() < 0.5 ? null : pick(days),
  })
  const someFilter = (): PeopleFilter => ({
    // Also values nobody has: no one passes then.
    wijkId: maybe(pick([...wijken, 'elders'])),
    tagId: maybe(pick([...tags, 't9'])),
    slot: maybe(pick(slots)),
    consent: maybe(pick(consentStatuses)),
    lastContact: maybe(pick(['never', 'over3m', 'over1y'] as const)),
  })

  it('gives back what was put in, and filters exactly as passesFilter does', () => {
    const columns = new AttributeColumns()
    const people = Array.from({ length: 400 }, someAttributes)
    people.forEach((attributes, slot) => columns.set(slot, attributes))
    columns.clear(7)
    columns.setTags(8, ['t4', 't1'])
    people[8] = { ...people[8]!, tagIds: ['t4', 't1'] }
    people.forEach((attributes, slot) => {
      if (slot !== 7) expect(columns.get(slot)).toEqual(attributes)
    })
    expect(columns.get(7)).toBeUndefined()
    for (let f = 0; f < 300; f++) {
      const filter = someFilter()
      // Undefined when the filter asks nothing: everyone passes.
      const passes = columns.filter(filter, '2026-04-01') ?? (() => true)
      people.forEach((attributes, slot) => {
        const expected = slot === 7 || passesFilter(attributes, filter, '2026-04-01')
        expect(passes(slot), JSON.stringify({ filter, attributes })).toBe(expected)
      })
    }
  })
})

describe('indexes handed over by the indexer', () => {
  const docs: SearchDoc[] = Array.from({ length: 300 }, (_, i) => ({
    id: `p${i}`,
    sortKey: `naam ${i % 50}`,
    status: i % 9 === 0 ? 'archived' : 'active',
    attributes: {
      wijkId: i % 4 === 0 ? null : `w${i % 3}`,
      tagIds: i % 5 === 0 ? ['t1', 't2'] : [],
      availability: i % 16,
      consent: 'given',
      lastContactOn: null,
      availableFrom: null,
      shareUntil: i % 2 === 0 ? '2026-12-31' : null,
    },
    fields: {
      name: `Naam${i % 50} Achternaam${i % 17}`,
      address: `Straat${i % 23} ${i}`,
      tag: i % 5 === 0 ? 'Koken Tuin' : '',
      wish: i % 3 === 0 ? 'wandelen en koken' : 'lezen',
    },
  }))

  it('answer as the indexes that built them, and keep changing the same way', () => {
    const search = new SearchIndex()
    const matching = new MatchColumns()
    for (const doc of docs) {
      search.put(doc)
      matching.put(doc)
    }
    search.remove('p3')
    matching.remove('p3')
    // As the indexer's process hands them over: copied through V8's serializer, as Node's IPC does.
    const through = <T>(snapshot: T) => ownArrays(deserialize(serialize(snapshot))) as T
    const took = { search: through(search.snapshot()), matching: through(matching.snapshot()) }
    const again = { search: new SearchIndex(), matching: new MatchColumns() }
    for (const doc of docs.filter((doc) => doc.id !== 'p3')) {
      again.search.put(doc)
      again.matching.put(doc)
    }
    const loaded = { search: new SearchIndex(), matching: new MatchColumns() }
    loaded.search.load(took.search)
    loaded.matching.load(took.matching)
    const filter = { conditions: { wijkId: 'w1' }, today: '2026-04-01' }
    for (const query of ['naam1', 'achternam3', 'straat', 'koken', 'n']) {
      expect(loaded.search.search(query, 20, 'active', filter)).toEqual(
        again.search.search(query, 20, 'active', filter),
      )
    }
    // Changes after the hand-over, to both.
    for (const indexes of [loaded, again]) {
      indexes.search.put({ ...docs[3]!, fields: { name: 'Nieuwe Naam' } })
      indexes.matching.put({ ...docs[3]!, fields: { wish: 'tuinieren' } })
      indexes.search.retag('p5', ['t3'], 'Fietsen')
      indexes.matching.retag('p5', ['t3'])
      indexes.search.remove('p10')
      indexes.matching.remove('p10')
    }
    expect(loaded.search.documents()).toEqual(again.search.documents())
    expect(loaded.matching.documents()).toEqual(again.matching.documents())
    expect(loaded.search.search('fietsen')).toEqual(again.search.search('fietsen'))
  })
})
