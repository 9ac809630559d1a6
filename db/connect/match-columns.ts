import type { FilterAttributes } from '../../shared/filters'
import { consentStatuses, type ConsentStatus } from '../../shared/ledger'
import { searchTokens } from '../../shared/text'
import type { SearchDoc } from '../search/search-index'

/** The free-text fields matching reads a theme in: wil, kan, nodig. */
export type TextField = 'wish' | 'strength' | 'need'
export const textFields: readonly TextField[] = ['wish', 'strength', 'need']

/** Per slot: active (1) or not, day parts, wijk number, consent (1 + its place), available from. */
export interface Columns {
  active: Uint8Array
  availability: Int32Array
  wijk: Int32Array
  consent: Uint8Array
  /** yyyymmdd, 0 when none. */
  availableFrom: Int32Array
  /** Until when she may propose him (his sharing consent), yyyymmdd; 0 when she must ask first. */
  shareUntil: Int32Array
  /** The first `tagWidth` tag numbers of each slot (`slot * tagWidth + i`); more are in its entry. */
  tags: Int32Array
  tagCount: Uint16Array
}

/** Tags kept in the columns per person: most have fewer; the rest are read from the entry. */
export const tagWidth = 8

const emptyColumns = (size: number): Columns => ({
  active: new Uint8Array(size),
  availability: new Int32Array(size),
  wijk: new Int32Array(size),
  consent: new Uint8Array(size),
  availableFrom: new Int32Array(size),
  shareUntil: new Int32Array(size),
  tags: new Int32Array(size * tagWidth),
  tagCount: new Uint16Array(size),
})

interface Entry {
  id: string
  sortKey: string
  attributes: FilterAttributes
  /** Its tags as small numbers (see `tagNumber`): matching compares numbers, not id strings. */
  tags: Int32Array
  /** Every word of its wil, kan and nodig, to take it out again, and the field of each (its place
   * in `textFields`): two flat arrays, not an array per word. */
  words: string[]
  fields: Uint8Array
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
  tagIds: string[]
  /** `field:word`, sorted. */
  words: string[]
}

/**
 * What matching reads of every person, in memory beside the store, apart from the search index:
 * one typed array per attribute, indexed by slot, so scanning tens of thousands of people touches a
 * few dense arrays instead of an object each; the people of each tag; and the words of wil, kan and
 * nodig by field, found as a whole word or a word it begins, never with a typo (a typo would be a
 * wrong reason). Kept in step with the store from the same documents as the search index.
 */
