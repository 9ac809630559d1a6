import { describe, expect, it } from 'vitest'
import {
  isDutchPhone,
  maskToSlots,
  normalisePostcode,
  slots,
  slotsToMask,
} from '../../shared/ledger'
import { displayName, newPersonSchema, sortName } from '../../shared/person'
import { editDistance, foldKey, searchTokens } from '../../shared/text'

describe('names the Dutch way', () => {
  const jan = { firstName: 'Jan', tussenvoegsel: 'de', lastName: 'Vries' }

  it('reads "Jan de Vries" in a sentence', () => {
    expect(displayName(jan)).toBe('Jan de Vries')
  })

  it('sorts as "Vries, Jan de", the tussenvoegsel behind the first name', () => {
    expect(sortName(jan)).toBe('Vries, Jan de')
    expect(sortName({ firstName: 'Fatima', tussenvoegsel: 'el', lastName: 'Amrani' })).toBe(
      'Amrani, Fatima el',
    )
  })

  it('copes with a first name only', () => {
    const kees = { firstName: 'Kees', tussenvoegsel: null, lastName: null }
    expect(displayName(kees)).toBe('Kees')
    expect(sortName(kees)).toBe('Kees')
  })
})

describe('the new-person schema', () => {
  it('trims text and treats empty fields as not given', () => {
    const parsed = newPersonSchema.parse({
      firstName: '  Jan ',
      tussenvoegsel: ' ',
      lastName: 'Vries',
      wijk: '',
    })
    expect(parsed).toEqual({
      firstName: 'Jan',
      lastName: 'Vries',
      tags: [],
      availability: [],
    })
  })

  it('asks for a first name with a translation key', () => {
    const result = newPersonSchema.safeParse({ firstName: '   ' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('validation.firstNameRequired')
  })

  it('refuses fields it does not know', () => {
    expect(newPersonSchema.safeParse({ firstName: 'Jan', diagnosis: 'x' }).success).toBe(false)
  })

  it('refuses a note longer than 5000 characters', () => {
    const result = newPersonSchema.safeParse({ firstName: 'Jan', note: 'x'.repeat(5001) })
    expect(result.error?.issues[0]?.message).toBe('validation.tooLong')
  })
})

describe('Dutch addresses and numbers', () => {
  it.each(['3701 AB', '3701ab', ' 3701 ab '])('accepts the postcode "%s" as 3701 AB', (code) => {
    expect(normalisePostcode(code)).toBe('3701 AB')
  })

  it.each(['0123 AB', '3701', '3701 A1', '37011AB'])('refuses the postcode "%s"', (code) => {
    expect(normalisePostcode(code)).toBeUndefined()
  })

  it.each([
    '06-12345678',
    '06 1234 5678',
    '+31 6 12345678',
    '0031612345678',
    '(030) 123 45 67',
    '030-1234567',
  ])('accepts the phone number "%s"', (phone) => expect(isDutchPhone(phone)).toBe(true))

  it.each(['06-1234567', '612345678', '+32 2 123 45 67', 'bellen via buurvrouw'])(
    'refuses the phone number "%s"',
    (phone) => expect(isDutchPhone(phone)).toBe(false),
  )
})

describe('the week grid', () => {
  it('round-trips through the 21-bit number the store keeps', () => {
    const chosen = ['mon-morning', 'wed-afternoon', 'sun-evening'] as const
    const mask = slotsToMask(chosen)
    // bit = day × 3 + part: Monday morning 0, Wednesday afternoon 7, Sunday evening 20
    expect(mask).toBe((1 << 0) | (1 << 7) | (1 << 20))
    expect(maskToSlots(mask)).toEqual(chosen)
    expect(maskToSlots(slotsToMask(slots))).toEqual(slots)
  })
})

describe('folding names', () => {
  it('folds accents, case and spaces, so "Tuinieren" and "tuïnieren " are one', () => {
    expect(foldKey('Tuinieren')).toBe(foldKey(' tuïnieren '))
    expect(foldKey('Saïda  Öztürk')).toBe('saida ozturk')
  })

  it('counts typos, giving up past the limit', () => {
    expect(editDistance('fatma', 'fatima')).toBe(1)
    expect(editDistance('tuinren', 'tuinieren')).toBe(2)
    expect(editDistance('jan', 'mohamed', 2)).toBe(3)
    expect(editDistance('fatmia', 'fatima')).toBe(1) // a swap is one typo
  })
})

describe('search tokens', () => {
  it('fold accents, case and ij/y, drop punctuation, keep house numbers', () => {
    expect(searchTokens('Noor van Dijk, Kerkstraat 12a')).toEqual([
      'noor',
      'van',
      'dyk',
      'kerkstraat',
      '12a',
    ])
    expect(searchTokens('Saïda Öztürk')).toEqual(searchTokens('saida ozturk'))
    expect(searchTokens('IJsselstein')).toEqual(['ysselstein'])
    expect(searchTokens("van 't Hof — tuinieren!")).toEqual(['van', 't', 'hof', 'tuinieren'])
  })
})
