import { describe, expect, it } from 'vitest'
import { en } from '../../shared/i18n/en'
import { translate, type Messages } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'

const keys = (messages: object, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  )

describe('translations', () => {
  it('English has exactly the keys Dutch has', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort())
  })

  it('fills in placeholders and leaves unknown keys visible', () => {
    expect(translate(nl, 'addPerson.saved', { name: 'Jan de Vries' })).toBe(
      'Jan de Vries is opgeslagen.',
    )
    expect(translate(nl as Messages, 'no.such.key')).toBe('no.such.key')
  })

  it('has no empty texts', () => {
    for (const messages of [nl, en]) {
      for (const key of keys(messages)) expect(translate(messages, key).trim()).not.toBe('')
    }
  })
})
