import { describe, expect, it } from 'vitest'
import type { BulkOutcome, MailManyOutcome, MergeOutcome, PossibleDouble } from '../../shared/bulk'
import type { LateGroup, Settled, TodayView } from '../../shared/followups'
import type { PeopleSearchResult } from '../../shared/people-query'
import type { PeoplePage, Tag } from '../../shared/person'
import type { PersonDetail } from '../../shared/person-detail'
import type { PurposeConsent } from '../../shared/privacy'
import { bccLink, isOpenableLink } from '../../db/contact/links'
import { useApi, value } from '../support/api'
import { everyRow } from '../support/ledger-state'

const t = useApi()

const create = async (fields: Record<string, unknown>) =>
  value<PersonDetail>(await t.api['people:create'](fields))
const apply = async (selection: unknown, action: unknown) =>
  value<BulkOutcome>(await t.api['bulk:apply']({ selection, action }))
const undo = async (outcome: { undoId: string | null }) =>
  value<{ count: number }>(await t.api['bulk:undo']({ id: outcome.undoId }))
const get = (id: string) => t.api['people:get']({ id }).then((r) => value<PersonDetail>(r))
/** Open follow-ups Vandaag shows, in every group. */
const due = async () =>
  Object.values(value<TodayView>(await t.api['followups:today'](undefined)).groups).reduce(
    (sum, group) => sum + group.items.length,
    0,
  )
const search = async (query: string) =>
  value<PeopleSearchResult[]>(await t.api['people:search']({ query })).map(
    (r) => r.person.firstName,
  )

/** Five residents: three in Noord (one labelled "moestuin" already), two in Zuid. */
async function street() {
  const people = [
    await create({ firstName: 'Fatima', wijk: 'Noord', followUpPick: '1w' }),
    await create({
      firstName: 'Henk',
      wijk: 'Noord',
      tags: [{ kind: 'passion', name: 'Moestuin' }],
    }),
    await create({ firstName: 'Ans', wijk: 'Noord' }),
    await create({ firstName: 'Piet', wijk: 'Zuid' }),
    await create({ firstName: 'Joke', wijk: 'Zuid' }),
  ]
  const noord = people[0]!.wijk!
  const wijkId = value<{ id: string; name: string }[]>(await t.api['wijken:list'](undefined)).find(
    (w) => w.name === noord,
  )!.id
  return { people, noord: { scope: 'active', filter: { wijkId } } }
}

