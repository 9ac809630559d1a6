import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApi, type ApiTable } from '../../db/api'
import { openContext, type ApiContext } from '../../db/context'
import type { AppInfo } from '../../shared/contract'
import type { PeoplePage, Person } from '../../shared/person'
import type { Result } from '../../shared/result'
import { makeTempDir, nodePlatform, TestClock } from '../support/platform'

let dir: ReturnType<typeof makeTempDir>
let ctx: ApiContext
let api: ApiTable
const clock = new TestClock(new Date('2026-03-02T09:30:00.000Z'))
const unexpected: unknown[] = []

beforeEach(async () => {
  dir = makeTempDir()
  ctx = await openContext(nodePlatform(dir.path, clock))
  api = createApi(ctx, { onError: (_channel, error) => unexpected.push(error) })
  unexpected.length = 0
})
afterEach(async () => {
  await ctx.store.close()
  dir.remove()
})

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value as T
}
const peopleCount = async () => value<PeoplePage>(await api['people:list']({})).total

describe('app:info', () => {
  it('tells the version, the data folder and that the store is encrypted', async () => {
    const info = value<AppInfo>(await api['app:info'](undefined))
    expect(info).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      dataDir: dir.path,
      encrypted: true,
      keyProtection: 'file-only',
    })
  })

  it('takes no input', async () => {
    const result = await api['app:info']({ anything: 1 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('people:create', () => {
  it('stores a person with the clock time and lists her', async () => {
    const person = value<Person>(
      await api['people:create']({
        firstName: 'Fatima',
        tussenvoegsel: 'el',
        lastName: 'Amrani',
        wijk: 'Kerckebosch',
      }),
    )
    expect(person).toMatchObject({
      firstName: 'Fatima',
      tussenvoegsel: 'el',
      lastName: 'Amrani',
      wijk: 'Kerckebosch',
      note: null,
      createdAt: '2026-03-02T09:30:00.000Z',
      updatedAt: '2026-03-02T09:30:00.000Z',
    })
    expect(person.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    const page = value<PeoplePage>(await api['people:list'](undefined))
    expect(page.items).toEqual([person])
  })

  it.each([
    ['no input at all', undefined],
    ['a string', 'Jan'],
    ['an array', [{ firstName: 'Jan' }]],
    ['no first name', { lastName: 'Vries' }],
    ['a blank first name', { firstName: '   ' }],
    ['a number as first name', { firstName: 42 }],
    ['a field the contract does not know', { firstName: 'Jan', bsn: '123456789' }],
    ['a note that is too long', { firstName: 'Jan', note: 'x'.repeat(5001) }],
    ['a prototype-polluting key', JSON.parse('{"firstName":"Jan","__proto__":{"admin":true}}')],
  ])('refuses %s with a Dutch message and stores nothing', async (_case, input) => {
    const result = await api['people:create'](input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.message).toMatch(/^Controleer de invoer: /)
    expect(result.error.issues?.length).toBeGreaterThan(0)
    expect(await peopleCount()).toBe(0)
  })

  it('names the field and the problem in Dutch', async () => {
    const result = await api['people:create']({ firstName: '' })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Controleer de invoer: Voornaam: Vul een voornaam in.',
        issues: [
          {
            path: ['firstName'],
            key: 'validation.firstNameRequired',
            message: 'Vul een voornaam in.',
          },
        ],
      },
    })
  })
})

describe('people:list', () => {
  it('refuses a page size out of range', async () => {
    for (const input of [{ limit: 0 }, { limit: 1.5 }, { offset: -1 }, { limit: '10' }]) {
      expect(await api['people:list'](input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
  })
})

describe('unexpected failures', () => {
  it('come back as a plain Dutch message and are reported to the shell', async () => {
    await ctx.store.close()
    const result = await api['people:list'](undefined)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Er ging iets mis. Er is niets veranderd; probeer het opnieuw.',
      },
    })
    expect(unexpected).toHaveLength(1)
    ctx = await openContext(nodePlatform(dir.path, clock))
  })
})
