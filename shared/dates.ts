/** The social worker's calendar: dates are the ones on her wall, in her time zone. */
export const defaultTimeZone = 'Europe/Amsterdam'

/** Today's date (`YYYY-MM-DD`) in `timeZone` at the instant `now`. */
export function localDate(now: Date, timeZone: string = defaultTimeZone): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now)
}
