import solver from 'javascript-lp-solver'
import type { ReportCell, ReportRow, ReportTable } from '../../shared/report'

/**
 * Disclosure control for one table: counts below k are shown as "<k" (primary suppression); then,
 * where rows and columns add up to their totals, more cells are hidden until no small count can be
 * worked out from what is shown (secondary suppression). "Worked out" is checked by solving: for
 * every small cell, the least and the most it could be given everything shown (a linear
 * programme); if those are equal, it is exposed and one more cell next to it is hidden.
 */

export interface RawRow {
  key: string
  label: string
  values: number[]
  /** The row's total, where the table has one. */
  total?: number
}

export interface RawTable {
  id: string
  title: string
  rowHeader: string
  columns: { key: string; label: string }[]
  rows: RawRow[]
  /** Column totals (and their grand total), where the table has them. */
  totals?: { values: number[]; total?: number }
  /** The cells of a row add up to its total (counts of different things, each once). */
  rowsAdd: boolean
  /** The cells of a column add up to its total. */
  columnsAdd: boolean
  /**
   * Each cell also as a share of its row's total (answers to a question): printed beside a count
   * the table shows, from what it shows, so a share tells nothing the counts do not.
   */
  shares?: boolean
  note?: string
}

type State = 'shown' | 'small' | 'hidden'

/** A cell of the table as a grid position: rows, then the totals row; columns, then the total. */
interface Grid {
  values: number[][]
  present: boolean[][]
  state: State[][]
  height: number
  width: number
}

function gridOf(table: RawTable): Grid {
  const width = table.columns.length + 1
  const lines = [...table.rows, ...(table.totals ? [table.totals] : [])]
  const values = lines.map((row) => [...row.values, row.total ?? 0])
  const present = lines.map((row) => [...row.values.map(() => true), row.total !== undefined])
  const state = values.map((row) => row.map((): State => 'shown'))
  return { values, present, state, height: lines.length, width }
}

/** The equations the table states: each line's cells add up to its total cell. */
function equations(
  table: RawTable,
  grid: Grid,
): { cells: [number, number][]; total: [number, number] }[] {
  const found: { cells: [number, number][]; total: [number, number] }[] = []
  const last = grid.width - 1
  if (table.rowsAdd) {
    for (let r = 0; r < grid.height; r++) {
      if (!grid.present[r]![last]) continue
      found.push({ cells: Array.from({ length: last }, (_, c) => [r, c]), total: [r, last] })
    }
  }
  if (table.columnsAdd && table.totals) {
    const totalsRow = grid.height - 1
    for (let c = 0; c < grid.width; c++) {
      if (!grid.present[totalsRow]![c]) continue
      found.push({
        cells: Array.from({ length: totalsRow }, (_, r) => [r, c]),
        total: [totalsRow, c],
      })
    }
  }
  return found
}

/**
 * What someone reading the table knows of a cell: its value when shown (±2 when rounded to 5),
 * 1 to k−1 when "<k", anything from 0 when hidden.
 */
function bounds(state: State, shownValue: number, k: number, rounded: boolean): [number, number] {
  if (state === 'small') return [1, k - 1]
  if (state === 'hidden') return [0, Number.POSITIVE_INFINITY]
  return rounded ? [Math.max(0, shownValue - 2), shownValue + 2] : [shownValue, shownValue]
}

const roundTo5 = (value: number) => Math.round(value / 5) * 5

/**
 * The least and the most a cell can be, given what is shown: two linear programmes over the cells
 * that are not known exactly.
 */
function cellRange(
  table: RawTable,
  grid: Grid,
  target: [number, number],
  k: number,
  rounded: boolean,
): [number, number] {
  const name = (r: number, c: number) => `c${r}_${c}`
  const shown = (r: number, c: number) =>
    rounded ? roundTo5(grid.values[r]![c]!) : grid.values[r]![c]!
  // A cell shown exactly is a constant, not a variable: the programmes stay as small as the number
  // of cells a reader does not know.
  const known = (r: number, c: number) => !rounded && grid.state[r]![c] === 'shown'
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {}
  const variables: Record<string, Record<string, number>> = {}
  for (let r = 0; r < grid.height; r++) {
    for (let c = 0; c < grid.width; c++) {
      if (!grid.present[r]![c] || known(r, c)) continue
      const [low, high] = bounds(grid.state[r]![c]!, shown(r, c), k, rounded)
      const bound = `b${r}_${c}`
      constraints[bound] = Number.isFinite(high) ? { min: low, max: high } : { min: low }
      variables[name(r, c)] = { [bound]: 1 }
    }
  }
  equations(table, grid).forEach((equation, e) => {
    const terms: [[number, number], number][] = [
      ...equation.cells.map((cell): [[number, number], number] => [cell, 1]),
      [equation.total, -1],
    ]
    if (terms.every(([[r, c]]) => known(r, c))) return
    const line = `e${e}`
    let constant = 0
    for (const [[r, c], sign] of terms) {
      if (known(r, c)) constant += sign * grid.values[r]![c]!
      else variables[name(r, c)]![line] = sign
    }
    constraints[line] = { equal: -constant }
  })
  const objective = name(...target)
  for (const variable of Object.values(variables)) variable['objective'] = 0
  variables[objective]!['objective'] = 1
  const solve = (opType: 'min' | 'max') => {
    const result = solver.Solve({ optimize: 'objective', opType, constraints, variables }) as {
      feasible: boolean
      bounded?: boolean
      result: number
    }
    if (!result.feasible) return Number.NaN
    if (result.bounded === false) return opType === 'max' ? Number.POSITIVE_INFINITY : 0
    return result.result
  }
  return [solve('min'), solve('max')]
}

