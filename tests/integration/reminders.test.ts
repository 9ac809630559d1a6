import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApi, type ApiTable } from '../../db/api'
import { openContext, type ApiContext } from '../../db/context'
import { dueMessage, startReminders } from '../../db/followups/reminders'
import type { PersonDetail } from '../../shared/person-detail'
import type { Result } from '../../shared/result'
import { nextAt, zonedInstant } from '../../shared/zoned'
import { makeTempDir, nodePlatform, TestClock, type TestPlatform } from '../support/platform'

describe('the daily reminder time, on her wall clock', () => {
  it('is 09:00 in Amsterdam in winter (08:00 UTC) and in summer (07:00 UTC)', () => {
    expect(zonedInstant('2026-01-15', '09:00').toISOString()).toBe('2026-01-15T08:00:00.000Z')
    expect(zonedInstant('2026-07-15', '09:00').toISOString()).toBe('2026-07-15T07:00:00.000Z')
  })

  it('comes the next morning at nine across the daylight-saving changes', () => {
    // Saturday 28 March 2026, 10:00 local: the clocks go forward that night.
    expect(nextAt(new Date('2026-03-28T09:00:00Z'), '09:00').toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    )
    // Saturday 24 October 2026, 10:00 local: the clocks go back that night.
    expect(nextAt(new Date('2026-10-24T08:00:00Z'), '09:00').toISOString()).toBe(
      '2026-10-25T08:00:00.000Z',
    )
  })

  it('is later today when the time has not come yet', () => {
    expect(nextAt(new Date('2026-11-26T06:00:00Z'), '09:00').toISOString()).toBe(
      '2026-11-26T08:00:00.000Z',
    )
    expect(nextAt(new Date('2026-11-26T08:00:00Z'), '09:00').toISOString()).toBe(
      '2026-11-27T08:00:00.000Z',
    )
  })
})

describe('the notification text', () => {
  it('counts in Dutch and says nothing when nothing is due', () => {
    expect(dueMessage({ today: 3, overdue: 2 })).toEqual({
      title: 'Sprokkelaar',
      body: '3 opvolgingen voor vandaag, 2 te laat',
    })
    expect(dueMessage({ today: 1, overdue: 0 })?.body).toBe('1 opvolging voor vandaag')
    expect(dueMessage({ today: 0, overdue: 0 })).toBeUndefined()
  })
})

describe('reminders while the app runs', () => {
  let dir: ReturnType<typeof makeTempDir>
  let platform: TestPlatform
  let ctx: ApiContext
  let api: ApiTable
  let clock: TestClock
  beforeEach(async () => {
    clock = new TestClock(new Date('2026-11-26T08:30:00.000Z')) // Thursday, 09:30 local
    dir = makeTempDir()
    platform = nodePlatform(dir.path, clock)
    ctx = await openContext(platform)
    api = createApi(ctx)
  })
  afterEach(async () => {
    await ctx.store.close()
    dir.remove()
  })
  const value = <T>(result: Result<unknown>) => (result as { value: T }).value

  it('notify at start with counts only, schedule the next at nine, and a click opens Vandaag', async () => {
    const fatima = value<PersonDetail>(
      await api['people:create']({
        firstName: 'Fatima',
        tussenvoegsel: 'el',
        lastName: 'Amrani',
        street: 'Kerkstraat',
      }),
    )
    await api['followups:create']({
      personId: fatima.id,
      dueOn: '2026-11-20',
      reason: 'Fatima bellen over de buurtmaaltijd',
    })
    await api['followups:create']({ personId: fatima.id, dueOn: '2026-11-26' })

    const scheduled: number[] = []
    let fire: (() => void) | undefined
    const stop = startReminders(ctx, {
      set: (run, ms) => {
        scheduled.push(ms)
        fire = run
        return 0 as unknown as ReturnType<typeof setTimeout>
      },
      clear: () => undefined,
    })
    await expect.poll(() => scheduled.length).toBe(1)
    expect(platform.notifications.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Sprokkelaar', body: '1 opvolging voor vandaag, 1 te laat' },
    ])
    const text = JSON.stringify(platform.notifications.map(({ title, body }) => [title, body]))
    for (const secret of ['Fatima', 'Amrani', 'Kerkstraat', 'buurtmaaltijd'])
      expect(text).not.toContain(secret)
    // Next: tomorrow, Friday 27 November, 09:00 in Amsterdam = 08:00 UTC, 23.5 hours on.
    expect(scheduled[0]).toBe(23.5 * 3600 * 1000)

    expect(value(await api['app:takeNavigation'](undefined))).toBeNull()
    platform.notifications[0]!.onClick?.()
    expect(value(await api['app:takeNavigation'](undefined))).toBe('today')
    expect(value(await api['app:takeNavigation'](undefined))).toBeNull()

    // The next morning it runs again and schedules the day after.
    clock.set('2026-11-27T08:00:00.000Z')
    fire?.()
    await expect.poll(() => scheduled.length).toBe(2)
    expect(platform.notifications).toHaveLength(2)
    expect(scheduled[1]).toBe(24 * 3600 * 1000)
    stop.stop()
  })

  it('follow the time set in settings', async () => {
    await api['settings:update']({ workerName: 'Meike', reminderTime: '13:15' })
    const scheduled: number[] = []
    const stop = startReminders(ctx, {
      set: (_run, ms) => {
        scheduled.push(ms)
        return 0 as unknown as ReturnType<typeof setTimeout>
      },
      clear: () => undefined,
    })
    await expect.poll(() => scheduled.length).toBe(1)
    expect(scheduled[0]).toBe((3 * 60 + 45) * 60 * 1000) // 09:30 → 13:15 the same day
    expect(platform.notifications).toEqual([]) // nothing due, nothing said
    stop.stop()
    expect(
      await api['settings:update']({ workerName: 'Meike', reminderTime: '25:00' }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Controleer de invoer: Herinneringstijd: Vul een tijd in zoals 09:00.' },
    })
  })
})
