import { describe, expect, it } from 'vitest'
import { newId } from '../../db/store/ids'

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('newId', () => {
  it('counts up within one millisecond: 100,000 ids on one clock reading land in order', () => {
    const now = Date.UTC(2026, 11, 2, 9, 30)
    const ids = Array.from({ length: 100_000 }, () => newId(now))
    for (const id of ids) expect(id).toMatch(uuidV7)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    // The time is the first 48 bits.
    expect(Number.parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(now)
  })

  it('is later for a later time, and still later when the clock goes back', () => {
    const first = newId(Date.UTC(2026, 11, 2, 9, 31))
    const next = newId(Date.UTC(2026, 11, 2, 9, 32))
    const back = newId(Date.UTC(2026, 11, 2, 9, 0))
    expect([first, next, back].sort()).toEqual([first, next, back])
  })
})