/**
 * Hides one more cell so that `target` can no longer be worked out, deterministically: of all shown
 * cells, the first (non-zero before zero, inner cells before totals, smallest first) whose hiding
 * is enough. When no single cell is, the first shown one in the target's row or column; when none
 * is left there, a "<k" beside it (or the cell itself) becomes "×": "<k" tells a reader the cell
 * is at least 1, "×" tells nothing.
 */
function hideMore(
  table: RawTable,
  grid: Grid,
  [r, c]: [number, number],
  k: number,
  rounded: boolean,
): boolean {
  const lastColumn = grid.width - 1
  const isTotal = ([rr, cc]: [number, number]) =>
    cc === lastColumn || (table.totals !== undefined && rr === grid.height - 1)
  const value = ([rr, cc]: [number, number]) => grid.values[rr]![cc]!
  const order = (a: [number, number], b: [number, number]) =>
    Number(value(a) === 0) - Number(value(b) === 0) ||
    Number(isTotal(a)) - Number(isTotal(b)) ||
    value(a) - value(b) ||
    a[0] - b[0] ||
    a[1] - b[1]
  const all: [number, number][] = []
  for (let rr = 0; rr < grid.height; rr++) {
    for (let cc = 0; cc < grid.width; cc++) if (grid.present[rr]![cc]) all.push([rr, cc])
  }
  const shown = all.filter(([rr, cc]) => grid.state[rr]![cc] === 'shown').sort(order)
  for (const [rr, cc] of shown) {
    grid.state[rr]![cc] = 'hidden'
    const [low, high] = cellRange(table, grid, [r, c], k, rounded)
    if (high - low >= 1) return true
    grid.state[rr]![cc] = 'shown'
  }
  const inLine = ([rr, cc]: [number, number]) => (rr === r) !== (cc === c)
  const neighbour = shown.find(inLine)
  if (neighbour) {
    grid.state[neighbour[0]]![neighbour[1]] = 'hidden'
    return true
  }
  const small =
    all.filter(([rr, cc]) => inLine([rr, cc]) && grid.state[rr]![cc] === 'small').sort(order)[0] ??
    (grid.state[r]![c] === 'small' ? ([r, c] as [number, number]) : undefined)
  if (!small) return false
  grid.state[small[0]]![small[1]] = 'hidden'
  return true
}

/** The protected table: what the report may show. */
export function protect(table: RawTable, k: number, rounded: boolean): ReportTable {
  const grid = gridOf(table)
  for (let r = 0; r < grid.height; r++) {
    for (let c = 0; c < grid.width; c++) {
      const value = grid.values[r]![c]!
      if (grid.present[r]![c] && value > 0 && value < k) grid.state[r]![c] = 'small'
    }
  }
  // Only tables whose lines add up can give a small cell away; audit those until none does.
  if (table.rowsAdd || table.columnsAdd) {
    // Hiding a cell only ever widens what the others could be, so a cell found safe stays safe and
    // is not solved for again.
    const safe = grid.values.map((row) => row.map(() => false))
    // Each round hides one more cell or turns one "<k" into "×": at most two rounds per cell.
    for (let round = 0; round <= 2 * grid.height * grid.width; round++) {
      let exposed: [number, number] | undefined
      for (let r = 0; r < grid.height && !exposed; r++) {
        for (let c = 0; c < grid.width && !exposed; c++) {
          // Every small count must stay unknown, whether it shows as "<k" or as "×".
          const value = grid.values[r]![c]!
          if (safe[r]![c] || grid.state[r]![c] === 'shown' || !(value > 0 && value < k)) continue
          const [low, high] = cellRange(table, grid, [r, c], k, rounded)
          if (high - low >= 1) safe[r]![c] = true
          else exposed = [r, c]
        }
      }
      if (!exposed) break
      if (!hideMore(table, grid, exposed, k, rounded)) {
        // Nothing left to hide beside it: hide the whole table rather than give a count away.
        for (const row of grid.state) row.fill('hidden')
        break
      }
    }
  }
  const cell = (r: number, c: number): ReportCell | null => {
    if (!grid.present[r]![c]) return null
    const state = grid.state[r]![c]!
    if (state === 'small') return { kind: 'small' }
    if (state === 'hidden') return { kind: 'hidden' }
    const value = grid.values[r]![c]!
    return { kind: 'count', value: rounded ? roundTo5(value) : value }
  }
  const rowOf = (row: RawRow, r: number): ReportRow => {
    const total = cell(r, grid.width - 1)
    const cells = row.values.map((_, c) => cell(r, c)!)
    return {
      key: row.key,
      label: row.label,
      cells:
        table.shares && total?.kind === 'count' && total.value > 0
          ? cells.map((shown) =>
              shown.kind === 'count' && shown.value > 0
                ? { ...shown, share: Math.round((shown.value / total.value) * 100) }
                : shown,
            )
          : cells,
      total,
    }
  }
  return {
    id: table.id,
    title: table.title,
    rowHeader: table.rowHeader,
    columns: table.columns,
    rows: table.rows.map(rowOf),
    totals: table.totals
      ? rowOf({ key: 'total', label: 'Totaal', ...table.totals }, grid.height - 1)
      : null,
    note: table.note ?? null,
  }
}
