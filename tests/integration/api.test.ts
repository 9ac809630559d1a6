import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApi, type ApiTable } from '../../db/api'
import { openContext, type ApiContext } from '../../db/context'
import type { AppInfo } from '../../shared/contract'
import type { TodayView } from '../../shared/followups'
import type { ContactMoment, PeoplePage } from '../../shared/person'
import type { PersonDetail } from '../../shared/person-detail'
import type { Result } from '../../shared/result'
import { defaultRoutes } from '../../shared/routes'
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
    const person = value<PersonDetail>(
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
    expect(page.items).toEqual([
      {
        id: person.id,
        firstName: 'Fatima',
        tussenvoegsel: 'el',
        lastName: 'Amrani',
        nickname: null,
        street: null,
        houseNumber: null,
        wijk: 'Kerckebosch',
        status: 'active',
        lastContactOn: null,
        deletedAt: null,
      },
    ])
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
    ['a postcode that is not Dutch', { firstName: 'Jan', postcode: '12345' }],
    ['a phone number with too few digits', { firstName: 'Jan', phone: '06-1234' }],
    ['an e-mail address without @', { firstName: 'Jan', email: 'jan.example.nl' }],
    ['a date that does not exist', { firstName: 'Jan', availableFrom: '2026-02-30' }],
    ['a date in Dutch order', { firstName: 'Jan', firstMetOn: '30-01-2026' }],
    ['a channel the app does not know', { firstName: 'Jan', metChannel: 'facebook' }],
    ['a tag of an unknown kind', { firstName: 'Jan', tags: [{ kind: 'diagnose', name: 'x' }] }],
    ['a tag without a name', { firstName: 'Jan', tags: [{ kind: 'passion', name: ' ' }] }],
    ['a day part that does not exist', { firstName: 'Jan', availability: ['mon-night'] }],
    ['a follow-up pick that is not offered', { firstName: 'Jan', followUpPick: '2w' }],
    ['a moment without a date', { firstName: 'Jan', moment: { channel: 'straat' } }],
    ['a consent status that does not exist', { firstName: 'Jan', consentStatus: 'yes' }],
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

describe('the welcome on a first start', () => {
  const wijken = async () =>
    value<{ name: string }[]>(await api['wijken:list'](undefined)).map((wijk) => wijk.name)

  it('greets her once: her name and wijken kept, an existing wijk not made twice', async () => {
    expect(value(await api['app:welcome'](undefined))).toEqual({ show: true })
    await api['wijken:create']({ name: 'Kerckebosch' })
    expect(
      value(
        await api['app:finishWelcome']({
          workerName: ' Meike ',
          wijken: ['kerckébosch', 'Hoge Dennen'],
        }),
      ),
    ).toBeNull()
    expect(value(await api['app:welcome'](undefined))).toEqual({ show: false })
    expect(value(await api['settings:get'](undefined))).toMatchObject({ workerName: 'Meike' })
    expect(await wijken()).toEqual(['Hoge Dennen', 'Kerckebosch'])
  })

  it('does not greet her in a ledger that holds someone already', async () => {
    await api['people:create']({ firstName: 'Jan' })
    expect(value(await api['app:welcome'](undefined))).toEqual({ show: false })
  })

  it('refuses a wijk name that is too long, naming the field, and keeps nothing', async () => {
    const result = await api['app:finishWelcome']({
      workerName: 'Meike',
      wijken: ['Noord', 'x'.repeat(81)],
    })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ path: ['wijken', '1'], key: 'validation.tooLong' }],
      },
    })
    expect(await wijken()).toEqual([])
    expect(value(await api['app:welcome'](undefined))).toEqual({ show: true })
  })
})

