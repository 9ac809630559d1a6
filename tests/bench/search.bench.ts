import Fuse from 'fuse.js'
import { SearchIndex, type SearchDoc } from '../../db/search/search-index'
import { displayName, type NewPerson } from '../../shared/person'
import { foldKey } from '../../shared/text'
import { seededRandom, syntheticPeople } from './ledger'
import { megabytes, percentile, round, type Figure } from './measure'

interface Query {
  text: string
  /** For typo queries: the person it must find in the top ten. */
  target?: string
}

export const toDoc = (person: NewPerson, id: string): SearchDoc => ({
  id,
  sortKey: foldKey(person.lastName ?? person.firstName),
  fields: {
    name: [displayName(person), person.nickname].filter(Boolean).join(' '),
    address: [person.street, person.houseNumber].filter(Boolean).join(' '),
    wijk: person.wijk,
    tag: person.tags.map((tag) => tag.name).join(' '),
    note: [person.note, person.moment?.note].filter(Boolean).join(' '),
  },
})

/** One letter dropped, swapped or changed: the typos of someone typing fast. */
export function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2))
  switch (Math.floor(random() * 3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1)
    case 1:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
    default:
      return word.slice(0, at) + 'e' + word.slice(at + 1)
  }
}

/** A fixed mix over the ledger: prefixes, full names, typos, tags, several words, 1–2 letters. */
export function queryMix(people: NewPerson[], count: number, seed: number): Query[] {
  const random = seededRandom(seed)
  const queries: Query[] = []
  for (let i = 0; queries.length < count; i++) {
    const index = Math.floor(random() * people.length)
    const person = people[index]!
    const last = person.lastName ?? person.firstName
    switch (i % 6) {
      case 0:
        queries.push({ text: last.slice(0, 3 + (i % 2)) })
        break
      case 1:
        queries.push({ text: displayName(person) })
        break
      case 2:
        // Typo in the first name, with the address that tells her apart: a known target.
        queries.push({
          text: `${typo(person.firstName, random)} ${last} ${person.street} ${person.houseNumber}`,
          target: String(index),
        })
        break
      case 3:
        queries.push({ text: typo(person.tags[0]!.name.toLowerCase(), random) })
        break
      case 4:
        queries.push({ text: `${person.firstName} ${person.street}` })
        break
      default:
        queries.push({ text: last.slice(0, 1 + (i % 2)) })
    }
  }
  return queries
}

/**
 * The full name with a typo in the last name, and the address that tells her apart: known targets,
 * apart from the mix above (which stays as it was, so that its figures compare with earlier runs).
 */
export function lastNameTypos(people: NewPerson[], count: number, seed: number): Query[] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, () => {
    const index = Math.floor(random() * people.length)
    const person = people[index]!
    const last = typo(person.lastName ?? person.firstName, random)
    return {
      text: `${person.firstName} ${last} ${person.street} ${person.houseNumber}`,
      target: String(index),
    }
  })
}

function measure(queries: Query[], run: (text: string) => string[]) {
  const times: number[] = []
  let found = 0
  let typos = 0
  for (const query of queries) {
    const start = performance.now()
    const ids = run(query.text)
    times.push(performance.now() - start)
    if (query.target !== undefined) {
      typos++
      if (ids.slice(0, 10).includes(query.target)) found++
    }
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), found, typos }
}

/** The heap in use and the array buffers (most of our index is typed arrays, outside the heap). */
const heapMb = () => {
  globalThis.gc?.()
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return heapUsed + arrayBuffers
}

/** Our index against plain fuse.js on the same ledgers, in the same run. */
export async function searchBench(sizes = [1_000, 10_000, 100_000]): Promise<Figure[]> {
  const figures: Figure[] = []
  for (const size of sizes) {
    const label = `@${size / 1000}k`
    const people = [...syntheticPeople(size, 23)]
    const docs = people.map((person, i) => toDoc(person, String(i)))
    const queries = queryMix(people, 200, 99)
    const lastNames = lastNameTypos(people, 40, 199)
    /** Typo queries whose person is in the top ten, of all of both sets' typo queries. */
    const recall = (...runs: { found: number; typos: number }[]) =>
      runs.reduce((n, run) => n + run.found, 0) / runs.reduce((n, run) => n + run.typos, 0)

    const buildStart = performance.now()
    let index: SearchIndex | undefined = new SearchIndex()
    for (const doc of docs) index.put(doc)
    index.search('warm') // the first search sorts the word lists
    const build = performance.now() - buildStart
    const ours = measure(queries, (text) => index!.search(text, 10).map((hit) => hit.id))
    const oursLast = measure(lastNames, (text) => index!.search(text, 10).map((hit) => hit.id))
    // What letting go of the index gives back: its heap and its typed arrays.
    const withIndex = heapMb()
    index = undefined
    const heap = withIndex - heapMb()
    figures.push({
      id: `search.p95_ms${label}`,
      value: round(ours.p95),
      unit: 'ms',
      target: size === 100_000 ? 16 : size === 10_000 ? 5 : undefined,
    })
    figures.push({ id: `search.p50_ms${label}`, value: round(ours.p50), unit: 'ms' })
    if (size === 10_000)
      figures.push({
        id: 'search.recall10@10k',
        value: round(recall(ours, oursLast)),
        unit: 'ratio',
        target: 0.98,
        better: 'higher',
      })
    if (size >= 100_000) {
      figures.push({
        id: `search.recall10${label}`,
        value: round(recall(ours, oursLast)),
        unit: 'ratio',
        target: 1,
        better: 'higher',
      })
      figures.push({
        id: `search.recall10.last_name_typo${label}`,
        value: round(recall(oursLast)),
        unit: 'ratio',
      })
      figures.push({ id: `search.build_ms${label}`, value: round(build, 0), unit: 'ms' })
      figures.push({ id: `search.heap_mb${label}`, value: megabytes(heap), unit: 'MB' })
    }

    // fuse.js is slow enough that a sample of the same mix keeps the run short (and 300k out).
    if (size > 100_000) continue
    const sample = size === 1_000 ? queries : queries.slice(0, size === 10_000 ? 60 : 28)
    const fuseHeapBefore = heapMb()
    const fuseStart = performance.now()
    const fuse = new Fuse(docs, {
      keys: ['fields.name', 'fields.tag', 'fields.address', 'fields.wijk', 'fields.note'],
      ignoreLocation: true,
      threshold: 0.4,
    })
    const fuseBuild = performance.now() - fuseStart
    const fuseHeap = heapMb() - fuseHeapBefore
    const search = (text: string) => fuse.search(text, { limit: 10 }).map((r) => r.item.id)
    const theirs = measure(sample, search)
    const theirsLast = measure(lastNames.slice(0, size === 100_000 ? 10 : 40), search)
    figures.push({ id: `fuse_baseline.p95_ms${label}`, value: round(theirs.p95), unit: 'ms' })
    figures.push({ id: `fuse_baseline.p50_ms${label}`, value: round(theirs.p50), unit: 'ms' })
    if (size !== 1_000)
      figures.push({
        id: `fuse_baseline.recall10${label}`,
        value: round(recall(theirs, theirsLast)),
        unit: 'ratio',
      })
    if (size === 100_000) {
      figures.push({ id: 'fuse_baseline.build_ms@100k', value: round(fuseBuild, 0), unit: 'ms' })
      figures.push({ id: 'fuse_baseline.heap_mb@100k', value: megabytes(fuseHeap), unit: 'MB' })
    }
  }
  return figures
}
