import { isDutchPhone, isoDate, normalisePostcode, slots, type Slot } from '../../shared/ledger'
import { foldKey } from '../../shared/text'

/**
 * What a spreadsheet cell holds once read: text, a number, a date (Excel's date cells, as the
 * calendar date they show) or nothing. Formulas arrive as their computed value.
 */
export type Cell = string | number | boolean | Date | null

/** A cell as text, the way she would read it in Excel ("" for nothing). */
export function cellText(cell: Cell): string {
  if (cell === null) return ''
  if (cell instanceof Date) return isoFromUtc(cell)
  if (typeof cell === 'number') return String(cell)
  if (typeof cell === 'boolean') return cell ? 'ja' : 'nee'
  return cell.replace(/\r\n?/g, '\n').trim()
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Excel's date cells come as the wall date at UTC midnight; read them back as that date. */
function isoFromUtc(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

function iso(year: number, month: number, day: number): string | undefined {
  const value = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
  return isoDate.safeParse(value).success ? value : undefined
}

const months: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, febr: 2, februari: 2, february: 2,
  mrt: 3, maa: 3, mar: 3, maart: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  aug: 8, augustus: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oct: 10, oktober: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
} // prettier-ignore

const weekdays =
  /^(ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\.?,?\s+/

/** Two-digit years: "24" is 2024 and "85" is 1985 (a ledger's dates lie within a lifetime). */
const fullYear = (year: string) =>
  year.length === 2 ? (Number(year) < 70 ? 2000 + Number(year) : 1900 + Number(year)) : Number(year)

/** Excel counts days from 30 December 1899 (its 1900 leap-day bug is folded into that start). */
const excelEpoch = Date.UTC(1899, 11, 30)

/** Serial numbers between 1927 and 2119: wider is more likely an amount than a date. */
export function excelSerialDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 10_000 || serial > 80_000) return undefined
  return isoFromUtc(new Date(excelEpoch + Math.floor(serial) * 86_400_000))
}

/** A date read from a cell: `monthOnly` when she wrote only a month ("maart 2024"). */
export interface ReadDate {
  date: string
  monthOnly: boolean
}

/**
 * A date as people write it in a Dutch sheet: "3-1-2024", "03-01-24", "3/1/2024", "3 januari 2024",
 * "3 jan. '24", "jan 2024" (the first of the month, marked as month only), "2024-01-03", an Excel
 * date or serial number. Day before month, always. Undefined when it cannot be read as one real date.
 */
export function readDutchDate(cell: Cell): ReadDate | undefined {
  const day = (date: string | undefined) => (date ? { date, monthOnly: false } : undefined)
  if (cell === null) return undefined
  if (cell instanceof Date) return day(Number.isNaN(cell.getTime()) ? undefined : isoFromUtc(cell))
  if (typeof cell === 'number') return day(excelSerialDate(cell))
  if (typeof cell === 'boolean') return undefined
  const text = foldKey(cell)
    .replace(weekdays, '')
    .replace(/\s+(om\s+)?\d{1,2}[:.]\d{2}(:\d{2})?(\s*uur)?$/, '')
    .replace(/t\d{2}:\d{2}.*$/, '')
    .trim()
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  if (match) return day(iso(Number(match[1]), Number(match[2]), Number(match[3])))
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(text)
  if (match) return day(iso(fullYear(match[3]!), Number(match[2]), Number(match[1])))
  match = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+'?(\d{4}|\d{2})$/.exec(text)
  if (match && months[match[2]!])
    return day(iso(fullYear(match[3]!), months[match[2]!]!, Number(match[1])))
  match = /^([a-z]+)\.?[\s-]+'?(\d{4}|\d{2})$/.exec(text)
  if (match && months[match[1]!]) {
    const date = iso(fullYear(match[2]!), months[match[1]!]!, 1)
    return date ? { date, monthOnly: true } : undefined
  }
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (match) return day(iso(Number(match[1]), Number(match[2]), Number(match[3])))
  if (/^\d{5}(\.\d+)?$/.test(text)) return day(excelSerialDate(Number(text)))
  return undefined
}

/** The date of a cell as the ledger stores it (see readDutchDate). */
export const parseDutchDate = (cell: Cell): string | undefined => readDutchDate(cell)?.date

/**
 * A phone number from a cell: Excel drops the leading 0 when a number is stored as a number
 * (612345678 was 0612345678), so a nine-digit number gets it back. Undefined when it is no Dutch number.
 */
export function parsePhone(cell: Cell): string | undefined {
  let text = cellText(cell)
  if (typeof cell === 'number' && /^[1-9]\d{8}$/.test(text)) text = `0${text}`
  else if (/^[1-9]\d{8}$/.test(text)) text = `0${text}`
  return isDutchPhone(text) ? text : undefined
}

