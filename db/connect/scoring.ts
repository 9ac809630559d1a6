import type { MatchReason } from '../../shared/connect'
import { maskToSlots, type TagKind } from '../../shared/ledger'
import { foldKey } from '../../shared/text'
import { textFields } from './match-columns'

/**
 * Matching, explainable and deterministic: a fit is a theme she has as a tag (or writes in wil, kan,
 * nodig), then time and place. Each part adds a fixed weight and names itself as a reason; ties go
 * by name in Dutch order, then by id.
 */
export const weights = {
  tag: { passion: 10, need: 8, theme: 6 } satisfies Record<TagKind, number>,
  text: { wish: 5, strength: 5, need: 4 },
  /** Free when the initiative meets (at least one day part in common). */
  time: 3,
  /** Both have day parts, and none in common. */
  noTime: -2,
  wijk: 2,
} as const

export const tagKindOrder: readonly TagKind[] = ['passion', 'need', 'theme']
const tagWeights = tagKindOrder.map((kind) => weights.tag[kind])
const textWeights = textFields.map((field) => weights.text[field])

/**
 * How a candidate meets each theme, by the theme's number: `tag`, the best kind of tag of hers
 * named like it (its place in tagKindOrder, -1 for none) and `tagName`, that tag's name; `text`,
 * where she has no such tag, the field of wil, kan or nodig that holds its words (its place in
 * textFields, -1 for none).
 */
export interface Fit {
  tag: Int8Array
  tagName: string[]
  text: Int8Array
}

export const newFit = (themes: number): Fit => ({
  tag: new Int8Array(themes),
  tagName: new Array<string>(themes).fill(''),
  text: new Int8Array(themes),
})

export function clearFit(fit: Fit): void {
  fit.tag.fill(-1)
  fit.text.fill(-1)
}

/** Where a fit's reasons go, and the names they show (only for the few candidates shown). */
export interface Explanation {
  reasons: MatchReason[]
  word(theme: number): string
  wijkName: string
}

/**
 * The one scoring rule, for the scan over everyone and for the reasons of those shown: a theme
 * counts once, by her tag if she has one (the weight of its kind), else by her words in wil, kan
 * or nodig (the weight of the field); a day part in common with when it meets adds, day parts on
 * both sides and none in common take off; the same wijk adds. With an explanation, each part
 * names itself as a reason (tags first, then words, each in name order; then time and place).
 */
export function scoreFit(
  fit: Fit,
  themes: number,
  availability: number,
  meets: number,
  sameWijk: boolean,
  explanation?: Explanation,
): number {
  let total = 0
  // Only the few candidates shown are explained; the scan over everyone makes no objects.
  const tagReasons: MatchReason[] | undefined = explanation && []
  const textReasons: { key: string; reason: MatchReason }[] | undefined = explanation && []
  for (let theme = 0; theme < themes; theme++) {
    const kind = fit.tag[theme]!
    if (kind >= 0) {
      total += tagWeights[kind]!
      tagReasons?.push({ kind: 'tag', tagKind: tagKindOrder[kind]!, name: fit.tagName[theme]! })
      continue
    }
    const field = fit.text[theme]!
    if (field < 0) continue
    total += textWeights[field]!
    if (explanation) {
      const word = explanation.word(theme)
      textReasons!.push({
        key: foldKey(word),
        reason: { kind: 'text', field: textFields[field]!, word },
      })
    }
  }
  const common = meets & availability
  if (common !== 0) total += weights.time
  else if (meets !== 0 && availability !== 0) total += weights.noTime
  if (sameWijk) total += weights.wijk
  if (explanation && tagReasons && textReasons) {
    const tagOrder = (reason: MatchReason) =>
      reason.kind === 'tag' ? tagKindOrder.indexOf(reason.tagKind) : 0
    const nameOf = (reason: MatchReason) => (reason.kind === 'tag' ? foldKey(reason.name) : '')
    explanation.reasons.push(
      ...tagReasons.sort((a, b) => tagOrder(a) - tagOrder(b) || nameOf(a).localeCompare(nameOf(b))),
      ...textReasons.sort((a, b) => a.key.localeCompare(b.key)).map((text) => text.reason),
    )
    if (common !== 0) explanation.reasons.push({ kind: 'time', slots: maskToSlots(common) })
    if (sameWijk) explanation.reasons.push({ kind: 'wijk', name: explanation.wijkName })
  }
  return total
}
