import { singleValueTargets, type ImportColumn, type ImportTarget } from '../../shared/import'
import { foldKey } from '../../shared/text'
import { cellText, type Cell } from './cells'

/**
 * Header words → field, most specific first: "Eerste contact" before "Contact", "Voornaam" before
 * "Naam", "Wat kan" before "Kan". Dutch and English, as workers name their columns.
 */
const suggestions: readonly [RegExp, ImportTarget][] = [
  [/^(voornaam|voornamen|roepnaam voornaam|first ?name|given name)$/, 'firstName'],
  [/^(roepnaam|bijnaam|nickname)$/, 'nickname'],
  [/^(tussenv(oegsel)?s?|tv|voorvoegsel|infix|prefix)$/, 'tussenvoegsel'],
  [/^(achternaam|familienaam|geslachtsnaam|last ?name|surname|family name)$/, 'lastName'],
  [/^(naam|naam bewoner|bewoner|volledige naam|name|full name|wie|persoon|contactpersoon)$/, 'fullName'],
  [/^(postcode|postal ?code|zip( ?code)?|pc)$/, 'postcode'],
  [/^(huisnr|huisnummer|huis ?nr|nr|nummer|number|house ?number|toevoeging)$/, 'houseNumber'],
  [/^(straat|straatnaam|street)$/, 'street'],
  [/^(adres|woonadres|address|straat en huisnummer|straat \+ nr)$/, 'address'],
  [/^(wijk|buurt|wijknaam|neighbourhood|neighborhood|district|gebied)$/, 'wijk'],
  [/^(e-?mail(adres)?|mail(adres)?|email address)$/, 'email'],
  [/^(tel|tel\.?nr|telefoon|telefoonnummer|telefoonnr|mobiel|mobiel nummer|gsm|phone|mobile)$/, 'phone'],
  [/^(passie|passies|talent|talenten|hobby|hobby'?s|interesse|interesses|passion|passions|talents|hobbies|interests)$/, 'passions'],
  [/^(hulpvraag|hulpvragen|vraag|vragen|needs)$/, 'needs'],
  [/^(thema|themas|thema's|labels?|tags?|categorie|themes?)$/, 'themes'],
  [/^(wat wil( (hij|zij|ze|die))?|wil|wens|wensen|wishes|wants?)$/, 'wish'],
  [/^(wat kan( (hij|zij|ze|die))?|kan|kwaliteiten|kunnen|can|skills)$/, 'strength'],
  [/^(wat (is )?nodig|nodig|heeft nodig|behoefte|need)$/, 'need'],
  [/^(beschikbaar vanaf|vanaf|available from)$/, 'availableFrom'],
  [/^(beschikbaar|beschikbaarheid|tijd|wanneer|wanneer beschikbaar|availability|available)$/, 'availability'],
  [/^(eerste contact|eerste ontmoeting|ontmoet|leren kennen|first met|first contact)$/, 'firstMetOn'],
  [/^(aangemeld door|aangemeld via|verwezen door|verwijzer|verwijzing|doorverwezen door|via|route|hoe bereikt|bereikt via|referral|referred by)$/, 'referredBy'],
  [/^(datum|contact|contactdatum|contactmoment|laatste contact|laatste contactmoment|laatst contact|laatst gesproken|laatste keer gesproken|laatste gesprek|laatst gezien|laatste bezoek|datum contact|datum gesprek|gesproken|gesproken op|date|last contact|last contacted|last spoken)$/, 'contactDate'],
  [/^(terugbellen|opvolgen|opvolging|follow[- ]?up|actie|actiedatum|bellen op|terugkomen|wanneer terug)$/, 'followUpOn'],
  [/^(opmerking|opmerkingen|notitie|notities|aantekening|aantekeningen|bijzonderheden|toelichting|note|notes|comments?|remarks?)$/, 'note'],
] // prettier-ignore

/** The field a header suggests, or undefined when it suggests none. */
export function suggestTarget(header: string): ImportTarget | undefined {
  const key = foldKey(header)
    .replace(/[?:*()[\].]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  for (const [pattern, target] of suggestions) if (pattern.test(key)) return target
  // "Laatste contact (datum)", "Terugbellen op": the same field with a word about its date.
  const bare = key.replace(/\s+(datum|op|per|d d|dd)$/, '').replace(/^(datum|dd)\s+/, '')
  if (bare !== key)
    for (const [pattern, target] of suggestions) if (pattern.test(bare)) return target
  // "Passie / talent", "Tel. en e-mail": the first part that names a field.
  const parts = key.split(/\s*(?:[/,&+]|\s+en\s+)\s*/).filter(Boolean)
  if (parts.length > 1) {
    for (const part of parts) {
      for (const [pattern, target] of suggestions) if (pattern.test(part)) return target
    }
  }
  return undefined
}

/**
 * The header row: among the first 30 rows, the one with most cells that name a known field, then
 * most distinct texts. A title above the header ("Bewoners Wijk Noord 2024", merged across the
 * columns) has one distinct text and loses.
 */
export function findHeaderRow(rows: readonly Cell[][]): number {
  let best = { index: 0, score: -1 }
  const limit = Math.min(rows.length, 30)
  for (let index = 0; index < limit; index++) {
    const texts = (rows[index] ?? [])
      .filter((cell) => typeof cell === 'string')
      .map((cell) => cellText(cell))
      .filter(Boolean)
    const distinct = new Set(texts.map(foldKey))
    if (distinct.size < 2) continue
    const known = [...distinct].filter((text) => suggestTarget(text) !== undefined).length
    const score = known * 100 + distinct.size
    if (score > best.score) best = { index, score }
  }
  return best.index
}

/** Is there anything in this row? */
export const hasContent = (row: readonly Cell[] | undefined) =>
  !!row && row.some((cell) => cellText(cell) !== '')

/**
 * The columns under `headerRow`, each with its header, a few samples and a suggested field. Empty
 * columns (no header, no values) are left out; a column without a header but with values is
 * "Kolom D" and goes to the note, so nothing she wrote is dropped unseen. The same header twice
 * (merged header cells) is numbered.
 */
export function describeColumns(rows: readonly Cell[][], headerRow: number): ImportColumn[] {
  const header = rows[headerRow] ?? []
  const width = rows.reduce((max, row) => Math.max(max, row?.length ?? 0), header.length)
  // One pass over the rows for every column's first samples: a wide, long sheet stays quick.
  const samples: string[][] = Array.from({ length: width }, () => [])
  let wanting = width
  for (let r = headerRow + 1; r < rows.length && wanting > 0; r++) {
    const row = rows[r]
    if (!row) continue
    for (let index = 0; index < row.length; index++) {
      const found = samples[index]!
      if (found.length >= 3) continue
      const text = cellText(row[index] ?? null)
      if (!text) continue
      found.push(text.length > 60 ? `${text.slice(0, 57)}…` : text)
      if (found.length === 3) wanting--
    }
  }
  const seen = new Map<string, number>()
  const taken = new Set<ImportTarget>()
  const columns: ImportColumn[] = []
  for (let index = 0; index < width; index++) {
    let name = cellText(header[index] ?? null)
    if (!name && samples[index]!.length === 0) continue
    if (!name) name = `Kolom ${columnLetter(index)}`
    const count = (seen.get(foldKey(name)) ?? 0) + 1
    seen.set(foldKey(name), count)
    if (count > 1) name = `${name} (${count})`
    let suggested = suggestTarget(name.replace(/ \(\d+\)$/, '')) ?? 'note'
    // A second "Telefoon" column suggests the note: one person has one phone field.
    if (taken.has(suggested) && singleValueTargets.has(suggested)) suggested = 'note'
    taken.add(suggested)
    columns.push({ index, header: name, samples: samples[index]!, suggested })
  }
  return columns
}

/** "A", "B", … "Z", "AA": the column letters she sees in Excel. */
export function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  }
  return letters
}
