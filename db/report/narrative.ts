import type { Kysely } from 'kysely'
import type { NarrativeFinding } from '../../shared/report'
import { foldKey } from '../../shared/text'
import type { Database } from '../store/schema'

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu
// Dutch numbers as people write them: 06-12345678, 06 1234 5678, +31 6 12345678, 030-1234567.
const phonePattern = /(?:\+31|0031|\b0)[\s-]?(?:\(0\))?\d(?:[\s-]?\d){7,9}\b/g

/** The words of a text with where they stand, accents and case folded. */
function words(text: string): { word: string; start: number; end: number }[] {
  const found: { word: string; start: number; end: number }[] = []
  for (const match of text.matchAll(/[\p{L}'’-]+/gu)) {
    found.push({ word: foldKey(match[0]), start: match.index, end: match.index + match[0].length })
  }
  return found
}

/**
 * What in her story may point at a resident: any phone number or e-mail address, and any word or
 * run of words that is a first name, last name or street of someone in her ledger. She reads the
 * list and decides; the report says the story must not identify anyone.
 */
export async function checkNarrative(
  db: Kysely<Database>,
  text: string,
): Promise<NarrativeFinding[]> {
  return (await narrativeChecker(db))(text)
}

/** The story check with the ledger's names and streets read once, for several texts. */
export async function narrativeChecker(
  db: Kysely<Database>,
): Promise<(text: string) => NarrativeFinding[]> {
  const rows = await db
    .selectFrom('person')
    .select(['first_name', 'last_name', 'street'])
    .where('deleted_at', 'is', null)
    .execute()
  const names = new Set<string>()
  const streets = new Set<string>()
  for (const row of rows) {
    for (const name of [row.first_name, row.last_name]) {
      // One- and two-letter names ("Jo", initials) would flag half of any text.
      if (name && name.length >= 3) names.add(foldKey(name))
    }
    if (row.street) streets.add(foldKey(row.street))
  }
  return (text) => {
    const findings: NarrativeFinding[] = []
    const seen = new Set<string>()
    const add = (kind: NarrativeFinding['kind'], found: string) => {
      const key = `${kind}:${foldKey(found)}`
      if (seen.has(key)) return
      seen.add(key)
      findings.push({ kind, text: found })
    }
    for (const match of text.matchAll(emailPattern)) add('email', match[0])
    for (const match of text.matchAll(phonePattern)) add('phone', match[0].trim())
    for (const token of words(text))
      if (names.has(token.word)) add('name', text.slice(token.start, token.end))
    for (const run of phraseRuns(text, streets)) add('street', run.text)
    return findings
  }
}

/**
 * Where in a text any of these phrases stands (folded, one or more words: "laan van vollenhove"),
 * longest first at each word, never overlapping.
 */
export function phraseRuns(
  text: string,
  phrases: ReadonlySet<string>,
): { start: number; end: number; text: string }[] {
  const tokens = words(text)
  const longest = Math.max(0, ...[...phrases].map((phrase) => phrase.split(' ').length))
  const runs: { start: number; end: number; text: string }[] = []
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(longest, tokens.length - i); n >= 1; n--) {
      const run = tokens.slice(i, i + n)
      if (phrases.has(run.map((t) => t.word).join(' '))) {
        const start = run[0]!.start
        const end = run.at(-1)!.end
        runs.push({ start, end, text: text.slice(start, end) })
        i += n - 1
        break
      }
    }
  }
  return runs
}

/** The text with every one of these phrases replaced (an erased resident's name in a story). */
export function redact(text: string, phrases: ReadonlySet<string>, by: string): string {
  let out = ''
  let at = 0
  for (const run of phraseRuns(text, phrases)) {
    out += text.slice(at, run.start) + by
    at = run.end
  }
  return out + text.slice(at)
}

/**
 * The words that name someone as a story would, folded: first name, last name with and without
 * tussenvoegsel, the whole name, nickname, and the street when given (erasing takes that out too).
 * From three letters on, as the story check counts names.
 */
export function namePhrases(person: {
  firstName: string
  tussenvoegsel: string | null
  lastName: string | null
  nickname: string | null
  street?: string | null
}): Set<string> {
  const lastName = [person.tussenvoegsel, person.lastName].filter(Boolean).join(' ')
  const full = [person.firstName, lastName].filter(Boolean).join(' ')
  const phrases = [
    person.firstName,
    person.lastName,
    lastName,
    full,
    person.nickname,
    person.street,
  ]
  return new Set(
    phrases.filter((p): p is string => !!p && p.trim().length >= 3).map((p) => foldKey(p)),
  )
}
