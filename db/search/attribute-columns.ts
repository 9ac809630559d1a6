import { lastContactBefore, type FilterAttributes } from '../../shared/filters'
import type { PeopleFilter } from '../../shared/people-query'
import { slots } from '../../shared/ledger'
import { Arena, dayNumber, dayText, Numbering, type ArenaSnapshot } from './compact'

/** Per slot, in typed arrays: what filters and matching read of a person (see `FilterAttributes`). */
interface Columns {
  /** 1 when the slot holds a person with attributes. */
  present: Uint8Array<ArrayBuffer>
  /** The wijk's number + 1; 0 when none. */
  wijk: Int32Array<ArrayBuffer>
  availability: Int32Array<ArrayBuffer>
  consent: Int32Array<ArrayBuffer>
  /** Days as yyyymmdd, 0 when none. */
  lastContact: Int32Array<ArrayBuffer>
  availableFrom: Int32Array<ArrayBuffer>
  shareUntil: Int32Array<ArrayBuffer>
}

const emptyColumns = (size: number): Columns => ({
  present: new Uint8Array(size),
  wijk: new Int32Array(size),
  availability: new Int32Array(size),
  consent: new Int32Array(size),
  lastContact: new Int32Array(size),
  availableFrom: new Int32Array(size),
  shareUntil: new Int32Array(size),
})

export interface AttributeColumnsSnapshot {
  columns: Columns
  tags: ArenaSnapshot
  wijks: string[]
  tagIds: string[]
  consents: string[]
}

/**
 * Every person's attributes as numbers in a few typed arrays, not an object (with strings and an
 * array of tag ids) per person: at 100k people those objects were most of what a worker thread
 * handed over, and a third of the index's heap. `get` makes the object again for the few people a
 * caller looks at (the candidates of a results page).
 */
export class AttributeColumns {
  private columns = emptyColumns(0)
  /** Slot → its tags' numbers, in her order. */
  private tags = new Arena()
  private wijks = new Numbering()
  private tagIds = new Numbering()
  private consents = new Numbering()

  set(slot: number, attributes: FilterAttributes | undefined): void {
    if (slot >= this.columns.present.length) this.grow(slot + 1)
    const c = this.columns
    if (!attributes) {
      this.clear(slot)
      return
    }
    c.present[slot] = 1
    c.wijk[slot] = attributes.wijkId === null ? 0 : this.wijks.number(attributes.wijkId) + 1
    c.availability[slot] = attributes.availability
    c.consent[slot] = this.consents.number(attributes.consent)
    c.lastContact[slot] = dayNumber(attributes.lastContactOn)
    c.availableFrom[slot] = dayNumber(attributes.availableFrom)
    c.shareUntil[slot] = dayNumber(attributes.shareUntil)
    this.setTags(slot, attributes.tagIds)
  }

  /** Only her tags changed. */
  setTags(slot: number, tagIds: readonly string[]): void {
    this.tags.set(
      slot,
      tagIds.map((id) => this.tagIds.number(id)),
    )
  }

  clear(slot: number): void {
    if (slot >= this.columns.present.length) return
    this.columns.present[slot] = 0
    this.tags.release(slot)
  }

  /** The attributes of the person in a slot, made anew, or undefined when it holds none. */
  get(slot: number): FilterAttributes | undefined {
    const c = this.columns
    if (!c.present[slot]) return undefined
    const wijk = c.wijk[slot]!
    return {
      wijkId: wijk === 0 ? null : this.wijks.value(wijk - 1),
      tagIds: Array.from(this.tags.view(slot), (number) => this.tagIds.value(number)),
      availability: c.availability[slot]!,
      consent: this.consents.value(c.consent[slot]!),
      lastContactOn: dayText(c.lastContact[slot]!),
      availableFrom: dayText(c.availableFrom[slot]!),
      shareUntil: dayText(c.shareUntil[slot]!),
    }
  }

  /**
   * `passesFilter` over the columns: the filter's values turned into numbers once, then each slot
   * is a few comparisons of numbers, with no object made (a one-letter search in one wijk tries
   * tens of thousands). A slot without attributes passes, as `SearchIndex.search` always had it;
   * undefined when the filter asks nothing.
   */
  filter(conditions: PeopleFilter, today: string): ((slot: number) => boolean) | undefined {
    if (!Object.values(conditions).some(Boolean)) return undefined
    const c = this.columns
    let wijk = -1
    if (conditions.wijkId) {
      const number = this.wijks.find(conditions.wijkId)
      if (number === undefined) return (slot) => !c.present[slot]
      wijk = number + 1
    }
    let tag = -1
    if (conditions.tagId) {
      const number = this.tagIds.find(conditions.tagId)
      if (number === undefined) return (slot) => !c.present[slot]
      tag = number
    }
    let consent = -1
    if (conditions.consent) {
      const number = this.consents.find(conditions.consent)
      if (number === undefined) return (slot) => !c.present[slot]
      consent = number
    }
    const slotBit = conditions.slot ? 1 << slots.indexOf(conditions.slot) : 0
    const never = conditions.lastContact === 'never'
    const before = dayNumber(lastContactBefore(conditions, today))
    return (slot) => {
      if (!c.present[slot]) return true
      if (wijk >= 0 && c.wijk[slot] !== wijk) return false
      if (tag >= 0 && !this.tags.view(slot).includes(tag)) return false
      if (slotBit && (c.availability[slot]! & slotBit) === 0) return false
      if (consent >= 0 && c.consent[slot] !== consent) return false
      const last = c.lastContact[slot]!
      if (never && last !== 0) return false
      if (before && (last === 0 || last >= before)) return false
      return true
    }
  }

  /** The bytes its typed arrays take. */
  get bytes(): number {
    const columns = Object.values(this.columns) as { byteLength: number }[]
    return columns.reduce((sum, array) => sum + array.byteLength, this.tags.footprint.bytes)
  }

  /** The columns as plain data (see `SearchIndex.snapshot`). */
  snapshot(): AttributeColumnsSnapshot {
    return {
      columns: this.columns,
      tags: this.tags.snapshot(),
      wijks: this.wijks.snapshot(),
      tagIds: this.tagIds.snapshot(),
      consents: this.consents.snapshot(),
    }
  }

  static from(snapshot: AttributeColumnsSnapshot): AttributeColumns {
    const columns = new AttributeColumns()
    columns.columns = snapshot.columns
    columns.tags = Arena.from(snapshot.tags)
    columns.wijks = new Numbering(snapshot.wijks)
    columns.tagIds = new Numbering(snapshot.tagIds)
    columns.consents = new Numbering(snapshot.consents)
    return columns
  }

  private grow(size: number): void {
    const next = emptyColumns(Math.max(1024, size, this.columns.present.length * 2))
    for (const key of Object.keys(next) as (keyof Columns)[]) {
      ;(next[key] as Int32Array).set(this.columns[key])
    }
    this.columns = next
  }
}
