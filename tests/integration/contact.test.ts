import { describe, expect, it } from 'vitest'
import type { TodayView } from '../../shared/followups'
import type { PersonDetail } from '../../shared/person-detail'
import { useApi, value } from '../support/api'

const t = useApi()

const create = async (fields: Record<string, unknown>) =>
  value<PersonDetail>(await t.api['people:create'](fields))

describe('contact opnemen', () => {
  it('opens her mail client, phone app or WhatsApp with a link built from what the ledger holds', async () => {
    const fatima = await create({
      firstName: 'Fatima',
      email: 'fatima@example.nl',
      phone: '06-12345678',
      followUpPick: '1w',
    })
    expect(fatima.reach).toEqual({ email: true, phone: true })
    for (const via of ['email', 'phone', 'whatsapp'] as const) {
      expect(value(await t.api['contact:open']({ personId: fatima.id, via }))).toEqual({ via })
    }
    expect(t.platform.opened).toEqual([
      'mailto:fatima@example.nl',
      'tel:+31612345678',
      'https://wa.me/31612345678',
    ])
    // Vandaag knows the ways too, without the addresses themselves.
    t.clock.set('2026-03-09T09:30:00.000Z')
    const today = value<TodayView>(await t.api['followups:today'](undefined))
    expect(today.groups.today.items[0]?.reach).toEqual({ email: true, phone: true })

    // It worked: a contact moment with that channel.
    value(await t.api['followups:done']({ id: today.groups.today.items[0]!.id, channel: 'email' }))
    const after = value<PersonDetail>(await t.api['people:get']({ id: fatima.id }))
    expect(after.moments.map((m) => m.channel)).toEqual(['email'])
  })

  it('opens nothing for a page that asks for more than a resident and a way', async () => {
    const piet = await create({ firstName: 'Piet' })
    expect(piet.reach).toEqual({ email: false, phone: false })
    expect(await t.api['contact:open']({ personId: piet.id, via: 'email' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('e-mailadres') },
    })
    for (const input of [
      { personId: piet.id, via: 'sms' },
      { personId: piet.id, via: 'email', url: 'javascript:alert(1)' },
      { url: 'file:///etc/passwd' },
      'mailto:x@y.nl',
    ]) {
      expect(await t.api['contact:open'](input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
    // A stored value that is no plain address (written straight into the store, as an old import
    // might have left it) opens nothing either.
    await t.ctx.store.db
      .updateTable('person')
      .set({ email: 'piet@example.nl\nBcc: iedereen@example.nl', phone: 'javascript:1' })
      .where('id', '=', piet.id)
      .execute()
    for (const via of ['email', 'phone', 'whatsapp'] as const) {
      expect((await t.api['contact:open']({ personId: piet.id, via })).ok).toBe(false)
    }
    expect(t.platform.opened).toEqual([])
  })
})
