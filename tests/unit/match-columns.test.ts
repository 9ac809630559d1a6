import { beforeEach, describe, expect, it } from 'vitest'
import { MatchColumns } from '../../db/connect/match-columns'
import type { SearchDoc } from '../../db/search/search-index'

// The people of search-index.test.ts, as matching's columns hold them (people have attributes).
const attributes = (tagIds: string[]) => ({
  wijkId: null,
  tagIds,
  availability: 0,
  consent: 'not_asked',
  lastContactOn: null,
})
const docs: SearchDoc[] = (
  [
    {
      id: 'jan',
      sortKey: 'vries jan',
      fields: { name: 'Jan de Vries', address: 'Dorpsweg 3', wijk: 'Hoge Dennen', tag: 'Voetbal' },
    },
    {
      id: 'fatima',
      sortKey: 'amrani fatima',
      fields: { name: 'Fatima el Amrani', address: 'Kerkstraat 12', tag: 'Koken' },
    },
    {
      id: 'gardener',
      sortKey: 'bakker ans',
      fields: { name: 'Ans Bakker', tag: 'Tuinieren', strength: 'Kan goed snoeien' },
    },
    {
      id: 'noor',
      sortKey: 'dyk noor',
      fields: { name: 'Noor van Dijk', note: 'Wil graag tuinieren bij de moestuin' },
    },
    {
      id: 'bikes',
      sortKey: 'yilmaz mehmet',
      fields: { name: 'Mehmet Yılmaz', strength: 'Repareert fietsen', note: 'Bij de Boulevard' },
    },
    { id: 'vries2', sortKey: 'vries piet', fields: { name: 'Piet Vriesema', wijk: 'Kerckebosch' } },
  ] satisfies SearchDoc[]
).map((doc) => ({ ...doc, attributes: attributes([]) }))

let index: MatchColumns
beforeEach(() => {
  index = new MatchColumns()
  for (const doc of docs) index.put(doc)
})

describe('what matching reads from the index', () => {
  const visited = (tagIds: string[], slots: number[] = []) => {
    const seen: string[] = []
    index.forEachWith(tagIds, slots, (slot) => {
      seen.push(index.entryAt(slot)!.id)
    })
    return seen.sort()
  }

  it('finds people by tag id, once each, and keeps that in step with changes', () => {
    index.put({
      id: 'a',
      sortKey: 'a',
      attributes: attributes(['t1', 't2']),
      fields: { name: 'A' },
    })
    index.put({ id: 'b', sortKey: 'b', attributes: attributes(['t2']), fields: { name: 'B' } })
    expect(visited(['t1', 't2'])).toEqual(['a', 'b'])
    index.put({ id: 'a', sortKey: 'a', attributes: attributes(['t3']), fields: { name: 'A' } })
    expect(visited(['t1', 't2'])).toEqual(['b'])
    expect(visited(['t3'])).toEqual(['a'])
    index.remove('b')
    expect(visited(['t2'])).toEqual([])
  })

  it('keeps tag numbers in columns, and all of them apart (past the width too)', () => {
    const many = Array.from({ length: 10 }, (_, i) => `t${i}`)
    index.put({ id: 'many', sortKey: 'm', attributes: attributes(many), fields: { name: 'M' } })
    expect(visited(['t9'])).toEqual(['many'])
    const slot = index.slotOfId('many')!
    const { tagCount, tags } = index.matchColumns
    expect(tagCount[slot]).toBe(10)
    expect(tags[slot * 8]).toBe(index.tagNumber('t0'))
    expect(index.tagsAt(slot)[9]).toBe(index.tagNumber('t9'))
  })

  it('gives a person back as she was put in, from the columns alone', () => {
    const hers = {
      wijkId: 'w-noord',
      tagIds: Array.from({ length: 10 }, (_, i) => `t${9 - i}`),
      availability: 0b1010,
      consent: 'written',
      lastContactOn: '2026-01-31',
      availableFrom: '2026-05-01',
      shareUntil: '9999-12-31',
    }
    index.put({ id: 'ans', sortKey: 'bakker ans', attributes: hers, fields: { name: 'Ans' } })
    const nobody = { ...attributes([]), availableFrom: null, shareUntil: null }
    index.put({ id: 'kees', sortKey: 'mol kees', attributes: nobody, fields: { name: 'Kees' } })
    expect(index.entryAt(index.slotOfId('ans')!)).toEqual({
      id: 'ans',
      sortKey: 'bakker ans',
      attributes: hers,
    })
    expect(index.entryAt(index.slotOfId('kees')!)?.attributes).toEqual(nobody)
    index.retag('ans', ['t1'])
    expect(index.entryAt(index.slotOfId('ans')!)?.attributes.tagIds).toEqual(['t1'])
  })

  it('marks wil, kan and nodig by word and prefix, never by typo or in other fields', () => {
    const marks = new Uint8Array(index.capacity)
    const slots = index.markWithWord('tuinier', ['wish', 'strength', 'need'], marks)
    // Noor writes "tuinieren" in her note and Ans has it as a tag: neither is wil/kan/nodig.
    expect(slots).toEqual([])
    const snoei = index.markWithWord('snoeien', ['wish', 'strength', 'need'], marks)
    expect(snoei).toHaveLength(1)
    expect(marks[snoei[0]!]).toBe(2) // strength, the second field asked
    expect(index.markWithWord('snoiien', ['strength'], new Uint8Array(index.capacity))).toEqual([])
    expect(index.markWithWord('fiets', ['strength'], new Uint8Array(index.capacity))).toHaveLength(
      1,
    )
  })
})
