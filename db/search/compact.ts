/**
 * The building blocks of the people indexes, made to hold a 100k-resident ledger in tens of
 * megabytes instead of hundreds: numbers in shared typed arrays instead of a Set or an array per
 * word and per person, and every distinct word once, as a small number.
 */

/** An arena as numbers only: what the indexer hands over (see `Arena.from`). */
export interface ArenaSnapshot {
  data: Int32Array<ArrayBuffer>
  end: number
  garbage: number
  offsets: Int32Array<ArrayBuffer>
  lengths: Int32Array<ArrayBuffer>
  capacities: Int32Array<ArrayBuffer>
}

/**
 * Lists of numbers by key (a small dense number: a word, a slot, a tag), all in one shared
 * Int32Array. A list that outgrows its room moves to the end; the room it leaves is taken back
 * when the arena compacts, once more than half of it is such garbage.
 */
export class Arena {
  private data = new Int32Array(1 << 12)
  private end = 0
  private garbage = 0
  private offsets = new Int32Array(0)
  private lengths = new Int32Array(0)
  private capacities = new Int32Array(0)

  /** The arena's arrays as they are (for a worker to hand over; it stops using them). */
  snapshot(): ArenaSnapshot {
    const { data, end, garbage, offsets, lengths, capacities } = this
    return { data, end, garbage, offsets, lengths, capacities }
  }

  /** An arena that continues where a snapshot left off. */
  static from(snapshot: ArenaSnapshot): Arena {
    return Object.assign(new Arena(), snapshot)
  }

  /** Every list's numbers: `key`'s are at [start(key), start(key) + size(key)), until a change. */
  get numbers(): Int32Array {
    return this.data
  }

  /** Where `key`'s list begins in `numbers`. */
  start(key: number): number {
    return key < this.offsets.length ? this.offsets[key]! : 0
  }

  /** How many numbers `key`'s list holds. */
  size(key: number): number {
    return key < this.lengths.length ? this.lengths[key]! : 0
  }

  /** `key`'s list, as a view: valid until the next change to the arena. */
  view(key: number): Int32Array {
    const length = this.size(key)
    if (length === 0) return empty
    const offset = this.offsets[key]!
    return this.data.subarray(offset, offset + length)
  }

  /** The list's numbers, replaced by `values`. */
  set(key: number, values: ArrayLike<number>): void {
    this.reserve(key, values.length)
    this.data.set(values, this.offsets[key]!)
    this.lengths[key] = values.length
    if (values.length === 0) this.release(key)
  }

  /** Adds `value` to a list kept in ascending order (a value already there is kept once). */
  insertSorted(key: number, value: number): void {
    const length = this.size(key)
    this.reserve(key, length + 1)
    const offset = this.offsets[key]!
    const data = this.data
    // Most values come in order (a new slot is the highest): append without a search.
    if (length === 0 || data[offset + length - 1]! < value) {
      data[offset + length] = value
    } else {
      const at = this.search(offset, length, value)
      if (at < offset + length && data[at] === value) return
      data.copyWithin(at + 1, at, offset + length)
      data[at] = value
    }
    this.lengths[key] = length + 1
  }

  /** Takes `value` out of a list kept in ascending order; returns how many are left. */
  deleteSorted(key: number, value: number): number {
    const length = this.size(key)
    if (length === 0) return 0
    const offset = this.offsets[key]!
    const at = this.search(offset, length, value)
    if (at === offset + length || this.data[at] !== value) return length
    this.data.copyWithin(at, at + 1, offset + length)
    this.lengths[key] = length - 1
    if (length === 1) this.release(key)
    return length - 1
  }

  /** Appends `value` to a list in no particular order. */
  push(key: number, value: number): void {
    const length = this.size(key)
    this.reserve(key, length + 1)
    this.data[this.offsets[key]! + length] = value
    this.lengths[key] = length + 1
  }

  /** Takes one `value` out of an unordered list (the last one takes its place). */
  deleteUnordered(key: number, value: number): void {
    const length = this.size(key)
    if (length === 0) return
    const offset = this.offsets[key]!
    for (let i = offset; i < offset + length; i++) {
      if (this.data[i] !== value) continue
      this.data[i] = this.data[offset + length - 1]!
      this.lengths[key] = length - 1
      if (length === 1) this.release(key)
      return
    }
  }

