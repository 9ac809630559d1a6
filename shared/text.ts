/**
 * The key under which names are compared: accents folded (é→e, ï→i), case folded, spaces squeezed.
 * "Tuinieren", "tuinieren " and "TUINIEREN" share one key; so do "Saïda" and "Saida".
 */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nl')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Edit distance with adjacent swaps counting as one edit (optimal string alignment), as a fast
 * typist makes them ("Fatmia"); stops early once it exceeds `max` (then returns max + 1).
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1)
      }
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > max) return max + 1
    before = previous
    previous = current
  }
  return previous[b.length]!
}

/**
 * The words of a text as search compares them: accents and case folded, "ij" read as "y" (Dijk,
 * Dyk), punctuation dropped. House numbers stay as written ("12a").
 */
export function searchTokens(text: string): string[] {
  return foldKey(text)
    .replace(/ij/g, 'y')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}
