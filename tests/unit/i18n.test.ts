import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
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

  it('has every key the code asks for by name (a plural by its _one and _other)', () => {
    const root = new URL('../../', import.meta.url).pathname
    const known = new Set(keys(nl))
    const missing: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.(ts|tsx)$/.test(name) && !dir.endsWith('i18n')) {
          const code = readFileSync(path, 'utf8')
          // A file's own `t` that puts a prefix before the name (`report.${name}`).
          const prefix = /const t = \(name[^=]*=>\s*translate\(\w+, `([\w.]+)\$\{name\}`/.exec(
            code,
          )?.[1]
          for (const [, call, name] of code.matchAll(
            /\b(t|translate\(\w+,)\s*\(?'([a-z][\w.]*\.[\w.]+)'/gi,
          )) {
            const key = call === 't' && prefix ? `${prefix}${name}` : name
            if (!known.has(key!) && !known.has(`${key}_one`)) {
              missing.push(`${relative(root, path)}: ${key}`)
            }
          }
        }
      }
    }
    for (const dir of ['db', 'electron', 'renderer/src', 'shared']) walk(join(root, dir))
    expect(missing).toEqual([])
  })
})