  /** Empties `key`'s list and gives its room back. */
  release(key: number): void {
    if (key >= this.capacities.length) return
    this.garbage += this.capacities[key]!
    this.capacities[key] = 0
    this.lengths[key] = 0
  }

  /**
   * Gives back the room lists grew into while filling (a list doubles when full): after a build,
   * every list keeps an eighth to grow.
   */
  pack(): void {
    this.compact(-1, 1)
    // The per-key arrays too, down to the last key in use (they double as keys come).
    let keys = this.capacities.length
    while (keys > 0 && this.capacities[keys - 1] === 0) keys--
    this.offsets = this.offsets.slice(0, keys)
    this.lengths = this.lengths.slice(0, keys)
    this.capacities = this.capacities.slice(0, keys)
  }

  /** Numbers held, and numbers of room: what the arena costs (for the benchmark's figures). */
  get footprint(): { used: number; bytes: number } {
    let used = 0
    for (const length of this.lengths) used += length
    return { used, bytes: this.data.byteLength + this.offsets.byteLength * 3 }
  }

  /** The first place in [offset, offset + length) holding a number ≥ value. */
  private search(offset: number, length: number, value: number): number {
    let low = offset
    let high = offset + length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.data[middle]! < value) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Room for `size` numbers in `key`'s list, keeping what it holds. */
  private reserve(key: number, size: number): void {
    if (key >= this.capacities.length) this.growKeys(key + 1)
    const capacity = this.capacities[key]!
    if (capacity >= size) return
    const room = Math.max(2, size, capacity * 2)
    const at = this.allocate(room, key)
    const offset = this.offsets[key]!
    this.data.copyWithin(at, offset, offset + this.lengths[key]!)
    this.garbage += capacity
    this.offsets[key] = at
    this.capacities[key] = room
  }

  /** `size` numbers of room at the end (compacting or growing first when needed). */
  private allocate(size: number, moving: number): number {
    if (this.end + size > this.data.length) {
      if (this.garbage * 2 > this.end) this.compact(moving)
      if (this.end + size > this.data.length) {
        const bigger = new Int32Array(Math.max(this.end + size, Math.ceil(this.data.length * 1.5)))
        bigger.set(this.data.subarray(0, this.end))
        this.data = bigger
      }
    }
    const at = this.end
    this.end += size
    return at
  }

  /**
   * Every list moved together to the front, each with a little room to grow (the one being moved
   * keeps its own room: it is about to be given more).
   */
  private compact(moving: number, spare = 1.25): void {
    let live = 0
    const room = (key: number) =>
      key === moving ? this.capacities[key]! : this.lengths[key]! + (this.lengths[key]! >> 3)
    for (let key = 0; key < this.capacities.length; key++) {
      if (this.capacities[key]! > 0) live += room(key)
    }
    const data = new Int32Array(Math.max(1 << 12, Math.ceil(live * spare)))
    let end = 0
    for (let key = 0; key < this.capacities.length; key++) {
      if (this.capacities[key]! === 0) continue
      const offset = this.offsets[key]!
      data.set(this.data.subarray(offset, offset + this.lengths[key]!), end)
      this.offsets[key] = end
      this.capacities[key] = Math.max(1, room(key))
      end += this.capacities[key]!
    }
    this.data = data
    this.end = end
    this.garbage = 0
  }

  private growKeys(size: number): void {
    const next = Math.max(size, 1024, this.capacities.length * 2)
    const bigger = (old: Int32Array) => {
      const array = new Int32Array(next)
      array.set(old)
      return array
    }
    this.offsets = bigger(this.offsets)
    this.lengths = bigger(this.lengths)
    this.capacities = bigger(this.capacities)
  }
}

const empty = new Int32Array(0)

export interface VocabularySnapshot {
  texts: (string | undefined)[]
  uses: Int32Array<ArrayBuffer>
  free: number[]
  /** The words' numbers in word order: taking over needs no sort (42,000 words: ~40 ms). */
  order: Int32Array<ArrayBuffer>
}

/**
 * Every distinct word of an index once, as a small number, with how many places use it: the
 * word's number is freed with its last use. Keeps the words sorted, for prefixes and typos.
 */
