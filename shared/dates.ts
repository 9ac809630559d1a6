/** The social worker's calendar: dates are the ones on her wall, in her time zone. */
export const defaultTimeZone = 'Europe/Amsterdam'

// Making a formatter costs ~40 µs, formatting ~1 µs: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>()

/** Today's date (`YYYY-MM-DD`) in `timeZone` at the instant `now`. */
export function localDate(now: Date, timeZone: string = defaultTimeZone): string {
  let format = formatters.get(timeZone)
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone })
    formatters.set(timeZone, format)
  }
  return format.format(now)
}

/** "2 maart 2026", in her language (Dutch unless she chose otherwise). */
export const formatDate = (date: string, language = 'nl') =>
  new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`))
