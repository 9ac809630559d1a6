import type { FilterAttributes } from '../../shared/filters'
import { searchTokens } from '../../shared/text'
import {
  Arena,
  dayNumber,
  dayText,
  Numbering,
  Vocabulary,
  type ArenaSnapshot,
  type VocabularySnapshot,
} from '../search/compact'
import type { SearchDoc } from '../search/search-index'

/** The free-text fields matching reads a theme in: wil, kan, nodig. */
export type TextField = 'wish' | 'strength' | 'need'
export const textFields: readonly TextField[] = ['wish', 'strength', 'need']

/** Per slot: active (1) or not, day parts, wijk number, consent's number, days. */
export interface Columns {
  active: Uint8Array
  availability: Int32Array
  wijk: Int32Array
  consent: Uint8Array
  /** yyyymmdd, 0 when none. */
  lastContact: Int32Array
  /** yyyymmdd, 0 when none. */
  availableFrom: Int32Array
  /** Until when she may propose him (his sharing consent), yyyymmdd; 0 when she must ask first. */
  shareUntil: Int32Array
  /** The first `tagWidth` tag numbers of each slot (`slot * tagWidth + i`); all of them: `tagsAt`. */
  tags: Int32Array
  tagCount: Uint16Array
}

/** Tags kept in the columns per person: most have fewer; the rest are read with `tagsAt`. */
export const tagWidth = 8

const emptyColumns = (size: number): Columns => ({
  active: new Uint8Array(size),
  availability: new Int32Array(size),
  wijk: new Int32Array(size),
  consent: new Uint8Array(size),
  lastContact: new Int32Array(size),
  availableFrom: new Int32Array(size),
  shareUntil: new Int32Array(size),
  tags: new Int32Array(size * tagWidth),
  tagCount: new Uint16Array(size),
})

interface Entry {
  id: string
  sortKey: string
  attributes: FilterAttributes
}

/** What matching's columns hold of one person: to compare two of them (tests). */
export interface MatchedDocument {
  sortKey: string
  active: boolean
  availability: number
  wijkId: string | null
  consent: string
  availableFrom: string | null
  shareUntil: string | null
  lastContactOn: string | null
  tagIds: string[]
  /** `field:word`, sorted. */
  words: string[]
}

/** Matching's columns as plain data (see `MatchColumns.snapshot`). */
export interface MatchColumnsSnapshot {
  ids: (string | undefined)[]
  sortKeys: string[]
  free: number[]
  columns: Columns
  byTag: ArenaSnapshot
  slotTags: ArenaSnapshot
  vocabulary: VocabularySnapshot
  byWord: ArenaSnapshot
  slotWords: ArenaSnapshot
  wijks: string[]
  tagIds: string[]
  consents: string[]
}

/**
 * What matching reads of every person, in memory beside the store, apart from the search index:
 * one typed array per attribute, indexed by slot, so scanning tens of thousands of people touches a
 * few dense arrays instead of an object each; the people of each tag; and the words of wil, kan and
 * nodig by field, found as a whole word or a word it begins, never with a typo (a typo would be a
 * wrong reason). Kept in step with the store from the same documents as the search index.
 */
export class MatchColumns {
  private ids: (string | undefined)[] = []
  private sortKeys: string[] = []
  private slotOf = new Map<string, number>()
  private free: number[] = []
  private columns = emptyColumns(0)
  /** Tag number → the slots of the people with that tag, ascending: matching starts from a theme's people. */
  private byTag = new Arena()
  /** Slot → its tag numbers, in her order (the columns hold the first `tagWidth`). */
  private slotTags = new Arena()
  /** The words of wil, kan and nodig, each once, as numbers. */
  private readonly vocabulary = new Vocabulary()
  /** `word * 4 + field` → the slots of the people with that word in that field, ascending. */
  private byWord = new Arena()
  /** Slot → `word * 4 + field` of every word of hers. */
  private slotWords = new Arena()
  /** Wijk ids, tag ids and consent states as small numbers, the same for as long as the columns live. */
  private wijks = new Numbering()
  private tagIds = new Numbering()
  private consents = new Numbering()
  private visited = new Uint32Array(0)
  private visitStamp = 0

  get size(): number {
    return this.slotOf.size
  }

  /** A person as she is now: put in (or replaced). Documents without attributes are not people. */
  put(doc: SearchDoc): void {
    this.remove(doc.id)
    const attributes = doc.attributes
    if (!attributes) return
    const slot = this.free.pop() ?? this.ids.length
    const words: number[] = []
    textFields.forEach((field, fieldIndex) => {
      const text = doc.fields[field]
      if (!text) return
      for (const word of new Set(searchTokens(text))) {
        const key = this.vocabulary.use(word) * 4 + fieldIndex
        words.push(key)
        this.byWord.insertSorted(key, slot)
      }
    })
    this.slotWords.set(slot, words)
    this.tagSlot(slot, attributes.tagIds)
    this.setColumns(slot, doc.status ?? 'active', attributes)
    this.ids[slot] = doc.id
    this.sortKeys[slot] = doc.sortKey
    this.slotOf.set(doc.id, slot)
  }

