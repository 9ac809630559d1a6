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

  it('never takes a query word as a typo of another word she typed', () => {
    for (const [id, name] of [
      ['veen', 'Zeynep ter Veen'],
      ['bos', 'Zeynep van Bos'],
    ]) {
      index.put({ id: id!, sortKey: id!, fields: { name, address: 'Laan van Vollenhove 126' } })
    }
    // "ven" is one typo from "van" as from "veen", but "van" she typed herself (the street's):
    // Zeynep van Bos must not count it twice, her name's "van" and a typo of it.
    const [first, second] = index.search('zeynep ven laan van vollenhove 126')
    expect([first!.id, second!.id]).toEqual(['veen', 'bos'])
    expect(first!.words.sort()).toEqual(['126', 'laan', 'van', 'veen', 'vollenhove', 'zeynep'])
    // Her name's "van" is for the query's "van"; nothing of hers is a typo of it.
    expect(second!.words.sort()).toEqual(['126', 'laan', 'van', 'vollenhove', 'zeynep'])
    // Without the "van", "ven" finds her by typo as before.
    expect(ids('zeynep ven').slice(0, 2)).toEqual(['bos', 'veen'])
  })

  it('counts a word between two of her address as her address, however many come first by the words alone', () => {
    // Sixty people named "van …" in her street: by their best fields they all come before her.
    for (let i = 0; i < 60; i++) {
      index.put({
        id: `van${i}`,
        sortKey: `dijk ${i}`,
        fields: { name: `Anna van Dijk`, address: `Laan van Vollenhove ${i + 2}` },
      })
    }
    index.put({
      id: 'anna',
      sortKey: 'bakker anna',
      fields: { name: 'Anna Bakker', address: 'Laan van Vollenhove 1' },
    })
    // In context their "van" is the street's, as hers: she ties with them, and her name comes first.
    const [first, second] = index.search('anna laan van vollenhove', 10)
    expect(first).toEqual({
      id: 'anna',
      score: 64 + 24 * 3,
      fields: ['name', 'address'],
      words: ['anna', 'laan', 'van', 'vollenhove'],
    })
    expect(second).toMatchObject({ id: 'van0', score: 64 + 24 * 3, fields: ['name', 'address'] })
    // Alone, "van" is her name's.
    expect(index.search('anna van', 1)[0]).toMatchObject({ id: 'van0', score: 128 })
  })

  it('puts the ties it weighed again in name order with the ties it did not', () => {
    // By the words alone the first two are "van"s, then eight: seven "van"s and "aa". In context
    // all nine tie, and "ab", the first one left out, comes before the "van"s by name.
    const street = (id: string, sortKey: string, name: string) =>
      index.put({ id, sortKey, fields: { name, address: 'Laan van Vollenhove 1' } })
    for (let i = 0; i < 7; i++) street(`van${i}`, `b${i}`, 'Anna van Dijk')
    street('aa', 'aa', 'Anna Bakker')
    street('ab', 'ab', 'Anna Bakker')
    expect(index.search('anna laan van vollenhove', 2).map((hit) => hit.id)).toEqual(['aa', 'ab'])
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

  it('ranks, scores and explains hits as comparing her words one by one would', () => {
    // The reference: every word of hers against the query word, by the rule and the tie-break,
    // with the weights written out again (not read from the index it checks); never a typo of
    // another of the query's words; a word between two found in one field of hers counted in that
    // field when it is there too.
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
    type Found = { score: number; rank: (string | number)[] }
    const earlier = (a: (string | number)[], b: (string | number)[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!
      return false
    }
    const beats = (a: Found, b: Found | undefined) =>
      !b || b.score < a.score || (b.score === a.score && earlier(a.rank, b.rank))
    const explain = (words: string[], queryWords: string[], context = true) => {
      const perWord = queryWords.map((queryWord) => {
        const allowed = queryWord.length >= 7 ? 2 : queryWord.length >= 3 ? 1 : 0
        const inField = new Map<string, Found>()
        let best: Found | undefined
        for (const entry of words) {
          const [field, word] = entry.split(':') as [string, string]
          const how =
            word === queryWord
              ? 0
              : word.startsWith(queryWord)
                ? 1
                : allowed > 0 &&
                    !queryWords.includes(word) &&
                    editDistance(queryWord, word, allowed) <= allowed
                  ? 2
                  : -1
          if (how < 0) continue
          const score = weight[field]! * [4, 3, 1][how]!
          const found = {
            score,
            rank: [how, how === 2 ? word.length : 0, word, order.indexOf(field)],
          }
          if (beats(found, inField.get(field))) inField.set(field, found)
          if (beats(found, best)) best = found
        }
        return { inField, best }
      })
      const fields = new Set<string>()
      const found = new Set<string>()
      let total = 0
      let count = 0
      perWord.forEach(({ inField, best }, w) => {
        if (!best) return
        const before = perWord[w - 1]?.best?.rank[3]
        const after = perWord[w + 1]?.best?.rank[3]
        const chosen =
          context && before !== undefined && before === after
            ? (inField.get(order[before as number]!) ?? best)
            : best
        fields.add(order[chosen.rank[3] as number]!)
        found.add(chosen.rank[2] as string)
        total += chosen.score
        count++
      })
      return {
        count,
        hit: {
          score: total,
          fields: [...fields].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
          words: [...found],
        },
      }
    }
    const random = randomStream(11)
    const word = () => randomWord(random, 'aeikmnorst', 2, 7)
    const many = new SearchIndex()
    for (let i = 0; i < 800; i++) {
      const name = [word(), word()]
      many.put({
        id: String(i),
        sortKey: word(),
        fields: {
          name: name.join(' '),
          tag: random() < 0.3 ? word() : undefined,
          address: `${word()} ${i}`,
          wish: `${word()} ${word()}`,
          // Some notes hold a word of her name between two others.
          note: `${word()} ${random() < 0.6 ? name[1] : word()} ${word()}`,
        },
      })
    }
    const documents = many.documents()
    const everyone = [...documents.entries()]
    // Some queries hold a word of hers and that word with a typo; some a note's three words.
    const hers = everyone.flatMap(([, doc]) => doc.words.map((w) => w.split(':')[1]!))
    const withTypo = () => {
      const real = hers.filter((w) => w.length >= 4)[Math.floor(random() * 1000)]!
      return [real, `${real.slice(0, 2)}u${real.slice(3)}`]
    }
    const aNote = () => {
      const [, doc] = everyone[Math.floor(random() * everyone.length)]!
      return doc.words.filter((w) => w.startsWith('note:')).map((w) => w.slice(5))
    }
    let inContext = 0
    for (let q = 0; q < 160; q++) {
      const query = [
        ...new Set(
          q % 4 === 3
            ? withTypo()
            : q % 4 === 2
              ? aNote()
              : Array.from({ length: 1 + (q % 2) }, word),
        ),
      ]
      const text = query.join(' ')
      const expected = everyone
        .map(([id, doc]) => ({ id, sortKey: doc.sortKey, ...explain(doc.words, query) }))
        .filter((hit) => hit.count > 0)
        .sort(
          (a, b) =>
            b.count - a.count ||
            b.hit.score - a.hit.score ||
            (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
            (a.id < b.id ? -1 : 1),
        )
        .slice(0, 10)
      const hits = many.search(text, 10)
      expect(
        hits.map((hit) => hit.id),
        text,
      ).toEqual(expected.map((hit) => hit.id))
      hits.forEach((hit, i) => {
        expect({ score: hit.score, fields: hit.fields, words: hit.words }, text).toEqual(
          expected[i]!.hit,
        )
      })
      // How often the context changed a score among the first ten (so that it is tried).
      const words = (id: string) => documents.get(id)!.words
      if (expected.some(({ id, hit }) => hit.score < explain(words(id), query, false).hit.score)) {
        inContext++
      }
    }
    expect(inContext).toBeGreaterThan(5)
    // A reference that compares every word of 800 people for each query: seconds on a busy machine.
  }, 60_000)

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
