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

  it('fills in one of her templates: his name, the follow-up’s reason, her name, the initiative', async () => {
    value(await t.api['settings:update']({ workerName: 'Sanne', reminderTime: '09:00' }))
    const fatima = await create({
      firstName: 'Fatima',
      email: 'fatima@example.nl',
      followUpPick: '1y',
      followUpReason: 'na haar pensioen',
    })
    const walk = value<{ id: string }>(
      await t.api['initiatives:create']({ name: 'Wandelgroep', kind: 'activiteit' }),
    )
    value(
      await t.api['connections:create']({
        personId: fatima.id,
        initiativeId: walk.id,
        date: '2026-03-01',
      }),
    )
    const followUpId = fatima.followUps[0]!.id
    value(
      await t.api['contact:open']({ personId: fatima.id, via: 'email', templateId: 'initiatief' }),
    )
    value(
      await t.api['contact:open']({
        personId: fatima.id,
        via: 'email',
        templateId: 'terugkomen',
        followUpId,
      }),
    )
    const [walkMail, promised] = t.platform.opened.map((url) => new URL(url))
    expect(walkMail!.searchParams.get('subject')).toBe('Hoe gaat het bij Wandelgroep?')
    expect(walkMail!.searchParams.get('body')).toContain('Beste Fatima,')
    expect(walkMail!.searchParams.get('body')).toContain('Sanne')
    expect(promised!.searchParams.get('body')).toContain(
      'Zoals afgesproken kom ik bij je terug: na haar pensioen.',
    )

    // Her own template, with what would be headers in a raw mailto: it stays text.
    value(
      await t.api['templates:save']({
        templates: [
          {
            id: 'eigen',
            name: 'Eigen',
            subject: 'Hoi {{voornaam}}\r\nBcc: iedereen@example.nl',
            body: 'Tot gauw & groet?cc=x@y.nl',
          },
        ],
      }),
    )
    value(await t.api['contact:open']({ personId: fatima.id, via: 'email', templateId: 'eigen' }))
    const own = t.platform.opened.at(-1)!
    expect(own).not.toMatch(/[\r\n]/)
    expect(new URL(own).searchParams.get('subject')).toBe('Hoi Fatima\r\nBcc: iedereen@example.nl')
    expect(new URL(own).searchParams.get('cc')).toBeNull()
    expect(new URL(own).pathname).toBe('fatima@example.nl')
    // A template that is gone, and an unnamed one: refused in Dutch.
    expect(
      await t.api['contact:open']({ personId: fatima.id, via: 'email', templateId: 'pensioen' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(
      await t.api['templates:save']({ templates: [{ id: 'x', name: ' ', subject: '', body: '' }] }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