describe('the rest of the ledger', () => {
  const unknownId = '01900000-0000-7000-8000-000000000000'

  it('writes her name from settings on every contact moment', async () => {
    await api['settings:update']({ workerName: 'Meike de Boer' })
    const jan = value<PersonDetail>(await api['people:create']({ firstName: 'Jan' }))
    const moment = value<ContactMoment>(
      await api['moments:add']({ personId: jan.id, date: '2026-03-01', channel: 'telefoon' }),
    )
    expect(moment).toMatchObject({ worker: 'Meike de Boer', date: '2026-03-01' })
    expect(value(await api['settings:get'](undefined))).toEqual({
      workerName: 'Meike de Boer',
      reminderTime: '09:00',
      organisation: null,
      // The Beschermen terms, as the AVG defaults have them until she changes them.
      retentionMonths: 24,
      consentYears: 2,
      trashDays: 30,
      // Aangemeld door: the list she starts with.
      routes: [...defaultRoutes],
    })
  })

  it('counts a follow-up pick without a moment from today in Amsterdam', async () => {
    clock.set('2026-03-02T23:30:00.000Z') // already 3 March in Amsterdam
    const jan = value<PersonDetail>(
      await api['people:create']({ firstName: 'Jan', followUpPick: '1y' }),
    )
    expect(jan.followUps).toMatchObject([{ source: 'pick', dueOn: '2027-03-03', status: 'open' }])
    clock.set('2026-03-02T09:30:00.000Z')
  })

  it('answers "not found" in Dutch for people it does not know', async () => {
    for (const [channel, input] of [
      ['people:get', { id: unknownId }],
      ['people:update', { id: unknownId, firstName: 'Jan' }],
      ['people:trash', { id: unknownId }],
      ['people:restore', { id: unknownId }],
      ['people:archive', { id: unknownId, archived: true }],
      ['moments:add', { personId: unknownId, date: '2026-03-01', channel: 'straat' }],
    ] as const) {
      expect(await api[channel](input), channel).toEqual({
        ok: false,
        error: {
          code: 'not_found',
          message: 'Deze bewoner bestaat niet (meer), of staat in de prullenbak.',
        },
      })
    }
  })

  it('refuses malformed ids and moments, and stores nothing', async () => {
    for (const [channel, input] of [
      ['people:get', { id: "1' OR '1'='1" }],
      ['people:trash', {}],
      ['moments:add', { personId: unknownId, date: '2026-13-01', channel: 'straat' }],
      ['moments:add', { personId: unknownId, date: '2026-03-01', channel: 'fax' }],
      ['people:archive', { id: unknownId, archived: 'yes' }],
      ['tags:list', { kind: 'diagnose' }],
      ['settings:update', { workerName: 42 }],
    ] as const) {
      const result = await api[channel](input)
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(await peopleCount()).toBe(0)
  })

  it('moves people through archive, trash and back', async () => {
    const jan = value<PersonDetail>(await api['people:create']({ firstName: 'Jan' }))
    await api['people:archive']({ id: jan.id, archived: true })
    expect(await peopleCount()).toBe(0)
    await api['people:archive']({ id: jan.id, archived: false })
    await api['people:trash']({ id: jan.id })
    expect(value<PeoplePage>(await api['people:list']({ scope: 'trash' })).total).toBe(1)
    await api['people:restore']({ id: jan.id })
    expect(await peopleCount()).toBe(1)
  })
})

describe('follow-ups', () => {
  const unknownId = '01900000-0000-7000-8000-000000000000'

  it('refuse a date and a pick together, neither, or a date that does not exist', async () => {
    const jan = value<PersonDetail>(await api['people:create']({ firstName: 'Jan' }))
    for (const input of [
      { personId: jan.id, dueOn: '2026-12-01', pick: '1w' },
      { personId: jan.id },
      { personId: jan.id, dueOn: '2026-02-30' },
      { personId: jan.id, pick: '2w' },
    ]) {
      expect(await api['followups:create'](input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
    expect(await api['followups:snooze']({ id: unknownId })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/Kies een datum of een termijn/),
      },
    })
    expect(value<PersonDetail>(await api['people:get']({ id: jan.id })).followUps).toEqual([])
  })

  it('answer unknown people and follow-ups in Dutch', async () => {
    expect(await api['followups:create']({ personId: unknownId, pick: '1w' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    for (const [channel, input] of [
      ['followups:done', { id: unknownId }],
      ['followups:snooze', { id: unknownId, by: '1m' }],
      ['followups:cancel', { id: unknownId }],
    ] as const) {
      expect(await api[channel](input), channel).toEqual({
        ok: false,
        error: {
          code: 'not_found',
          message: 'Deze opvolging bestaat niet (meer), of is al afgerond.',
        },
      })
    }
  })

  it('count from the clock: a pick "1w" made today is in "this week" or "later" of Vandaag', async () => {
    clock.set('2026-11-23T09:00:00.000Z') // a Monday
    const jan = value<PersonDetail>(await api['people:create']({ firstName: 'Jan' }))
    await api['followups:create']({ personId: jan.id, pick: '1w', reason: 'Bellen' })
    const view = value<TodayView>(await api['followups:today'](undefined))
    expect(view.today).toBe('2026-11-23')
    expect(view.groups.later.items).toMatchObject([{ dueOn: '2026-11-30', reason: 'Bellen' }])
    clock.set('2026-12-01T09:00:00.000Z')
    expect(value(await api['followups:summary'](undefined))).toEqual({ overdue: 1, today: 0 })
    clock.set('2026-03-02T09:30:00.000Z')
  })
})

describe('wijken', () => {
  it('are added and renamed, and everyone in a renamed wijk moves along', async () => {
    const jan = value<PersonDetail>(
      await api['people:create']({ firstName: 'Jan', wijk: 'Kerkebos' }),
    )
    const vollenhove = value<{ id: string }>(await api['wijken:create']({ name: 'Vollenhove' }))
    expect(vollenhove.id).toMatch(/^[0-9a-f-]{36}$/)
    const [kerkebos] = value<{ id: string; name: string }[]>(await api['wijken:list'](undefined))
    expect(kerkebos?.name).toBe('Kerkebos')
    await api['wijken:rename']({ id: kerkebos!.id, name: 'Kerckebosch' })
    expect(value<PersonDetail>(await api['people:get']({ id: jan.id })).wijk).toBe('Kerckebosch')
  })

  it('refuse a second wijk by the same name, whatever the case or accents', async () => {
    await api['wijken:create']({ name: 'Griffensteyn' })
    expect(await api['wijken:create']({ name: ' griffensteyn ' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Er is al een wijk die Griffensteyn heet.' },
    })
    const vollenhove = value<{ id: string }>(await api['wijken:create']({ name: 'Vollenhove' }))
    expect(await api['wijken:rename']({ id: vollenhove.id, name: 'GRIFFENSTEYN' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect(value<unknown[]>(await api['wijken:list'](undefined))).toHaveLength(2)
  })

  it('answer unknown ids and empty names in Dutch', async () => {
    expect(
      await api['wijken:rename']({ id: '01900000-0000-7000-8000-000000000000', name: 'Noord' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Deze wijk bestaat niet (meer).' },
    })
    expect(await api['wijken:create']({ name: '  ' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Controleer de invoer: Naam: Een wijk heeft een naam nodig.',
      },
    })
  })
})

describe('people:list', () => {
  it('refuses a page size out of range', async () => {
    for (const input of [
      { limit: 0 },
      { limit: 1.5 },
      { offset: -1 },
      { limit: '10' },
      { scope: 'deleted' },
    ]) {
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