  /** After filling: the room the lists grew into, given back. */
  pack(): void {
    for (const arena of [this.byTag, this.slotTags, this.byWord, this.slotWords]) arena.pack()
  }

  /**
   * The columns as plain data, for the indexer that built them to hand them over (see `load`).
   * The columns are not to be used after.
   */
  snapshot(): MatchColumnsSnapshot {
    return {
      ids: this.ids,
      sortKeys: this.sortKeys,
      free: this.free,
      columns: this.columns,
      byTag: this.byTag.snapshot(),
      slotTags: this.slotTags.snapshot(),
      vocabulary: this.vocabulary.snapshot(),
      byWord: this.byWord.snapshot(),
      slotWords: this.slotWords.snapshot(),
      wijks: this.wijks.snapshot(),
      tagIds: this.tagIds.snapshot(),
      consents: this.consents.snapshot(),
    }
  }

  /** Become the columns a snapshot holds (what they held before is dropped). */
  load(snapshot: MatchColumnsSnapshot): void {
    this.ids = snapshot.ids
    this.sortKeys = snapshot.sortKeys
    this.free = snapshot.free
    this.columns = snapshot.columns
    this.byTag = Arena.from(snapshot.byTag)
    this.slotTags = Arena.from(snapshot.slotTags)
    this.vocabulary.load(snapshot.vocabulary)
    this.byWord = Arena.from(snapshot.byWord)
    this.slotWords = Arena.from(snapshot.slotWords)
    this.wijks = new Numbering(snapshot.wijks)
    this.tagIds = new Numbering(snapshot.tagIds)
    this.consents = new Numbering(snapshot.consents)
    this.slotOf = new Map()
    this.ids.forEach((id, slot) => {
      if (id !== undefined) this.slotOf.set(id, slot)
    })
    this.visited = new Uint32Array(0)
  }