export class Vocabulary {
  private numbers = new Map<string, number>()
  private texts: (string | undefined)[] = []
  private uses = new Int32Array(0)
  private free: number[] = []
  private sorted: string[] = []
  /** Words come and go between refreshes of `sorted`. */
  private added: string[] = []
  private removed: string[] = []
  /** Changes whenever a word comes or goes: what callers cache by word is stale then. */
  version = 0

  /** How many distinct words there are. */
  get size(): number {
    return this.numbers.size
  }

  /** The words and their numbers as they are (for a worker to hand over; it stops using them). */
  snapshot(): VocabularySnapshot {
    return {
      texts: this.texts,
      uses: this.uses,
      free: this.free,
      order: Int32Array.from(this.sortedWords(), (word) => this.numbers.get(word)!),
    }
  }

  /** Takes over a snapshot's words (made by a vocabulary with the same options). */
  load(snapshot: VocabularySnapshot): void {
    this.texts = snapshot.texts
    this.uses = snapshot.uses
    this.free = snapshot.free
    this.numbers = new Map()
    this.texts.forEach((word, number) => {
      if (word !== undefined) this.numbers.set(word, number)
    })
    this.sorted = Array.from(snapshot.order, (number) => this.texts[number]!)
    this.added = []
    this.removed = []
    this.version++
  }

  /** The highest word number given, plus one: the length of arrays indexed by word. */
  get capacity(): number {
    return this.texts.length
  }

  /** The word's number, if it is used. */
  numberOf(word: string): number | undefined {
    return this.numbers.get(word)
  }

  text(number: number): string {
    return this.texts[number]!
  }

  /** One more use of `word`; returns its number. */
  use(word: string): number {
    let number = this.numbers.get(word)
    if (number === undefined) {
      number = this.free.pop() ?? this.texts.length
      this.numbers.set(word, number)
      this.texts[number] = word
      if (number >= this.uses.length) {
        const bigger = new Int32Array(Math.max(1024, number + 1, this.uses.length * 2))
        bigger.set(this.uses)
        this.uses = bigger
      }
      this.added.push(word)
      this.version++
    }
    this.uses[number]!++
    return number
  }

  /** One use of the word fewer; at none it is forgotten. */
  release(number: number): void {
    if (--this.uses[number]! > 0) return
    const word = this.texts[number]!
    this.numbers.delete(word)
    this.texts[number] = undefined
    this.free.push(number)
    this.removed.push(word)
    this.version++
  }

