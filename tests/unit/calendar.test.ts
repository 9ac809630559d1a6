import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addInterval,
  addMonths,
  daysBetween,
  endOfWeek,
  weekday,
} from '../../shared/calendar'
import { localDate } from '../../shared/dates'
import { isoDate } from '../../shared/ledger'

const dates = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2090-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10))

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s plus %i month(s) is %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected)
  })

  it('one year after 29 February is 28 February', () => {
    expect(addInterval('2028-02-29', { count: 1, unit: 'year' })).toBe('2029-02-28')
    expect(addInterval('2028-02-29', { count: 4, unit: 'year' })).toBe('2032-02-29')
  })

  it('knows Monday starts the week and Sunday ends it', () => {
    expect(weekday('2026-11-23')).toBe(0) // a Monday
    expect(endOfWeek('2026-11-23')).toBe('2026-11-29')
    expect(endOfWeek('2026-11-29')).toBe('2026-11-29')
  })

  it('crosses the daylight-saving changes as ordinary days', () => {
    // Amsterdam moves its clocks on 29 March and 25 October 2026.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addDays('2026-10-24', 7)).toBe('2026-10-31')
    expect(addInterval('2026-03-01', { count: 1, unit: 'month' })).toBe('2026-04-01')
  })

  it('takes today from her wall calendar, not from UTC', () => {
    expect(localDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29') // 00:30 in Amsterdam
    expect(localDate(new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25') // 23:59, after the change
    expect(localDate(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26')
  })
})

describe('calendar properties', () => {
  it('always gives a real date', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -600, max: 600 }), (date, n) => {
        expect(isoDate.safeParse(addMonths(date, n)).success).toBe(true)
        expect(isoDate.safeParse(addDays(date, n)).success).toBe(true)
      }),
    )
  })

  it('adding months keeps the day, or lands on the last day of a shorter month', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -240, max: 240 }), (date, n) => {
        const result = addMonths(date, n)
        const day = Number(date.slice(8))
        const resultDay = Number(result.slice(8))
        if (resultDay !== day) {
          expect(resultDay).toBeLessThan(day)
          expect(addDays(result, 1).slice(8)).toBe('01') // it is the month's last day
        }
        const months = (y: string) => Number(y.slice(0, 4)) * 12 + Number(y.slice(5, 7))
        expect(months(result) - months(date)).toBe(n)
      }),
    )
  })

  it('days forward and back return to the start, and daysBetween counts them', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        expect(addDays(addDays(date, n), -n)).toBe(date)
        expect(daysBetween(date, addDays(date, n))).toBe(n)
      }),
    )
  })

  it('the end of the week is a Sunday at most six days on', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const sunday = endOfWeek(date)
        expect(weekday(sunday)).toBe(6)
        expect(daysBetween(date, sunday)).toBeGreaterThanOrEqual(0)
        expect(daysBetween(date, sunday)).toBeLessThanOrEqual(6)
      }),
    )
  })
})
