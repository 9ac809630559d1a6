import type { RawTable } from '../../db/report/protect'
import type { ReportTable } from '../../shared/report'

/**
 * An attacker's check of a protected table, independent of the code that protected it (which
 * solves linear programmes): integer constraint solving. The unknowns are the hidden cells, each a
 * whole number from 1 to k−1 when shown as "<k", from 0 up when shown as "×"; the table adds up
 * along its rows and columns where it says so. For every hidden cell whose true count is below k,
 * it finds which values it could have, stopping at two. A cell with one possible value has been
 * given away.
 */
export function possibleValues(
  raw: RawTable,
  shown: ReportTable,
  k: number,
): Map<string, Set<number>> {
  const lines = [...shown.rows, ...(shown.totals ? [shown.totals] : [])]
  const rawLines = [...raw.rows, ...(raw.totals ? [raw.totals] : [])]
  const width = shown.columns.length + 1
  const last = width - 1
  const cells: { r: number; c: number; lo: number; hi: number; raw: number }[] = []
  const index = new Map<string, number>()
  let biggest = 0
  lines.forEach((row, r) =>
    [...row.cells, row.total].forEach((cell, c) => {
      if (!cell) return
      const rawValue = c === last ? rawLines[r]!.total! : rawLines[r]!.values[c]!
      index.set(`${r},${c}`, cells.length)
      if (cell.kind === 'count') biggest = Math.max(biggest, cell.value)
      const [lo, hi] =
        cell.kind === 'count'
          ? [cell.value, cell.value]
          : cell.kind === 'small'
            ? [1, k - 1]
            : [0, -1]
      cells.push({ r, c, lo, hi, raw: rawValue })
    }),
  )
  // "×" has no upper bound; any total would do, so use one larger than everything in the table.
  const unbounded = biggest + k * cells.length
  for (const cell of cells) if (cell.hi === -1) cell.hi = unbounded
  const equations: { parts: number[]; total: number }[] = []
  const at = (r: number, c: number) => index.get(`${r},${c}`)
  if (raw.rowsAdd) {
    lines.forEach((_, r) => {
      const total = at(r, last)
      if (total === undefined) return
      equations.push({ parts: Array.from({ length: last }, (_, c) => at(r, c)!), total })
    })
  }
  if (raw.columnsAdd && shown.totals) {
    const totalsRow = lines.length - 1
    for (let c = 0; c < width; c++) {
      const total = at(totalsRow, c)
      if (total === undefined) continue
      equations.push({ parts: Array.from({ length: totalsRow }, (_, r) => at(r, c)!), total })
    }
  }

  /** Narrows every bound until each equation agrees with the others; false when impossible. */
  const propagate = (lo: number[], hi: number[]): boolean => {
    for (let changed = true; changed;) {
      changed = false
      for (const { parts, total } of equations) {
        const sumLo = parts.reduce((s, p) => s + lo[p]!, 0)
        const sumHi = parts.reduce((s, p) => s + hi[p]!, 0)
        const tighten = (p: number, low: number, high: number) => {
          if (low > lo[p]!) {
            lo[p] = low
            changed = true
          }
          if (high < hi[p]!) {
            hi[p] = high
            changed = true
          }
          return lo[p]! <= hi[p]!
        }
        if (!tighten(total, sumLo, sumHi)) return false
        for (const p of parts) {
          if (!tighten(p, lo[total]! - (sumHi - hi[p]!), hi[total]! - (sumLo - lo[p]!)))
            return false
        }
      }
    }
    return true
  }
  /** Is there a whole-number filling within these bounds? Search with propagation. */
  const feasible = (lo: number[], hi: number[]): boolean => {
    if (!propagate(lo, hi)) return false
    const open = lo.findIndex((l, i) => l < hi[i]!)
    if (open < 0) return true
    for (let v = lo[open]!; v <= hi[open]!; v++) {
      const nextLo = [...lo]
      const nextHi = [...hi]
      nextLo[open] = v
      nextHi[open] = v
      if (feasible(nextLo, nextHi)) return true
    }
    return false
  }

  const result = new Map<string, Set<number>>()
  const lo = cells.map((cell) => cell.lo)
  const hi = cells.map((cell) => cell.hi)
  if (!propagate(lo, hi)) throw new Error('audit: the table contradicts itself')
  cells.forEach((cell, i) => {
    if (cell.lo === cell.hi || !(cell.raw > 0 && cell.raw < k)) return
    const values = new Set<number>()
    for (let v = lo[i]!; v <= hi[i]! && values.size < 2; v++) {
      const tryLo = [...lo]
      const tryHi = [...hi]
      tryLo[i] = v
      tryHi[i] = v
      if (feasible(tryLo, tryHi)) values.add(v)
    }
    result.set(`${cell.r},${cell.c}`, values)
  })
  return result
}
