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

  const rows = await db
    .selectFrom('person')
    .select(['first_name', 'last_name', 'street'])
    .where('deleted_at', 'is', null)
    .execute()
  const names = new Set<string>()
  const streets = new Map<string, number>()
  for (const row of rows) {
    for (const name of [row.first_name, row.last_name]) {
      // One- and two-letter names ("Jo", initials) would flag half of any text.
      if (name && name.length >= 3) names.add(foldKey(name))
    }
    if (row.street) streets.set(foldKey(row.street), foldKey(row.street).split(' ').length)
  }
  const tokens = words(text)
  for (const token of tokens)
    if (names.has(token.word)) add('name', text.slice(token.start, token.end))
  // Streets may be several words ("Laan van Vollenhove"): compare runs of words.
  const longest = Math.max(0, ...streets.values())
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(longest, tokens.length - i); n >= 1; n--) {
      const run = tokens.slice(i, i + n)
      if (streets.has(run.map((t) => t.word).join(' '))) {
        add('street', text.slice(run[0]!.start, run.at(-1)!.end))
        break
      }
    }
  }
  return findings
}
