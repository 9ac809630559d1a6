import { normalisePostcode } from '../../shared/ledger'

export interface SplitName {
  firstName?: string
  tussenvoegsel?: string
  lastName?: string
}

/** The words that stand between a Dutch (or Flemish, French, German) first and last name. */
const particles = new Set([
  'van', 'de', 'der', 'den', 'het', "'t", 't', 'te', 'ten', 'ter', 'in', 'op', 'onder', 'over',
  'uit', 'uijt', 'aan', 'bij', 'la', 'le', 'du', 'des', "d'", 'da', 'dos', 'do', 'di', 'del',
  'von', 'zu', 'vd', 'v.d.', 'v/d', "'s", 'el', 'al',
]) // prettier-ignore

const isParticle = (word: string) => particles.has(word.toLocaleLowerCase('nl'))

/** Titles a worker writes before a name she does not know in full ("mevr. Jansen"). */
const titles = /^(dhr|mevr|mw|mr|mrs|ms|meneer|mevrouw|fam|familie|heer)\.?$/i

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean)

/** "de Vries" → tussenvoegsel "de", last name "Vries"; "Vries" stays as it is. */
export function splitLastName(text: string): { tussenvoegsel?: string; lastName?: string } {
  const parts = words(text)
  let i = 0
  while (i < parts.length - 1 && isParticle(parts[i]!)) i++
  const result: { tussenvoegsel?: string; lastName?: string } = {}
  if (i > 0) result.tussenvoegsel = parts.slice(0, i).join(' ').toLocaleLowerCase('nl')
  if (i < parts.length) result.lastName = parts.slice(i).join(' ')
  return result
}

/**
 * A full name in one cell, split the Dutch way:
 * "Jan de Vries" → Jan · de · Vries; "Anna Maria van der Berg-de Jong" → Anna Maria · van der ·
 * Berg-de Jong; "Vries, Jan de" and "Vries de, Jan" → Jan · de · Vries; "mevr. Jansen" keeps the
 * title as the name she knows her by (Mevr. · Jansen); one word is a first name.
 */
export function splitDutchName(text: string): SplitName {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean) return {}
  const comma = clean.indexOf(',')
  if (comma > 0) {
    const before = words(clean.slice(0, comma))
    const after = words(clean.slice(comma + 1))
    // "Vries, Jan de": the particles trail the first name; "Vries de, Jan": they trail the last name.
    const trailing = (list: string[]) => {
      let i = list.length
      while (i > 1 && isParticle(list[i - 1]!)) i--
      return { head: list.slice(0, i), particles: list.slice(i) }
    }
    const last = trailing(before)
    const first = trailing(after)
    const particleWords = [...first.particles, ...last.particles]
    const lead = splitLastName(last.head.join(' '))
    const tussenvoegsel = [...particleWords, ...(lead.tussenvoegsel ? [lead.tussenvoegsel] : [])]
      .join(' ')
      .toLocaleLowerCase('nl')
    return compact({
      firstName: first.head.join(' ') || undefined,
      tussenvoegsel: tussenvoegsel || undefined,
      lastName: lead.lastName,
    })
  }
  const parts = words(clean)
  if (parts.length === 1) return { firstName: parts[0]! }
  if (titles.test(parts[0]!)) {
    const title = parts[0]!.charAt(0).toLocaleUpperCase('nl') + parts[0]!.slice(1)
    return compact({ firstName: title, ...splitLastName(parts.slice(1).join(' ')) })
  }
  // The first particle after the first word starts the last name; without one, the last word is it.
  const start = parts.findIndex((word, i) => i > 0 && i < parts.length - 1 && isParticle(word))
  if (start > 0) {
    return compact({
      firstName: parts.slice(0, start).join(' '),
      ...splitLastName(parts.slice(start).join(' ')),
    })
  }
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1)! }
}

function compact(name: SplitName): SplitName {
  return Object.fromEntries(Object.entries(name).filter(([, value]) => value)) as SplitName
}

export interface SplitAddress {
  street?: string
  houseNumber?: string
  postcode?: string
  /** What follows the postcode or the last comma (a place name): kept for the note. */
  rest?: string
}

/**
 * An address in one cell: "Kerkstraat 12a", "Kerkstraat 12 A", "2e Helmersstraat 5-hs",
 * "Kerkstraat 12, 1234 AB Utrecht". The house number is the last number (with its letter or
 * addition) after the street name.
 */
export function splitAddress(text: string): SplitAddress {
  let line = text.replace(/\s+/g, ' ').trim()
  const result: SplitAddress = {}
  const postcode = /\b([1-9]\d{3}\s?[a-z]{2})\b/i.exec(line)
  if (postcode && normalisePostcode(postcode[1]!)) {
    result.postcode = normalisePostcode(postcode[1]!)!
    const rest = line.slice(postcode.index + postcode[0].length).replace(/^[\s,]+/, '')
    if (rest) result.rest = rest
    line = line.slice(0, postcode.index).replace(/[\s,]+$/, '')
  } else if (line.includes(',')) {
    const [first, ...others] = line.split(',')
    const rest = others.join(',').trim()
    if (rest) result.rest = rest
    line = first!.trim()
  }
  const match =
    /^(.*?\D)\s*(\d+(?:\s?[a-z]\b)?(?:\s?[-/]\s?[\w]{1,4}|\s(?:hs|bis|[i]{1,3}|bg|boven|huis|rood))?)$/i.exec(
      line,
    )
  if (match && match[1]!.trim()) {
    result.street = match[1]!.trim()
    result.houseNumber = match[2]!.replace(/\s+/g, ' ')
  } else if (line) {
    result.street = line
  }
  return result
}
