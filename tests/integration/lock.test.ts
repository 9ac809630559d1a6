import { describe, expect, it } from 'vitest'
import { createApi } from '../../db/api'
import { openContext } from '../../db/context'
import { getSetting } from '../../db/ledger/settings'
import { scryptParameters } from '../../db/lock/lock'
import { channelNames } from '../../shared/channels'
import type { LockState } from '../../shared/lock'
import type { Settings } from '../../shared/contract'
import type { PeoplePage } from '../../shared/person'
import type { PersonDetail } from '../../shared/person-detail'
import { useApi, value } from '../support/api'

const t = useApi()

const state = async () => value<LockState>(await t.api['lock:state'](undefined))

describe('the app lock', () => {
  it('while locked, every channel but the lock’s own answers "locked" in Dutch and changes nothing', async () => {
    const jan = value<PersonDetail>(await t.api['people:create']({ firstName: 'Jan' }))
    value(await t.api['lock:set']({ pin: '4826', idleMinutes: 5 }))
    // She just set it: not locked until she locks it or goes away.
    expect(await state()).toEqual({ enabled: true, locked: false, idleMinutes: 5 })
    value(await t.api['lock:lock'](undefined))

    for (const channel of channelNames) {
      if (channel === 'lock:state' || channel === 'lock:unlock') continue
      // Valid input or not: the lock answers before anything reads it. The writes get input they
      // would carry out, so that "nothing changed" below means something.
      const valid: Partial<Record<string, unknown>> = {
        'people:get': { id: jan.id },
        'people:create': { firstName: 'Piet' },
        'people:trash': { id: jan.id },
        'privacy:erase': { ids: [jan.id] },
        'settings:update': { workerName: 'Iemand anders' },
        'lock:remove': { currentPin: '4826' },
      }
      const input = valid[channel] ?? {}
      const result = await t.api[channel](input)
      expect(result, channel).toEqual({
        ok: false,
        error: {
          code: 'locked',
          message: 'Sprokkelaar is vergrendeld. Ontgrendel met je pincode of wachtwoord.',
        },
      })
    }
    expect(await state()).toEqual({ enabled: true, locked: true, idleMinutes: 5 })

    expect(await t.api['lock:unlock']({ pin: '0000' })).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Dat is niet de juiste pincode of het juiste wachtwoord.',
      },
    })
    expect((await state()).locked).toBe(true)
    expect(value<LockState>(await t.api['lock:unlock']({ pin: '4826' })).locked).toBe(false)
    // Nothing the locked calls asked for happened.
    expect(value<PersonDetail>(await t.api['people:get']({ id: jan.id })).deletedAt).toBeNull()
    expect(value<PeoplePage>(await t.api['people:list']({})).total).toBe(1)
    expect(value<Settings>(await t.api['settings:get'](undefined)).workerName).toBeNull()
    expect((await state()).enabled).toBe(true)
  })

  it('locks itself after her idle minutes, and starts locked', async () => {
    value(await t.api['lock:set']({ pin: 'geheim wachtwoord', idleMinutes: 10 }))
    t.platform.idle.seconds = 9 * 60
    expect((await t.api['people:list']({})).ok).toBe(true)
    t.platform.idle.seconds = 10 * 60
    expect(await t.api['people:list']({})).toMatchObject({ ok: false, error: { code: 'locked' } })
    t.platform.idle.seconds = 0
    // Back at her desk: still locked until she unlocks.
    expect((await state()).locked).toBe(true)
    value(await t.api['lock:unlock']({ pin: 'geheim wachtwoord' }))

    // The next morning: the app starts locked.
    const next = await openContext(t.platform)
    try {
      const api = createApi(next)
      expect(await api['people:list']({})).toMatchObject({ ok: false, error: { code: 'locked' } })
    } finally {
      await next.store.close()
    }
  })

  it('after five wrong tries unlocking waits a minute, even with the right pincode', async () => {
    value(await t.api['lock:set']({ pin: '4826', idleMinutes: 5 }))
    value(await t.api['lock:lock'](undefined))
    for (let i = 0; i < 4; i++) {
      expect(await t.api['lock:unlock']({ pin: `000${i}` })).toMatchObject({
        error: { message: 'Dat is niet de juiste pincode of het juiste wachtwoord.' },
      })
    }
    const wait = 'Te vaak een verkeerde pincode. Probeer het over een minuut opnieuw.'
    expect(await t.api['lock:unlock']({ pin: '0009' })).toMatchObject({ error: { message: wait } })
    expect(await t.api['lock:unlock']({ pin: '4826' })).toMatchObject({ error: { message: wait } })
    t.clock.set(new Date(t.clock.now().getTime() + 61_000))
    expect(value<LockState>(await t.api['lock:unlock']({ pin: '4826' })).locked).toBe(false)
  }, 30_000)

  it('keeps no pincode, only a scrypt hash; changing or removing it needs the current one', async () => {
    value(await t.api['lock:set']({ pin: '4826', idleMinutes: 5 }))
    const stored = (await getSetting(t.ctx.store.db, 'lockHash'))!
    expect(stored).not.toContain('4826')
    const { N, r, p } = scryptParameters
    expect(stored).toMatch(
      new RegExp(`^scrypt\\$${N}\\$${r}\\$${p}\\$[0-9a-f]{32}\\$[0-9a-f]{64}$`),
    )
    expect(await t.api['lock:set']({ pin: '1111', idleMinutes: 5 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await t.api['lock:remove']({ currentPin: '1111' })).toMatchObject({ ok: false })
    expect(value<LockState>(await t.api['lock:remove']({ currentPin: '4826' }))).toEqual({
      enabled: false,
      locked: false,
      idleMinutes: null,
    })
    // Without a lock, going away locks nothing.
    t.platform.idle.seconds = 24 * 3600
    expect((await t.api['people:list']({})).ok).toBe(true)
    expect(await t.api['lock:set']({ pin: '12', idleMinutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })
})