/** "1234ab", "1234 AB" → "1234 AB"; undefined for anything that is not a Dutch postcode. */
export function parsePostcode(cell: Cell): string | undefined {
  return normalisePostcode(cellText(cell))
}

/** Several labels in one cell, split on `,` `;` `/`, new lines, " en " and " & ". Duplicates go. */
export function splitTags(cell: Cell): string[] {
  const seen = new Set<string>()
  const tags: string[] = []
  for (const part of cellText(cell).split(/\s*(?:[,;/\n•]|\s+en\s+|\s+&\s+)\s*/i)) {
    const name = part.replace(/^[-–*·\s]+|[.\s]+$/g, '').trim()
    const key = foldKey(name)
    if (!name || seen.has(key)) continue
    seen.add(key)
    tags.push(name)
  }
  return tags
}

const dayWords: Record<string, number> = {
  ma: 0, maandag: 0, maandags: 0,
  di: 1, dinsdag: 1, dinsdags: 1,
  wo: 2, woensdag: 2, woensdags: 2,
  do: 3, donderdag: 3, donderdags: 3,
  vr: 4, vrijdag: 4, vrijdags: 4,
  za: 5, zaterdag: 5, zaterdags: 5,
  zo: 6, zondag: 6, zondags: 6,
} // prettier-ignore

const partWords: Record<string, number> = {
  ochtend: 0, ochtends: 0, morgen: 0, morgens: 0,
  middag: 1, middags: 1,
  avond: 2, avonds: 2,
} // prettier-ignore

/**
 * When she is free, from words as a worker writes them: "di middag", "dinsdagmiddag",
 * "ma-vr ochtend", "di/do ochtend", "woensdag", "'s avonds", "weekend". A day part after a list of
 * days applies to each of them ("di/do ochtend" is two mornings); a day without a part is the
 * whole day; a part without a day is that part every day. Whatever is not understood stays in her
 * own words (the caller keeps the original text as the availability note).
 */
export function parseAvailability(cell: Cell): Slot[] {
  const text = foldKey(cellText(cell))
    .replace(/'s\s+/g, '')
    .replace(/\bweekend\b/g, 'za zo')
    // "dinsdagmiddag" is one day part, never shared with a list before it.
    .replace(
      /(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(ochtend|middag|avond)/g,
      '$1_$2',
    )
  const selected = new Set<Slot>()
  // Days gather until a part names them; the next day after a part starts a new group.
  const groups: { days: Set<number>; parts: Set<number> }[] = []
  const newGroup = () => {
    const group = { days: new Set<number>(), parts: new Set<number>() }
    groups.push(group)
    return group
  }
  for (const sentence of text.split(/[;\n]+/)) {
    let group = newGroup()
    for (const word of sentence.split(/[^a-z_-]+/).filter(Boolean)) {
      const [compoundDay, compoundPart] = word.split('_')
      if (compoundPart !== undefined) {
        groups.push({
          days: new Set([dayWords[compoundDay!]!]),
          parts: new Set([partWords[compoundPart]!]),
        })
        group = newGroup()
        continue
      }
      const range = /^([a-z]+)-([a-z]+)$/.exec(word)
      const days: number[] = []
      if (range && dayWords[range[1]!] !== undefined && dayWords[range[2]!] !== undefined) {
        for (let d = dayWords[range[1]!]!; d <= dayWords[range[2]!]!; d++) days.push(d)
      } else if (dayWords[word] !== undefined) days.push(dayWords[word])
      if (days.length > 0) {
        // "ma ochtend, di": a day after a day part is a new group; "ochtend: ma, di" is not.
        if (group.parts.size > 0 && group.days.size > 0) group = newGroup()
        for (const d of days) group.days.add(d)
      } else if (partWords[word] !== undefined) group.parts.add(partWords[word])
    }
  }
  for (const { days, parts } of groups) {
    if (days.size === 0 && parts.size === 0) continue
    const dayList = days.size > 0 ? [...days] : [0, 1, 2, 3, 4, 5, 6]
    const partList = parts.size > 0 ? [...parts] : [0, 1, 2]
    for (const d of dayList) for (const p of partList) selected.add(slots[d * 3 + p]!)
  }
  return slots.filter((slot) => selected.has(slot))
}

/**
 * Letters the file could not hold: Excel saves a CSV in Windows-1252 and writes "?" for ı, ş, ğ and
 * every other letter outside it ("?ahin", "Y?ld?z"); a file converted badly holds "\uFFFD". A
 * question mark that ends a word ("Wat nu?") is punctuation.
 */
export function lostLetter(text: string, questionMarks: boolean): boolean {
  return (
    text.includes('\uFFFD') || (questionMarks && /(^|[^\p{L}])\?\p{L}|\p{L}\?\p{L}/u.test(text))
  )
}
