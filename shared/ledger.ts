import { z } from 'zod'

/** How she met someone, or how a contact took place. */
export const channels = [
  'portiek',
  'huis_van_de_wijk',
  'straat',
  'huisarts',
  'activiteit',
  'telefoon',
  'email',
  'whatsapp',
  'anders',
] as const
export type ContactChannel = (typeof channels)[number]

export const consentStatuses = ['not_asked', 'verbal', 'written', 'withdrawn'] as const
export type ConsentStatus = (typeof consentStatuses)[number]

/** Age in bands, never a birth date: enough to account for her work, no more. */
export const ageBands = ['u18', '18_26', '27_40', '41_55', '56_66', '67_79', '80_plus'] as const
export type AgeBand = (typeof ageBands)[number]

export const tagKinds = ['passion', 'need', 'theme'] as const
export type TagKind = (typeof tagKinds)[number]

export const followUpPicks = ['1w', '1m', '3m', '1y'] as const
export type FollowUpPick = (typeof followUpPicks)[number]

/** Keep in touch every …: the cadences she can choose for a person. */
export const cadences = ['1w', '2w', '4w', '1m', '2m', '3m', '6m', '1y'] as const
export type Cadence = (typeof cadences)[number]

export const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const dayParts = ['morning', 'afternoon', 'evening'] as const
export type Day = (typeof days)[number]
export type DayPart = (typeof dayParts)[number]
export type Slot = `${Day}-${DayPart}`
export const slots: readonly Slot[] = days.flatMap((day) =>
  dayParts.map((part) => `${day}-${part}` as Slot),
)

/** The week grid as a 21-bit number for the store: bit (day × 3 + part). */
export const slotsToMask = (selected: readonly Slot[]): number =>
  selected.reduce((mask, slot) => mask | (1 << slots.indexOf(slot)), 0)
export const maskToSlots = (mask: number): Slot[] => slots.filter((_, i) => (mask & (1 << i)) !== 0)

const isRealDate = (value: string) => {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** A calendar date, `YYYY-MM-DD`, that exists (no 31 April). */
export const isoDate = z
  .string({ error: 'validation.date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine(isRealDate, { error: 'validation.date' })

/** Dutch postcodes as people write them ("1234ab", "1234 AB") stored one way: "1234 AB". */
export function normalisePostcode(value: string): string | undefined {
  const match = /^([1-9]\d{3})\s?([a-z]{2})$/i.exec(value.trim())
  return match ? `${match[1]} ${match[2]!.toUpperCase()}` : undefined
}

/**
 * A phone number as digits only, the country code as a leading 0: "06-12345678", "+31 6 1234 5678"
 * and "0031612345678" are one number. Null for no number.
 */
export const phoneDigits = (phone: string | null | undefined): string | null =>
  phone ? phone.replace(/\D/g, '').replace(/^(0031|31)(?=\d{9}$)/, '0') || null : null

/** Dutch phone numbers in their common spellings ("06-12345678", "+31 6 1234 5678", "(030) 123 45 67"). */
export function isDutchPhone(value: string): boolean {
  const digits = value.replace(/[\s\-().]/g, '').replace(/^(\+31|0031)/, '0')
  return /^0\d{9}$/.test(digits)
}
