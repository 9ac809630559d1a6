import { addDays } from './calendar'
import { defaultTimeZone, localDate } from './dates'

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>
  const wall = Date.UTC(
    parts['year']!,
    parts['month']! - 1,
    parts['day']!,
    parts['hour']!,
    parts['minute']!,
    parts['second']!,
  )
  return wall - Math.floor(instant / 1000) * 1000
}

/** The instant her wall clock shows `time` ("09:00") on `date`, in `timeZone`. */
export function zonedInstant(date: string, time: string, timeZone: string = defaultTimeZone): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const wall = Date.UTC(y, m - 1, d, hh, mm)
  let instant = wall - offsetAt(wall, timeZone)
  // Near a daylight-saving change the offset at the guess can differ from the one at the answer.
  const corrected = wall - offsetAt(instant, timeZone)
  if (corrected !== instant) instant = corrected
  return new Date(instant)
}

/** The next time her wall clock shows `time`, strictly after `now`. */
export function nextAt(now: Date, time: string, timeZone: string = defaultTimeZone): Date {
  const today = localDate(now, timeZone)
  const todayAt = zonedInstant(today, time, timeZone)
  return todayAt > now ? todayAt : zonedInstant(addDays(today, 1), time, timeZone)
}
