import SQLite from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { bitCounts, packing } from '../../db/report/bit-counts'
import { seededRandom } from '../bench/ledger'

describe('counting bits three to a sum', () => {
  it('moves every pattern of the three picked bits to its counter, for every stride', () => {
    // The multiplication is the only clever part: with three bits there are eight patterns, so
    // each stride can be tried whole, in 64-bit arithmetic as SQLite does it.
    for (let bits = 1; bits <= 63; bits++) {
      const { stride, pick, spread } = packing(bits)
      const s = BigInt(stride)
      for (let pattern = 0; pattern < 8; pattern++) {
        const x = BigInt(pattern & 1) | (BigInt((pattern >> 1) & 1) << s)
        const picked = x | (BigInt((pattern >> 2) & 1) << (2n * s))
        const product = (picked & BigInt(pick)) * BigInt(spread)
        expect(product < 2n ** 63n).toBe(true)
        const counters = product & (1n | (1n << 21n) | (1n << 42n))
        const expected =
          BigInt(pattern & 1) |
          (BigInt((pattern >> 1) & 1) << 21n) |
          (BigInt((pattern >> 2) & 1) << 42n)
        expect(counters, `${bits} bits, pattern ${pattern}`).toBe(expected)
      }
    }
  })

  it('counts in SQLite what counting bit by bit counts', () => {
    const db = new SQLite(':memory:')
    try {
      const random = seededRandom(7)
      for (const bits of [1, 2, 3, 4, 12, 20, 21, 22, 40, 60, 63]) {
        db.exec('DROP TABLE IF EXISTS t; CREATE TABLE t (g INTEGER, x INTEGER)')
        const insert = db.prepare('INSERT INTO t VALUES (?, ?)')
        const rows: [number, bigint][] = []
        for (let r = 0; r < 3_000; r++) {
          let x = 0n
          for (let i = 0; i < bits; i++) if (random() < 0.3 + 0.4 * (i / 63)) x |= 1n << BigInt(i)
          const row: [number, bigint] = [r % 3, x]
          rows.push(row)
          insert.run(...row)
        }
        const { sums, counts } = bitCounts('x', bits, 'c')
        const result = db
          .prepare(
            `SELECT g, ${counts.join(', ')} FROM (SELECT g, ${sums.join(', ')} FROM t GROUP BY g)
             ORDER BY g`,
          )
          .all() as Record<string, number>[]
        for (const group of [0, 1, 2]) {
          const values = rows.filter(([g]) => g === group).map(([, x]) => x)
          for (let i = 0; i < bits; i++) {
            const expected = values.filter((x) => (x >> BigInt(i)) & 1n).length
            expect(result[group]![`c_${i}`], `${bits} bits, group ${group}, bit ${i}`).toBe(
              expected,
            )
          }
        }
      }
    } finally {
      db.close()
    }
  })

  it('refuses more bits than three counters hold', () => {
    expect(() => bitCounts('x', 64, 'c')).toThrow(RangeError)
    expect(() => bitCounts('x', 0, 'c')).toThrow(RangeError)
  })
})
