import type { nl } from './nl'

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> }

/** The shape every language must fill in, taken from the Dutch texts. */
export type Messages = DeepStrings<typeof nl>

export type Language = 'nl' | 'en'
export const languages: readonly Language[] = ['nl', 'en']

/**
 * Looks up a dotted key ("validation.tooLong") and fills in {{placeholders}}. Used where i18next is
 * not (the main side), so that the Dutch messages of errors come from the same texts as the UI's.
 */
export function translate(
  messages: Messages,
  key: string,
  params: Record<string, string | number> = {},
): string {
  let node: unknown = messages
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined
  }
  if (typeof node !== 'string') return key
  return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
