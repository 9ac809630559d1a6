import { normalisePostcode } from '../../shared/ledger'

export interface SplitName {
  firstName?: string
  tussenvoegsel?: string
  lastName?: string
  /** A title before the name ("Dhr.", "mevr.", "dr."): not a name, so not stored as one. */
  title?: string
  /** A suffix with no last name to go with ("Piet jr."): kept for the note. */
  suffix?: string
}

/** The words that stand between a Dutch (or Flemish, French, German) first and last name. */
const particles = new Set([
  'van', 'de', 'der', 'den', 'het', "'t", 't', 'te', 'ten', 'ter', 'in', 'op', 'onder', 'over',
  'uit', 'uijt', 'aan', 'bij', 'la', 'le', 'du', 'des', "d'", 'da', 'dos', 'do', 'di', 'del',
  'von', 'zu', 'vd', 'v.d.', 'v/d', "'s", 'el', 'al',
]) // prettier-ignore

const isParticle = (word: string) => particles.has(word.toLocaleLowerCase('nl'))

/** Titles a worker writes before a name ("mevr. Jansen", "dr. Smit"): never part of the name. */
const titles =
  /^(dhr|mevr|mw|mevrouw|meneer|heer|mr|mrs|ms|miss|fam|familie|dr|drs|ir|ing|prof|ds|zr|br)\.?$/i

/** What follows a last name to tell namesakes apart: it belongs to the last name. */
const suffixes = /^(sr|jr|sen|jun|senior|junior|ii|iii|iv)\.?$/i

/** Leading titles off, a trailing suffix off: what is left is the name. */
function strip(list: string[]): { words: string[]; titles: string[]; suffix?: string } {
  let start = 0
  while (start < list.length - 1 && titles.test(list[start]!)) start++
  // A title alone ("Dhr.") is all she wrote: still a title.
  if (list.length === 1 && titles.test(list[0]!)) start = 1
  let end = list.length
  const suffix = end - start > 1 && suffixes.test(list[end - 1]!) ? list[--end] : undefined
  return {
    words: list.slice(start, end),
    titles: list.slice(0, start),
    ...(suffix ? { suffix } : {}),
  }
}

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
 * Berg-de Jong; "Vries, Jan de" and "Vries de, Jan" → Jan · de · Vries; one word is a first name.
 * A title ("Dhr. Smit", "mevr. de Jong") is no name: it is given apart, and what remains is the
 * last name. A suffix ("Piet de Boer jr.") stays with the last name.
 */
export function splitDutchName(text: string): SplitName {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean) return {}
  const comma = clean.indexOf(',')
  if (comma > 0) {
    const before = strip(words(clean.slice(0, comma)))
    const after = strip(words(clean.slice(comma + 1)))
    // "Vries, Jan de": the particles trail the first name; "Vries de, Jan": they trail the last name.
    const trailing = (list: string[]) => {
      let i = list.length
      while (i > 1 && isParticle(list[i - 1]!)) i--
      return { head: list.slice(0, i), particles: list.slice(i) }
    }
    const last = trailing(before.words)
    const first = trailing(after.words)
    const particleWords = [...first.particles, ...last.particles]
    const lead = splitLastName(last.head.join(' '))
    const tussenvoegsel = [...particleWords, ...(lead.tussenvoegsel ? [lead.tussenvoegsel] : [])]
      .join(' ')
      .toLocaleLowerCase('nl')
    const suffix = before.suffix ?? after.suffix
    return withSuffix(
      compact({
        firstName: first.head.join(' ') || undefined,
        tussenvoegsel: tussenvoegsel || undefined,
        lastName: lead.lastName,
        title: [...before.titles, ...after.titles].join(' ') || undefined,
      }),
      suffix,
    )
  }
  const { words: parts, titles: leading, suffix } = strip(words(clean))
  const title = leading.join(' ') || undefined
  if (parts.length === 0) return compact({ title })
  if (title && (parts.length === 1 || isParticle(parts[0]!))) {
    // "Dhr. Smit", "mevr. de Jong": after a title, one word or a particle starts the last name.
    return withSuffix(compact({ ...splitLastName(parts.join(' ')), title }), suffix)
  }
  if (parts.length === 1) return withSuffix({ firstName: parts[0]! }, suffix)
  // The first particle after the first word starts the last name; without one, the last word is it.
  const start = parts.findIndex((word, i) => i > 0 && i < parts.length - 1 && isParticle(word))
  if (start > 0) {
    return withSuffix(
      compact({
        firstName: parts.slice(0, start).join(' '),
        ...splitLastName(parts.slice(start).join(' ')),
        title,
      }),
      suffix,
    )
  }
  return withSuffix(
    compact({ firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1)!, title }),
    suffix,
  )
}

/** The suffix after the last name ("Boer jr."); without a last name it is kept apart. */
function withSuffix(name: SplitName, suffix: string | undefined): SplitName {
  if (!suffix) return name
  return name.lastName ? { ...name, lastName: `${name.lastName} ${suffix}` } : { ...name, suffix }
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