  /** The numbers of the words that start with `prefix`, in word order. */
  *prefixed(prefix: string): Generator<number> {
    const words = this.sortedWords()
    let low = 0
    let high = words.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (words[middle]! < prefix) low = middle + 1
      else high = middle
    }
    for (let i = low; i < words.length && words[i]!.startsWith(prefix); i++) {
      yield this.numbers.get(words[i]!)!
    }
  }

  /**
   * The words within `allowed` typos of `word` (a letter dropped, added or changed, or two
   * neighbours swapped: `editDistance`), in word order. A walk over the sorted words that works out
   * the distance letter by letter and shares the work between words with a common beginning; where
   * a beginning is already more than `allowed` typos away from every start of `word`, all words
   * with that beginning are skipped at once (they can only be further away). So a seven-letter
   * word with two typos looks at a few thousand beginnings, not at every word of the ledger.
   */
  within(word: string, allowed: number): string[] {
    if (allowed === 0) return []
    const words = this.sortedWords()
    const length = word.length
    const width = length + 1
    const far = allowed + 1
    // rows[depth * width + j]: the distance between the first `depth` letters of the current word
    // and the first j letters of `word`, worked out only within `allowed` of the diagonal (a cell
    // further off is more than `allowed` anyway, and reads as `far`); row 0 is 0, 1, 2…
    let rows = new Int32Array(width * 32)
    for (let j = 0; j < width; j++) rows[j] = Math.min(j, far)
    const found: string[] = []
    // The word before, and how many of its letters the rows still hold.
    let previous = ''
    let held = 0
    let i = 0
    while (i < words.length) {
      const current = words[i]!
      if ((current.length + 2) * width > rows.length) {
        const bigger = new Int32Array((current.length + 2) * width * 2)
        bigger.set(rows)
        rows = bigger
      }
      // Rows up to the beginning it shares with the word before are still right.
      let depth = 0
      const shared = Math.min(held, current.length)
      while (depth < shared && previous.charCodeAt(depth) === current.charCodeAt(depth)) depth++
      let pruned = -1
      for (let d = depth + 1; d <= current.length; d++) {
        const row = d * width
        const above = row - width
        const letter = current.charCodeAt(d - 1)
        const before = d > 1 ? current.charCodeAt(d - 2) : -1
        const low = Math.max(1, d - allowed)
        const high = Math.min(length, d + allowed)
        rows[row + low - 1] = low === 1 ? Math.min(d, far) : far
        if (high < length) rows[row + high + 1] = far
        let least = far
        for (let j = low; j <= high; j++) {
          const cost = letter === word.charCodeAt(j - 1) ? 0 : 1
          let value = Math.min(
            rows[above + j]! + 1,
            rows[row + j - 1]! + 1,
            rows[above + j - 1]! + cost,
          )
          if (j > 1 && letter === word.charCodeAt(j - 2) && before === word.charCodeAt(j - 1)) {
            value = Math.min(value, rows[above - width + j - 2]! + 1)
          }
          rows[row + j] = value
          if (value < least) least = value
        }
        if (least > allowed) {
          pruned = d
          break
        }
      }
      if (pruned < 0) {
        const size = current.length
        if (Math.abs(size - length) <= allowed && rows[size * width + length]! <= allowed) {
          found.push(current)
        }
        previous = current
        held = size
        i++
        continue
      }
      // Every word that begins as this one's first `pruned` letters is too far away.
      let low = i + 1
      let high = words.length
      while (low < high) {
        const middle = (low + high) >>> 1
        if (beginsAs(words[middle]!, current, pruned)) low = middle + 1
        else high = middle
      }
      previous = current
      held = pruned - 1
      i = low
    }
    return found
  }

  /**
   * The words in order: a few changes go in (and out) by binary search, many (the first fill) by
   * sorting again.
   */
  private sortedWords(): string[] {
    if (this.added.length + this.removed.length === 0) return this.sorted
    if (this.added.length + this.removed.length > 256) {
      this.sorted = [...this.numbers.keys()].sort()
    } else {
      const at = (word: string) => {
        let low = 0
        let high = this.sorted.length
        while (low < high) {
          const middle = (low + high) >>> 1
          if (this.sorted[middle]! < word) low = middle + 1
          else high = middle
        }
        return low
      }
      for (const word of this.removed) {
        const i = at(word)
        if (this.sorted[i] === word && !this.numbers.has(word)) this.sorted.splice(i, 1)
      }
      for (const word of this.added) {
        const i = at(word)
        if (this.sorted[i] !== word && this.numbers.has(word)) this.sorted.splice(i, 0, word)
      }
    }
    this.added = []
    this.removed = []
    return this.sorted
  }
}

/** Whether `word` begins with the first `count` letters of `other` (no string made). */
function beginsAs(word: string, other: string, count: number): boolean {
  if (word.length < count) return false
  for (let i = 0; i < count; i++) if (word.charCodeAt(i) !== other.charCodeAt(i)) return false
  return true
}

/**
 * Small numbers for values of which there are few (the ids of wijken and tags, consent states):
 * given on first sight, the same for as long as the numbering lives.
 */
export class Numbering {
  private readonly numbers = new Map<string, number>()

  constructor(private readonly values: string[] = []) {
    values.forEach((value, number) => this.numbers.set(value, number))
  }

  number(value: string): number {
    let number = this.numbers.get(value)
    if (number === undefined) {
      number = this.values.length
      this.numbers.set(value, number)
      this.values.push(value)
    }
    return number
  }

  /** The number of a value, if it has one. */
  find(value: string): number | undefined {
    return this.numbers.get(value)
  }

  value(number: number): string {
    return this.values[number]!
  }

  /** How many numbers have been given: the length of arrays indexed by them. */
  get size(): number {
    return this.values.length
  }

  /** The values in number order (what `new Numbering(values)` continues from). */
  snapshot(): string[] {
    return this.values
  }
}

/** A day as yyyymmdd (0: none), to keep in an Int32Array. */
export const dayNumber = (day: string | null | undefined): number =>
  day ? Number(day.replaceAll('-', '')) : 0

/** The day of `dayNumber` as yyyy-mm-dd again (null for 0). */
export function dayText(number: number): string | null {
  if (number === 0) return null
  const text = String(number).padStart(8, '0')
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`
}