export class MatchColumns {
  private readonly entries: (Entry | undefined)[] = []
  private readonly slotOf = new Map<string, number>()
  private readonly free: number[] = []
  private columns = emptyColumns(0)
  /** Tag id → the slots of the people with that tag: matching starts from a theme's people. */
  private readonly byTag = new Map<string, Set<number>>()
  /** The same slots as arrays, made when first read after a change (iterating is what matching does). */
  private readonly byTagArray = new Map<string, Int32Array>()
  /** Field → word → slots. */
  private readonly byWord = new Map<TextField, Map<string, Set<number>>>(
    textFields.map((field) => [field, new Map()]),
  )
  /** How many fields and people use each word, and the words sorted (for prefixes). */
  private readonly wordUses = new Map<string, number>()
  private sortedWords: string[] = []
  private wordsChanged = false
  private readonly wijkNumbers = new Map<string, number>()
  /** Tag id → a small number, the same for as long as the columns live. */
  private readonly tagNumbers = new Map<string, number>()
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
    const slot = this.free.pop() ?? this.entries.length
    const words: string[] = []
    const fields: number[] = []
    textFields.forEach((field, fieldIndex) => {
      const text = doc.fields[field]
      if (!text) return
      const byWord = this.byWord.get(field)!
      for (const word of new Set(searchTokens(text))) {
        words.push(word)
        fields.push(fieldIndex)
        let slots = byWord.get(word)
        if (!slots) byWord.set(word, (slots = new Set()))
        slots.add(slot)
        const uses = this.wordUses.get(word) ?? 0
        if (uses === 0) this.wordsChanged = true
        this.wordUses.set(word, uses + 1)
      }
    })
    this.tagSlot(slot, attributes.tagIds)
    this.setColumns(slot, doc.status ?? 'active', attributes)
    this.entries[slot] = {
      id: doc.id,
      sortKey: doc.sortKey,
      attributes,
      tags: Int32Array.from(attributes.tagIds, (tagId) => this.tagNumber(tagId)),
      words,
      fields: Uint8Array.from(fields),
    }
    this.slotOf.set(doc.id, slot)
  }

  /** Only her labels changed (a bulk action): as putting her again with these tags. */
  retag(id: string, tagIds: readonly string[]): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    const entry = this.entries[slot]!
    this.untagSlot(slot, entry.attributes.tagIds)
    this.tagSlot(slot, tagIds)
    entry.attributes = { ...entry.attributes, tagIds: [...tagIds] }
    entry.tags = Int32Array.from(tagIds, (tagId) => this.tagNumber(tagId))
    this.setTagColumns(slot, tagIds)
  }

  private tagSlot(slot: number, tagIds: readonly string[]): void {
    for (const tagId of tagIds) {
      let set = this.byTag.get(tagId)
      if (!set) this.byTag.set(tagId, (set = new Set()))
      set.add(slot)
      this.byTagArray.delete(tagId)
    }
  }

  private untagSlot(slot: number, tagIds: readonly string[]): void {
    for (const tagId of tagIds) {
      const set = this.byTag.get(tagId)
      set?.delete(slot)
      if (set?.size === 0) this.byTag.delete(tagId)
      this.byTagArray.delete(tagId)
    }
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    const entry = this.entries[slot]!
    entry.words.forEach((word, i) => {
      const byWord = this.byWord.get(textFields[entry.fields[i]!]!)!
      const slots = byWord.get(word)!
      slots.delete(slot)
      if (slots.size === 0) byWord.delete(word)
      const uses = this.wordUses.get(word)! - 1
      if (uses === 0) {
        this.wordUses.delete(word)
        this.wordsChanged = true
      } else this.wordUses.set(word, uses)
    })
    this.untagSlot(slot, entry.attributes.tagIds)
    this.columns.active[slot] = 0
    this.entries[slot] = undefined
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
    c.consent[slot] = consentStatuses.indexOf(a.consent as ConsentStatus) + 1
    c.availableFrom[slot] = a.availableFrom ? Number(a.availableFrom.replaceAll('-', '')) : 0
    c.shareUntil[slot] = a.shareUntil ? Number(a.shareUntil.replaceAll('-', '')) : 0
    this.setTagColumns(slot, a.tagIds)
  }

  private setTagColumns(slot: number, tagIds: readonly string[]): void {
    const c = this.columns
    c.tagCount[slot] = tagIds.length
    for (let i = 0; i < Math.min(tagIds.length, tagWidth); i++) {
      c.tags[slot * tagWidth + i] = this.tagNumber(tagIds[i]!)
    }
  }

  /** The per-slot arrays matching reads (see `Columns`); valid until the next put or remove. */
  get matchColumns(): Readonly<Columns> {
    return this.columns
  }

  /** A wijk's small number, as `matchColumns.wijk` holds it. */
  wijkNumber(wijkId: string): number {
    let number = this.wijkNumbers.get(wijkId)
    if (number === undefined) this.wijkNumbers.set(wijkId, (number = this.wijkNumbers.size))
    return number
  }

  /** The person in a slot (her id, name key, attributes and tag numbers), if any. */
  entryAt(slot: number): Readonly<Entry> | undefined {
    return this.entries[slot]
  }

  /** The slot of a person, if she is in the columns. */
  slotOfId(id: string): number | undefined {
    return this.slotOf.get(id)
  }

  /** A tag's small number (given on first sight); matching indexes arrays with it. */
  tagNumber(tagId: string): number {
    let number = this.tagNumbers.get(tagId)
    if (number === undefined) this.tagNumbers.set(tagId, (number = this.tagNumbers.size))
    return number
  }

  /** How many tag numbers have been given: the length of arrays indexed by them. */
  get tagCount(): number {
    return this.tagNumbers.size
  }

  /** How many slots there are: the length of per-slot arrays a caller keeps (see markWithWord). */
  get capacity(): number {
    return this.entries.length
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
    if (this.visited.length < this.entries.length) {
      const bigger = new Uint32Array(Math.max(this.entries.length, this.visited.length * 2))
      bigger.set(this.visited)
      this.visited = bigger
    }
    const stamp = ++this.visitStamp
    const visited = this.visited
    for (const tagId of tagIds) {
      let tagged = this.byTagArray.get(tagId)
      if (!tagged) {
        const set = this.byTag.get(tagId)
        if (!set) continue
        tagged = Int32Array.from(set)
        this.byTagArray.set(tagId, tagged)
      }
      for (let i = 0; i < tagged.length; i++) {
        const slot = tagged[i]!
        if (visited[slot] === stamp) continue
        visited[slot] = stamp
        visit(slot)
      }
    }
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!
      if (visited[slot] === stamp || !this.entries[slot]) continue
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
      const byWord = this.byWord.get(field)!
      for (const matched of words) {
        for (const slot of byWord.get(matched) ?? []) {
          if (marks[slot] || !this.entries[slot]) continue
          marks[slot] = f + 1
          marked.push(slot)
        }
      }
    })
    return marked
  }

  /** Every person as the columns hold her, by id (tests compare them with columns made afresh). */
  documents(): Map<string, MatchedDocument> {
    const consents = ['', ...consentStatuses]
    const documents = new Map<string, MatchedDocument>()
    for (const [id, slot] of this.slotOf) {
      const entry = this.entries[slot]!
      const c = this.columns
      documents.set(id, {
        sortKey: entry.sortKey,
        active: c.active[slot] === 1,
        availability: c.availability[slot]!,
        wijkId: entry.attributes.wijkId,
        consent: consents[c.consent[slot]!]!,
        availableFrom: entry.attributes.availableFrom ?? null,
        shareUntil: entry.attributes.shareUntil ?? null,
        tagIds: [...entry.attributes.tagIds].sort(),
        words: entry.words.map((word, i) => `${textFields[entry.fields[i]!]}:${word}`).sort(),
      })
    }
    return documents
  }

  /** The word itself first (when someone writes it), then the words it begins, from the sorted list. */
  private wordsStartingWith(prefix: string): string[] {
    if (this.wordsChanged) {
      this.sortedWords = [...this.wordUses.keys()].sort()
      this.wordsChanged = false
    }
    const words = this.sortedWords
    let low = 0
    let high = words.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (words[middle]! < prefix) low = middle + 1
      else high = middle
    }
    const found = this.wordUses.has(prefix) ? [prefix] : []
    for (let i = low; i < words.length && words[i]!.startsWith(prefix); i++) {
      if (words[i] !== prefix) found.push(words[i]!)
    }
    return found
  }
}