describe('bulk actions on a selection', () => {
  it('labels everyone a filter shows, counts only who changed, and undo takes back just that', async () => {
    const { people, noord } = await street()
    const before = await everyRow(t.ctx)
    const done = await apply(noord, { kind: 'label', tag: { kind: 'passion', name: 'moestuin' } })
    expect(done).toMatchObject({ kind: 'label', selected: 3, changed: 2 })
    expect((await search('moestuin')).sort()).toEqual(['Ans', 'Fatima', 'Henk'])
    // A new label, made by the action, goes with its undo.
    const buurt = await apply(noord, { kind: 'label', tag: { kind: 'theme', name: 'Buurtfeest' } })
    expect(buurt.changed).toBe(3)
    expect(await undo(buurt)).toEqual({ count: 3 })
    expect(await undo(done)).toEqual({ count: 2 })
    expect(await search('moestuin')).toEqual(['Henk'])
    const tags = value<Tag[]>(await t.api['tags:list']({}))
    expect(tags.map((tag) => tag.name)).toEqual(['Moestuin'])
    // Row for row as before, but the stamps of who was changed.
    const after = await everyRow(t.ctx)
    expect(after.person_tag).toEqual(before.person_tag)
    expect(after.tag).toEqual(before.tag)
    expect((await get(people[3]!.id)).tags).toEqual([])
    // Undo once: the second time it is gone.
    expect(await t.api['bulk:undo']({ id: done.undoId })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('ongedaan') },
    })
  })

  it('removes a label from ticked rows, and undo puts it back', async () => {
    const henk = await create({ firstName: 'Henk', tags: [{ kind: 'passion', name: 'Moestuin' }] })
    const tag = henk.tags[0]!
    const done = await apply({ ids: [henk.id] }, { kind: 'unlabel', tagId: tag.id })
    expect(done.changed).toBe(1)
    expect(await search('moestuin')).toEqual([])
    await undo(done)
    expect(await search('moestuin')).toEqual(['Henk'])
  })

  it('plans follow-ups, proposes to an initiative, archives and trashes, each with undo', async () => {
    const { people, noord } = await street()
    const ids = people.map((p) => p.id)
    const today0 = value<TodayView>(await t.api['followups:today'](undefined))
    const planned = await apply({ ids }, { kind: 'followUp', pick: '1w', reason: 'Buurtfeest' })
    expect(planned.changed).toBe(5)
    expect(await due()).toBe(6)
    // One she handled since stays handled.
    const mine = (await get(ids[3]!)).followUps.find((f) => f.reason === 'Buurtfeest')!
    value(await t.api['followups:done']({ id: mine.id }))
    expect(await undo(planned)).toEqual({ count: 4 })
    const left = await t.ctx.store.db
      .selectFrom('follow_up')
      .select(['person_id', 'status'])
      .where('reason', '=', 'Buurtfeest')
      .execute()
    expect(left).toEqual([{ person_id: ids[3], status: 'done' }])
    expect(value<TodayView>(await t.api['followups:today'](undefined)).groups).toEqual(
      today0.groups,
    )

    const walk = value<{ id: string }>(
      await t.api['initiatives:create']({ name: 'Wandelgroep', kind: 'activiteit' }),
    )
    value(
      await t.api['connections:create']({
        personId: ids[0],
        initiativeId: walk.id,
        date: '2026-03-01',
      }),
    )
    const proposed = await apply(noord, {
      kind: 'propose',
      initiativeId: walk.id,
      date: '2026-03-02',
    })
    expect(proposed.changed).toBe(2)
    expect((await get(ids[1]!)).connections.map((c) => c.status)).toEqual(['voorgesteld'])
    await undo(proposed)
    expect((await get(ids[1]!)).connections).toEqual([])
    expect((await get(ids[0]!)).connections).toHaveLength(1)

    const archived = await apply(noord, { kind: 'archive', archived: true })
    expect(archived.changed).toBe(3)
    const list = async (scope: string) =>
      value<PeoplePage>(await t.api['people:list']({ scope })).total
    expect([await list('active'), await list('archived')]).toEqual([2, 3])
    // Fatima's follow-up hides while she is archived.
    expect(await due()).toBe(0)
    await undo(archived)
    expect([await list('active'), await list('archived')]).toEqual([5, 0])
    expect(await due()).toBe(1)

    const trashed = await apply({ ids: ids.slice(3) }, { kind: 'trash' })
    expect(trashed.changed).toBe(2)
    expect([await list('active'), await list('trash')]).toEqual([3, 2])
    expect(await search('piet')).toEqual([])
    await undo(trashed)
    expect([await list('active'), await list('trash')]).toEqual([5, 0])
    expect(await search('piet')).toEqual(['Piet'])
  })

  it('records consent and a bewaartermijn for many at once, and undo restores each one’s own', async () => {
    const fatima = await create({
      firstName: 'Fatima',
      consentStatus: 'verbal',
      consentDate: '2026-01-10',
    })
    const henk = await create({ firstName: 'Henk' })
    const ids = [fatima.id, henk.id]
    const before = await everyRow(t.ctx)
    const given = await apply(
      { ids },
      { kind: 'consent', purpose: 'contact', given: true, date: '2026-03-02', how: 'schriftelijk' },
    )
    expect(given.changed).toBe(2)
    const contact = async (id: string) =>
      value<PurposeConsent[]>(await t.api['consent:list']({ id })).find(
        (c) => c.purpose === 'contact',
      )!
    expect((await contact(henk.id)).current?.how).toBe('schriftelijk')
    expect((await contact(fatima.id)).history).toHaveLength(2)
    await undo(given)
    const after = await everyRow(t.ctx)
    for (const table of ['consent', 'follow_up']) expect(after[table]).toEqual(before[table])
    expect((await get(fatima.id)).consentStatus).toBe(fatima.consentStatus)
    expect((await contact(henk.id)).current).toBeNull()

    expect(
      await t.api['bulk:apply']({
        selection: { ids },
        action: { kind: 'keep', until: '2026-01-01', reason: 'Lopend traject' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const kept = await apply(
      { ids },
      { kind: 'keep', until: '2027-03-01', reason: 'Lopend traject' },
    )
    expect(kept.changed).toBe(2)
    await undo(kept)
    const rows = await t.ctx.store.db.selectFrom('person').select(['keep_until']).execute()
    expect(rows.map((r) => r.keep_until)).toEqual([null, null])
  })

  it('refuses what it cannot do with a Dutch message, and leaves the ledger as it was', async () => {
    const { people } = await street()
    const before = await everyRow(t.ctx)
    for (const input of [
      { selection: { ids: [] }, action: { kind: 'trash' } },
      { selection: { ids: [people[0]!.id] }, action: { kind: 'explode' } },
      { selection: { scope: 'trash', filter: {} }, action: { kind: 'trash' } },
      { selection: { ids: ['not-an-id'] }, action: { kind: 'trash' } },
      {
        selection: { ids: [people[0]!.id] },
        action: { kind: 'label', tag: { kind: 'x', name: 'y' } },
      },
    ]) {
      expect(await t.api['bulk:apply'](input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
    expect(
      await t.api['bulk:apply']({
        selection: { ids: people.map((p) => p.id) },
        action: { kind: 'propose', initiativeId: people[0]!.id, date: '2026-03-02' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('initiatief') },
    })
    // Every refusal left the ledger row for row as it was.
    expect(await everyRow(t.ctx)).toEqual(before)
    // Nobody selected any more (all in the trash): nothing to do, said so.
    const all = people.map((p) => p.id)
    await apply({ ids: all }, { kind: 'trash' })
    expect(
      await t.api['bulk:apply']({ selection: { ids: all }, action: { kind: 'trash' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('Kies eerst bewoners') },
    })
  })
})

describe('one mail to many, as BCC', () => {
  it('puts every usable address in BCC, none in To or CC, and says who had none', async () => {
    const fatima = await create({ firstName: 'Fatima', email: 'fatima@example.nl' })
    const henk = await create({ firstName: 'Henk', email: 'henk@example.nl' })
    const piet = await create({ firstName: 'Piet' })
    // An address as an old import may have left it: never a header.
    await t.ctx.store.db
      .updateTable('person')
      .set({ email: 'piet@example.nl\nCc: iedereen@example.nl' })
      .where('id', '=', piet.id)
      .execute()
    value(await t.api['settings:update']({ workerName: 'Sanne', reminderTime: '09:00' }))
    const sent = value<MailManyOutcome>(
      await t.api['contact:mailMany']({
        selection: { ids: [fatima.id, henk.id, piet.id] },
        templateId: 'initiatief',
      }),
    )
    expect(sent).toEqual({ sent: 2, without: 1 })
    const [url] = t.platform.opened
    expect(url).toMatch(/^mailto:\?bcc=fatima@example\.nl,henk@example\.nl&subject=/)
    expect(isOpenableLink(url!)).toBe(true)
    const body = decodeURIComponent(new URL(url!).searchParams.get('body') ?? '')
    expect(body).toContain('Beste allemaal')
    expect(body).toContain('Sanne')
    expect(url).not.toMatch(/iedereen|[?&](to|cc)=/i)
  })

  it('refuses a selection with too many addresses for one mail, or none', async () => {
    const piet = await create({ firstName: 'Piet' })
    expect(await t.api['contact:mailMany']({ selection: { ids: [piet.id] } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('e-mailadres') },
    })
    const many = []
    for (let i = 0; i < 51; i++)
      many.push((await create({ firstName: `Bewoner${i}`, email: `b${i}@example.nl` })).id)
    expect(await t.api['contact:mailMany']({ selection: { ids: many } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('ten hoogste 50') },
    })
    expect(t.platform.opened).toEqual([])
  })

  it('lets the shell open only the BCC shape it builds', () => {
    expect(bccLink(['a@example.nl', 'b@example.nl'])).toBe('mailto:?bcc=a@example.nl,b@example.nl')
    expect(bccLink(['a@example.nl', 'b@example.nl&cc=c@example.nl'])).toBeNull()
    expect(bccLink([])).toBeNull()
    for (const hostile of [
      'mailto:?bcc=a@example.nl&cc=b@example.nl',
      'mailto:?to=a@example.nl',
      'mailto:?bcc=a@example.nl%0ACc:b@example.nl',
      'mailto:?bcc=a@example.nl,,b@example.nl',
      'mailto:a@example.nl?bcc=b@example.nl',
      'mailto:?bcc=javascript:alert(1)',
    ]) {
      expect(isOpenableLink(hostile), hostile).toBe(false)
    }
  })
})

describe('merging two records of one resident', () => {
  async function twice() {
    const walk = value<{ id: string }>(
      await t.api['initiatives:create']({ name: 'Wandelgroep', kind: 'activiteit' }),
    )
    const first = await create({
      firstName: 'Fatima',
      lastName: 'el Amrani',
      phone: '06-12345678',
      wish: 'Wandelen',
      consentStatus: 'verbal',
      consentDate: '2026-01-10',
      tags: [{ kind: 'passion', name: 'Wandelen' }],
      moment: { date: '2026-01-10', channel: 'portiek', note: 'Eerste keer' },
      followUpPick: '1m',
    })
    t.clock.set('2026-03-03T09:30:00.000Z')
    const second = await create({
      firstName: 'Fatima',
      lastName: 'El Amrani',
      phone: '0612345678',
      email: 'fatima@example.nl',
      street: 'Kerkstraat',
      houseNumber: '12',
      consentStatus: 'written',
      consentDate: '2026-03-03',
      tags: [{ kind: 'theme', name: 'Taal' }],
      moment: { date: '2026-03-03', channel: 'telefoon', note: 'Belde zelf' },
    })
    value(
      await t.api['connections:create']({
        personId: second.id,
        initiativeId: walk.id,
        date: '2026-03-03',
      }),
    )
    value(
      await t.api['consent:record']({
        personId: second.id,
        purpose: 'share',
        given: true,
        date: '2026-03-03',
        how: 'mondeling',
      }),
    )
    const namesake = await create({
      firstName: 'Fatima',
      lastName: 'el Amrani',
      phone: '0687654321',
    })
    return { first, second, namesake }
  }

  it('lists the pair as "mogelijk dubbel" (never a namesake by name alone), merges with her picks, and undo restores both', async () => {
    const { first, second, namesake } = await twice()
    const doubles = value<PossibleDouble[]>(await t.api['people:doubles'](undefined))
    expect(doubles).toHaveLength(1)
    expect(new Set([doubles[0]!.a.id, doubles[0]!.b.id])).toEqual(new Set([first.id, second.id]))
    expect(doubles[0]!.reasons).toEqual(['phone'])
    expect(JSON.stringify(doubles)).not.toContain(namesake.id)
    // On his page: the other record, from his side; none for the namesake.
    const ofSecond = value<PossibleDouble[]>(await t.api['people:doublesOf']({ id: second.id }))
    expect(ofSecond.map((pair) => [pair.a.id, pair.b.id, pair.reasons])).toEqual([
      [second.id, first.id, ['phone']],
    ])
    expect(value(await t.api['people:doublesOf']({ id: namesake.id }))).toEqual([])

    const before = await everyRow(t.ctx)
    const merged = value<MergeOutcome>(
      await t.api['people:merge']({
        keepId: first.id,
        otherId: second.id,
        fromOther: ['email', 'street', 'houseNumber', 'lastName'],
      }),
    )
    // His follow-ups are the renewals of his two consents.
    expect(merged.moved).toEqual({ moments: 1, followUps: 2, connections: 1, consents: 2 })
    const one = await get(first.id)
    expect(one).toMatchObject({
      lastName: 'El Amrani',
      email: 'fatima@example.nl',
      street: 'Kerkstraat',
      wish: 'Wandelen',
      lastContactOn: '2026-03-03',
      // Her newer decision (on the second record) is the one that counts.
      consentStatus: 'written',
      consentDate: '2026-03-03',
    })
    expect(one.tags.map((tag) => tag.name).sort()).toEqual(['Taal', 'Wandelen'])
    expect(one.moments.map((m) => m.note)).toEqual(['Belde zelf', 'Eerste keer'])
    expect(one.connections).toHaveLength(1)
    expect(await t.api['people:get']({ id: second.id })).toMatchObject({ ok: false })
    // One current decision per purpose.
    const consents = value<PurposeConsent[]>(await t.api['consent:list']({ id: first.id }))
    expect(consents.find((c) => c.purpose === 'share')?.current?.given).toBe(true)
    expect(consents.find((c) => c.purpose === 'contact')?.history).toHaveLength(2)
    const current = await t.ctx.store.db
      .selectFrom('consent')
      .select(['purpose'])
      .where('person_id', '=', first.id)
      .where('current', '=', 1)
      .execute()
    expect(new Set(current.map((c) => c.purpose)).size).toBe(current.length)
    // Search knows one Fatima at the Kerkstraat, not two.
    expect(await search('kerkstraat')).toEqual(['Fatima'])
    expect(value<PossibleDouble[]>(await t.api['people:doubles'](undefined))).toEqual([])

    expect(await undo(merged)).toEqual({ count: 2 })
    const after = await everyRow(t.ctx)
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table])
    expect((await search('kerkstraat')).length).toBe(1)
  })

  it('will not undo a merge after the kept record changed, and never merges one record with itself', async () => {
    const { first, second } = await twice()
    const merged = value<MergeOutcome>(
      await t.api['people:merge']({ keepId: second.id, otherId: first.id, fromOther: [] }),
    )
    t.clock.set('2026-03-04T09:30:00.000Z')
    value(await t.api['people:archive']({ id: second.id, archived: true }))
    const refused = await t.api['bulk:undo']({ id: merged.undoId })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(
      await t.api['people:merge']({ keepId: second.id, otherId: second.id, fromOther: [] }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('Vandaag: all late follow-ups of one wijk or label at once', () => {
  it('moves or closes a group’s late ones in one go, lists the groups, and undo puts back what she left alone', async () => {
    const noord = [
      await create({ firstName: 'Fatima', wijk: 'Noord', followUpPick: '1w' }),
      await create({ firstName: 'Henk', wijk: 'Noord', followUpPick: '1w' }),
      await create({
        firstName: 'Ans',
        wijk: 'Noord',
        followUpPick: '1w',
        tags: [{ kind: 'passion', name: 'Moestuin' }],
      }),
    ]
    const piet = await create({
      firstName: 'Piet',
      wijk: 'Zuid',
      followUpPick: '1w',
      tags: [{ kind: 'passion', name: 'Moestuin' }],
    })
    // A month later, all four are late.
    t.clock.set('2026-04-02T09:30:00.000Z')
    const groups = value<LateGroup[]>(await t.api['followups:lateGroups'](undefined))
    expect(groups.map((g) => [g.kind, g.name, g.count])).toEqual([
      ['wijk', 'Noord', 3],
      ['tag', 'Moestuin', 2],
    ])
    const before = await everyRow(t.ctx)
    const moved = value<Settled>(
      await t.api['followups:settleLate']({
        group: { wijkId: groups[0]!.id },
        action: 'move',
        by: '1w',
      }),
    )
    expect(moved.count).toBe(3)
    const today = value<TodayView>(await t.api['followups:today'](undefined))
    expect(today.groups.overdue.items.map((item) => item.person.firstName)).toEqual(['Piet'])
    // One she handled since stays handled; the others go back, their timeline lines with them.
    const fatima = (await get(noord[0]!.id)).followUps[0]!
    value(await t.api['followups:done']({ id: fatima.id }))
    expect(await undo(moved)).toEqual({ count: 2 })
    const after = value<TodayView>(await t.api['followups:today'](undefined))
    expect(after.groups.overdue.items.map((item) => item.person.firstName).sort()).toEqual([
      'Ans',
      'Henk',
      'Piet',
    ])
    expect((await get(noord[1]!.id)).events).toEqual([])

    const closed = value<Settled>(
      await t.api['followups:settleLate']({ group: { tagId: groups[1]!.id }, action: 'close' }),
    )
    expect(closed.count).toBe(2)
    expect((await get(piet.id)).followUps.filter((f) => f.status === 'open')).toEqual([])
    await undo(closed)
    expect((await get(piet.id)).followUps.map((f) => f.status)).toEqual(['open'])
    // What stays on the timelines is Fatima's: her move, then her follow-up done.
    expect((await everyRow(t.ctx)).person_event!.length).toBe(before.person_event!.length + 2)

    // A move needs a date or a pick; a group that does not exist has nothing late.
    expect(
      await t.api['followups:settleLate']({ group: { tagId: groups[1]!.id }, action: 'move' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(
      value<Settled>(
        await t.api['followups:settleLate']({
          group: { wijkId: piet.id },
          action: 'close',
        }),
      ),
    ).toEqual({ count: 0, undoId: null })
  })
})