  /** Only her labels changed (a bulk action): as putting her again with these tags. */
  retag(id: string, tagIds: readonly string[]): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.untagSlot(slot)
    this.tagSlot(slot, tagIds)
    this.setTagColumns(slot, tagIds)
  }

  private tagSlot(slot: number, tagIds: readonly string[]): void {
    const numbers = tagIds.map((tagId) => this.tagNumber(tagId))
    for (const number of numbers) this.byTag.insertSorted(number, slot)
    this.slotTags.set(slot, numbers)
  }

  private untagSlot(slot: number): void {
    for (const number of this.slotTags.view(slot)) this.byTag.deleteSorted(number, slot)
    this.slotTags.release(slot)
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    for (const key of this.slotWords.view(slot)) {
      this.byWord.deleteSorted(key, slot)
      this.vocabulary.release(key >> 2)
    }
    this.slotWords.release(slot)
    this.untagSlot(slot)
    this.columns.active[slot] = 0
    this.ids[slot] = undefined
    this.slotOf.delete(id)
    this.free.push(slot)
  }

  private setColumns(slot: number, status: 'active' | 'archived', a: FilterAttributes): void {
    if (slot >= this.columns.active.length) {
      const next = emptyColumns(Math.max(1024, slot + 1, this.columns.active.length * 2))
      for (const key of Object.keys(next) as (keyof Columns)[]) next[key].set(this.columns[key])
      this.columns = next
    }
    const c = this.columns
    c.active[slot] = status === 'active' ? 1 : 0
    c.availability[slot] = a.availability
    c.wijk[slot] = a.wijkId ? this.wijkNumber(a.wijkId) : -1
    c.consent[slot] = this.consents.number(a.consent)
    c.lastContact[slot] = dayNumber(a.lastContactOn)
    c.availableFrom[slot] = dayNumber(a.availableFrom)
    c.shareUntil[slot] = dayNumber(a.shareUntil)
    this.setTagColumns(slot, a.tagIds)
  }

  private setTagColumns(slot: number, tagIds: readonly string[]): void {
    const c = this.columns
    c.tagCount[slot] = tagIds.length
    for (let i = 0; i < Math.min(tagIds.length, tagWidth); i++) {
      c.tags[slot * tagWidth + i] = this.tagNumber(tagIds[i]!)
    }
  }

  /** The bytes all its typed arrays take (the benchmark's figures). */
  get footprint(): { arrayBytes: number } {
    const arenas = [this.byTag, this.slotTags, this.byWord, this.slotWords]
    const columns = Object.values(this.columns) as { byteLength: number }[]
    return {
      arrayBytes:
        arenas.reduce((sum, arena) => sum + arena.footprint.bytes, 0) +
        columns.reduce((sum, array) => sum + array.byteLength, this.visited.byteLength),
    }
  }

  /** The per-slot arrays matching reads (see `Columns`); valid until the next put or remove. */
  get matchColumns(): Readonly<Columns> {
    return this.columns
  }

  /** A wijk's small number, as `matchColumns.wijk` holds it. */
  wijkNumber(wijkId: string): number {
    return this.wijks.number(wijkId)
  }

  /** The person in a slot (her id, name key and attributes, made anew), if any. */
  entryAt(slot: number): Readonly<Entry> | undefined {
    const id = this.ids[slot]
    if (id === undefined) return undefined
    return { id, sortKey: this.sortKeys[slot]!, attributes: this.attributesAt(slot) }
  }

  /** Her attributes as an object again, from the columns (for the few people a caller looks at). */
  private attributesAt(slot: number): FilterAttributes {
    const c = this.columns
    const wijk = c.wijk[slot]!
    return {
      wijkId: wijk < 0 ? null : this.wijks.value(wijk),
      tagIds: Array.from(this.slotTags.view(slot), (number) => this.tagIds.value(number)),
      availability: c.availability[slot]!,
      consent: this.consents.value(c.consent[slot]!),
      lastContactOn: dayText(c.lastContact[slot]!),
      availableFrom: dayText(c.availableFrom[slot]!),
      shareUntil: dayText(c.shareUntil[slot]!),
    }
  }

  /** Every tag number of the person in a slot (the columns hold only the first `tagWidth`). */
  tagsAt(slot: number): Int32Array {
    return this.slotTags.view(slot)
  }

  /** The slot of a person, if she is in the columns. */
  slotOfId(id: string): number | undefined {
    return this.slotOf.get(id)
  }

  /** A tag's small number (given on first sight); matching indexes arrays with it. */
  tagNumber(tagId: string): number {
    return this.tagIds.number(tagId)
  }

  /** How many tag numbers have been given: the length of arrays indexed by them. */
  get tagCount(): number {
    return this.tagIds.size
  }

  /** How many slots there are: the length of per-slot arrays a caller keeps (see markWithWord). */
  get capacity(): number {
    return this.ids.length
  }

  /**
   * Calls `visit` once for every person who has one of `tagIds` or is in `slots`: matching reads a
   * theme's people from the tag postings, not by scanning everyone.
   */
  forEachWith(
    tagIds: Iterable<string>,
    slots: readonly number[],
    visit: (slot: number) => void,
  ): void {
    // A stamp per slot says "visited in this call" without a set of tens of thousands.
    if (this.visited.length < this.ids.length) {
      const bigger = new Uint32Array(Math.max(this.ids.length, this.visited.length * 2))
      bigger.set(this.visited)
      this.visited = bigger
    }
    const stamp = ++this.visitStamp
    const visited = this.visited
    for (const tagId of tagIds) {
      const number = this.tagIds.find(tagId)
      if (number === undefined) continue
      // A view of the arena: `visit` only reads, so it stays valid through the loop.
      const tagged = this.byTag.view(number)
      for (let i = 0; i < tagged.length; i++) {
        const slot = tagged[i]!
        if (visited[slot] === stamp) continue
        visited[slot] = stamp
        visit(slot)
      }
    }
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!
      if (visited[slot] === stamp || this.ids[slot] === undefined) continue
      visited[slot] = stamp
      visit(slot)
    }
  }

  /**
   * Marks the people with `word` (or a word it begins: "wandel" finds "wandelen") in one of
   * `fields`: `marks[slot]` becomes 1 + the field's place in `fields` (the first that has it), for
   * matching by theme, where a typo would be a wrong reason. Returns the slots marked.
   */
  markWithWord(word: string, fields: readonly TextField[], marks: Uint8Array): number[] {
    const words = this.wordsStartingWith(word)
    const marked: number[] = []
    fields.forEach((field, f) => {
      const fieldIndex = textFields.indexOf(field)
      for (const matched of words) {
        const slots = this.byWord.view(matched * 4 + fieldIndex)
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i]!
          if (marks[slot] || this.ids[slot] === undefined) continue
          marks[slot] = f + 1
          marked.push(slot)
        }
      }
    })
    return marked
  }

  /** Every person as the columns hold her, by id (tests compare them with columns made afresh). */
  documents(): Map<string, MatchedDocument> {
    const documents = new Map<string, MatchedDocument>()
    for (const [id, slot] of this.slotOf) {
      const attributes = this.attributesAt(slot)
      const c = this.columns
      documents.set(id, {
        sortKey: this.sortKeys[slot]!,
        active: c.active[slot] === 1,
        availability: c.availability[slot]!,
        wijkId: attributes.wijkId,
        consent: attributes.consent,
        availableFrom: attributes.availableFrom ?? null,
        shareUntil: attributes.shareUntil ?? null,
        lastContactOn: attributes.lastContactOn,
        tagIds: [...attributes.tagIds].sort(),
        words: [...this.slotWords.view(slot)]
          .map((key) => `${textFields[key & 3]}:${this.vocabulary.text(key >> 2)}`)
          .sort(),
      })
    }
    return documents
  }

  /** The word itself first (when someone writes it), then the words it begins, in word order. */
  private wordsStartingWith(prefix: string): number[] {
    const exact = this.vocabulary.numberOf(prefix)
    const found = exact === undefined ? [] : [exact]
    for (const word of this.vocabulary.prefixed(prefix)) if (word !== exact) found.push(word)
    return found
  }
}
