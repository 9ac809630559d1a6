import { beforeEach, describe, expect, it } from 'vitest'
import { SearchIndex, type SearchDoc } from '../../db/search/search-index'
import { editDistance } from '../../shared/text'

const docs: SearchDoc[] = [
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
]

/** A small, repeatable stream of numbers in [0, 1). */
function randomStream(seed: number): () => number {
  let state = seed
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

/** A word of `min` to `min + spread - 1` of these letters. */
const randomWord = (random: () => number, letters: string, min: number, spread: number) =>
  Array.from({ length: min + Math.floor(random() * spread) }, () =>
    letters.charAt(Math.floor(random() * letters.length)),
  ).join('')

let index: SearchIndex
beforeEach(() => {
  index = new SearchIndex()
  for (const doc of docs) index.put(doc)
})
const ids = (query: string) => index.search(query).map((hit) => hit.id)

describe('finding people the way she remembers them', () => {
  it.each([['de vries jan'], ['jan vries'], ['vries jan'], ['de vr'], ['Jan de Vries']])(
    '"%s" finds Jan de Vries first',
    (query) => {
      expect(ids(query)[0]).toBe('jan')
    },
  )

  it('"vries" finds both Vries names, the exact one first', () => {
    expect(ids('vries')).toEqual(['jan', 'vries2'])
  })

  it('tolerates a typo or two: "tuinren" finds the gardener, "Fatma" finds Fatima', () => {
    expect(ids('tuinren')[0]).toBe('gardener')
    expect(ids('Fatma')).toEqual(['fatima'])
  })

  it('ranks a name above a tag above a note', () => {
    // "tuinieren" is Ans's tag and a word in Noor's note.
    expect(ids('tuinieren')).toEqual(['gardener', 'noor'])
  })

  it('reads ij and y alike, and folds accents', () => {
    expect(ids('dyk')).toEqual(['noor'])
    expect(ids('yilmaz')).toEqual(['bikes'])
  })

  it('matches house numbers as given, and any word of any field', () => {
    index.put({
      id: 'neighbour',
      sortKey: 'zz',
      fields: { name: 'Kees', address: 'Kerkstraat 13' },
    })
    expect(ids('kerkstraat 12')[0]).toBe('fatima')
    // The wrong number costs a place, not the whole result: the right one first.
    expect(ids('kerkstraat 13')).toEqual(['neighbour', 'fatima'])
    expect(ids('fiets boulevard')).toEqual(['bikes'])
  })

  it('says why a person matched', () => {
    const [hit] = index.search('fatima koken')
    expect(hit).toMatchObject({ id: 'fatima', fields: ['name', 'tag'] })
    expect(hit!.words.sort()).toEqual(['fatima', 'koken'])
  })

  it('finds nothing for nothing, and searches active and archived people apart', () => {
    expect(ids('  ')).toEqual([])
    index.put({ ...docs[5]!, status: 'archived' })
    expect(index.search('vries', 10, 'active').map((h) => h.id)).toEqual(['jan'])
    expect(index.search('vries', 10, 'archived').map((h) => h.id)).toEqual(['vries2'])
  })
})

describe('keeping the index right', () => {
  it('follows edits and deletes without a rebuild', () => {
    index.put({ ...docs[0]!, fields: { ...docs[0]!.fields, name: 'Jan de Boer' } })
    expect(ids('vries')).toEqual(['vries2'])
    expect(ids('boer')).toEqual(['jan'])
    index.remove('vries2')
    expect(ids('vries')).toEqual([])
    expect(index.size).toBe(5)
    index.put(docs[5]!)
    expect(ids('vriesema')).toEqual(['vries2'])
  })

  it('forgets words nobody uses any more, so they stop matching by typo too', () => {
    index.remove('gardener')
    index.remove('noor')
    expect(ids('tuinieren')).toEqual([])
    expect(ids('tuinren')).toEqual([])
  })

  it('changes only the labels on retag, exactly as putting the person again would', () => {
    const attributes = (tagIds: string[]) => ({
      wijkId: null,
      tagIds,
      availability: 0,
      consent: 'not_asked',
      lastContactOn: null,
      availableFrom: null,
      shareUntil: null,
    })
    const jan = { ...docs[0]!, attributes: attributes(['voetbal']) }
    index.put(jan)
    index.retag('jan', ['voetbal', 'moestuin'], 'Voetbal Moestuin Jan')
    index.retag('fatima', [], '')
    index.retag('nobody', ['x'], 'Niemand')
    const again = new SearchIndex()
    for (const doc of docs) again.put(doc)
    again.put({
      ...jan,
      attributes: attributes(['voetbal', 'moestuin']),
      fields: { ...jan.fields, tag: 'Voetbal Moestuin Jan' },
    })
    again.put({ ...docs[1]!, fields: { ...docs[1]!.fields, tag: undefined } })
    expect(index.documents()).toEqual(again.documents())
    expect(new Set(ids('moestuin'))).toEqual(new Set(['noor', 'jan']))
    expect(ids('koken')).toEqual([])
    expect(ids('niemand')).toEqual([])
  })

  it('explains a hit from her own words, with the scoring’s tie-break', () => {
    const one = new SearchIndex()
    one.put({
      id: 'mol',
      sortKey: 'mol maria',
      fields: { name: 'Mol Maria', wish: 'Muziek', strength: 'muziek maken', note: 'markt' },
    })
    // Two prefixes in her name: the first in word order; the name above the note.
    expect(one.search('m')).toMatchObject([{ fields: ['name'], words: ['maria'] }])
    // The same word in two fields of one weight: the first field.
    expect(one.search('muziek')).toMatchObject([{ fields: ['wish'], words: ['muziek'] }])
    // "mar" begins both "maria" and "markt": the name wins; a typo of "markt" is its note.
    expect(one.search('mar')).toMatchObject([{ fields: ['name'], words: ['maria'] }])
    expect(one.search('makrt')).toMatchObject([{ fields: ['note'], words: ['markt'] }])
    // Two typos of one word in her name: the shorter first, though the other comes first in order.
    one.put({ id: 'karl', sortKey: 'karl', fields: { name: 'Aarel Karl' } })
    expect(one.search('karel')).toMatchObject([{ fields: ['name'], words: ['karl'] }])
  })

  it('says why each hit matched as comparing her words one by one would', () => {
    // The reference: every word of hers against the query word, by the rule and the tie-break,
    // with the weights written out again (not read from the index it checks).
    const weight: Record<string, number> = {
      name: 16,
      tag: 8,
      address: 6,
      wijk: 4,
      wish: 2,
      strength: 2,
      need: 2,
      note: 1,
    }
    const order = Object.keys(weight)
    const explain = (words: string[], queryWords: string[]) => {
      const fields = new Set<string>()
      const found = new Set<string>()
      for (const queryWord of queryWords) {
        const allowed = queryWord.length >= 7 ? 2 : queryWord.length >= 3 ? 1 : 0
        let best: { score: number; rank: (string | number)[] } | undefined
        for (const entry of words) {
          const [field, word] = entry.split(':') as [string, string]
          const how =
            word === queryWord
              ? 0
              : word.startsWith(queryWord)
                ? 1
                : allowed > 0 && editDistance(queryWord, word, allowed) <= allowed
                  ? 2
                  : -1
          if (how < 0) continue
          const score = weight[field]! * [4, 3, 1][how]!
          const rank = [how, how === 2 ? word.length : 0, word, order.indexOf(field)]
          const earlier = (a: (string | number)[], b: (string | number)[]) => {
            for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!
            return false
          }
          if (!best || best.score < score || (best.score === score && earlier(rank, best.rank))) {
            best = { score, rank }
          }
        }
        if (best) {
          fields.add(order[best.rank[3] as number]!)
          found.add(best.rank[2] as string)
        }
      }
      return {
        fields: [...fields].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
        words: [...found],
      }
    }
    const random = randomStream(11)
    const word = () => randomWord(random, 'aeikmnorst', 2, 7)
    const many = new SearchIndex()
    for (let i = 0; i < 800; i++) {
      many.put({
        id: String(i),
        sortKey: word(),
        fields: {
          name: `${word()} ${word()}`,
          tag: random() < 0.3 ? word() : undefined,
          address: `${word()} ${i}`,
          wish: `${word()} ${word()}`,
          note: `${word()} ${word()} ${word()}`,
        },
      })
    }
    const documents = many.documents()
    for (let q = 0; q < 150; q++) {
      const queryWords = [...new Set(Array.from({ length: 1 + (q % 3) }, word))]
      for (const hit of many.search(queryWords.join(' '), 100)) {
        expect({ fields: hit.fields, words: hit.words }, queryWords.join(' ')).toEqual(
          explain(documents.get(hit.id)!.words, queryWords),
        )
      }
    }
  })

  it('gives the same first results when it stops early for one word as when it reads every list', () => {
    // Words in every field, so one query word reaches lists of many scores; a page of `limit`
    // must be the first `limit` of everything, in the same order, whatever the status or filter.
    const random = randomStream(3)
    const pick = (words: string[]) => words[Math.floor(random() * words.length)]!
    const names = ['maria', 'mark', 'mol', 'bakker', 'bos', 'mees', 'kok', 'mulder', 'berg']
    const notes = ['markt', 'muziek', 'middag', 'koken', 'boeken', 'moestuin', 'mooi']
    const many = new SearchIndex()
    for (let i = 0; i < 2000; i++) {
      many.put({
        id: `p${i}`,
        sortKey: `${pick(names)} ${i % 7}`,
        status: i % 6 === 0 ? 'archived' : 'active',
        attributes: {
          wijkId: i % 3 === 0 ? 'noord' : 'zuid',
          tagIds: [],
          availability: 0,
          consent: 'not_asked',
          lastContactOn: null,
        },
        fields: {
          name: `${pick(names)} ${pick(names)}`,
          address: random() < 0.3 ? `${pick(notes)}straat 3` : undefined,
          tag: random() < 0.2 ? pick(notes) : undefined,
          wish: `${pick(notes)} ${pick(notes)}`,
          note: `${pick(notes)} ${pick(names)}`,
        },
      })
    }
    const filter = { conditions: { wijkId: 'noord' }, today: '2026-04-01' }
    for (const query of ['m', 'ma', 'mo', 'b', 'k', 'markt', 'bakkr', 'mu']) {
      for (const limit of [1, 10, 100]) {
        for (const [status, only] of [
          [undefined, undefined],
          ['active', undefined],
          ['archived', filter],
        ] as const) {
          expect(many.search(query, limit, status, only), `${query} ${limit} ${status}`).toEqual(
            many.search(query, 100_000, status, only).slice(0, limit),
          )
        }
      }
    }
  })

  it('finds every word within the typos allowed, though it skips every beginning already too far away', () => {
    // A random vocabulary: the walk must never lose a word a full scan would find.
    const random = randomStream(7)
    const word = () => randomWord(random, 'aeioubdklmnrst', 3, 8)
    const vocabulary = [...new Set(Array.from({ length: 3000 }, word))]
    const many = new SearchIndex()
    vocabulary.forEach((w, i) => many.put({ id: String(i), sortKey: w, fields: { name: w } }))
    for (let q = 0; q < 300; q++) {
      const target = vocabulary[Math.floor(random() * vocabulary.length)]!
      const at = 1 + Math.floor(random() * (target.length - 1))
      const query =
        q % 3 === 0
          ? target.slice(0, at) + target.slice(at + 1)
          : q % 3 === 1
            ? target.slice(0, at) + 'x' + target.slice(at)
            : target.slice(0, at - 1) + (target[at] ?? '') + target[at - 1] + target.slice(at + 1)
      const allowed = query.length >= 7 ? 2 : query.length >= 3 ? 1 : 0
      const expected = vocabulary
        .map((w, i) => [w, String(i)] as const)
        .filter(([w]) => w.startsWith(query) || editDistance(query, w, allowed) <= allowed)
        .map(([, id]) => id)
        .sort()
      expect(
        many
          .search(query, 10_000)
          .map((hit) => hit.id)
          .sort(),
        query,
      ).toEqual(expected)
    }
    // Words leave the sorted list with the last person who had them, and come back with the next.
    many.put({ id: 'ananas', sortKey: 'ananas', fields: { name: 'ananas' } })
    expect(many.search('anamas').map((hit) => hit.id)).toContain('ananas')
    many.remove('ananas')
    vocabulary.forEach((_, i) => many.remove(String(i)))
    expect(many.size).toBe(0)
    expect(many.search('anamas')).toEqual([])
  })
})
