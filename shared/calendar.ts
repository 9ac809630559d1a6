/**
 * Calendar dates as `YYYY-MM-DD` strings, counted in days and months, never in hours: a change to or
 * from daylight-saving time cannot move a due date. "Today" comes from `localDate` (dates.ts), in her
 * time zone; everything after that is plain calendar arithmetic.
 */

export type IntervalUnit = 'day' | 'week' | 'month' | 'year'
export interface Interval {
  count: number
  unit: IntervalUnit
}

const parse = (date: string): [number, number, number] => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return [y, m, d]
}

const format = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate()

export function addDays(date: string, days: number): string {
  const [y, m, d] = parse(date)
  const moved = new Date(Date.UTC(y, m - 1, d + days))
  return format(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate())
}

/** Months forward (or back); a day past the end of the target month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parse(date)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return format(year, month, Math.min(d, daysInMonth(year, month)))
}

export function addInterval(date: string, { count, unit }: Interval): string {
  switch (unit) {
    case 'day':
      return addDays(date, count)
    case 'week':
      return addDays(date, 7 * count)
    case 'month':
      return addMonths(date, count)
    case 'year':
      return addMonths(date, 12 * count)
    default: {
      const never: never = unit
      throw new Error(`unknown interval unit ${String(never)}`)
    }
  }
}

/** 0 = Monday … 6 = Sunday: weeks in the Netherlands start on Monday. */
export function weekday(date: string): number {
  const [y, m, d] = parse(date)
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

/** The Sunday that ends the week of `date`. */
export const endOfWeek = (date: string): string => addDays(date, 6 - weekday(date))

/** The number of days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parse(from)
  const [y2, m2, d2] = parse(to)
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000)
}
