import { describe, expect, it } from 'vitest'
import { displayName, newPersonSchema, sortName } from '../../shared/person'

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
    expect(parsed).toEqual({ firstName: 'Jan', lastName: 'Vries' })
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
