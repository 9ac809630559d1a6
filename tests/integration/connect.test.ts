import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { weights } from '../../db/connect/scoring'
import type {
  Connection,
  Initiative,
  InitiativeMatches,
  InitiativeSummary,
  PersonSuggestions,
} from '../../shared/connect'
import type { TodayView } from '../../shared/followups'
import type { NewPersonInput } from '../../shared/person'
import type { PersonDetail } from '../../shared/person-detail'
import { useApi, value } from '../support/api'

const t = useApi()
const person = async (input: NewPersonInput) =>
  value<PersonDetail>(await t.api['people:create'](input))

const passion = (name: string) => ({ kind: 'passion' as const, name })

/**
 * A small wijk, each resident with one thing to test: a passion and the right morning, a need,
 * words in "wil", the wrong day, "beschikbaar vanaf" to come, another passion, archived.
 */
async function smallWijk() {
  const ans = await person({
    firstName: 'Ans',
    lastName: 'Bakker',
    wijk: 'Noord',
    tags: [passion('Wandelen')],
    availability: ['tue-morning', 'thu-morning'],
    consentStatus: 'written',
  })
  const bram = await person({
    firstName: 'Bram',
    lastName: 'Smit',
    wijk: 'Zuid',
    tags: [{ kind: 'need', name: 'wandelen' }],
    availability: ['tue-morning'],
  })
  const carla = await person({
    firstName: 'Carla',
    lastName: 'Visser',
    wijk: 'Noord',
    wish: 'Graag wandelen in het park',
  })
  const dirk = await person({
    firstName: 'Dirk',
    lastName: 'Jansen',
    wijk: 'Noord',
    tags: [passion('wandelen')],
    availability: ['thu-evening'],
  })
  const eva = await person({
    firstName: 'Eva',
    lastName: 'Mulder',
    tags: [passion('wandelen')],
    availableFrom: '2026-05-01',
  })
  const fenna = await person({ firstName: 'Fenna', tags: [passion('koken')] })
  const gert = await person({ firstName: 'Gert', tags: [passion('wandelen')] })
  value(await t.api['people:archive']({ id: gert.id, archived: true }))
  return { ans, bram, carla, dirk, eva, fenna, gert }
}

async function walkingGroup(extra: Record<string, unknown> = {}) {
  return value<Initiative>(
    await t.api['initiatives:create']({
      name: 'Wandelgroep De Stappers',
      kind: 'activiteit',
      wijk: 'Noord',
      themes: ['wandelen'],
      meets: ['tue-morning'],
      meetsNote: 'Verzamelen bij de kerk',
      lookingFor: 'Zoekt: iemand die de route wil uitzetten',
      ...extra,
    }),
  )
}

describe('initiatives', () => {
  it('stores an initiative with themes from the same tags as people, and finds it', async () => {
    const { ans } = await smallWijk()
    const group = await walkingGroup({ contactPersonId: ans.id })
    expect(group).toMatchObject({
      name: 'Wandelgroep De Stappers',
      kind: 'activiteit',
      wijk: 'Noord',
      themes: ['Wandelen'],
      meets: ['tue-morning'],
      status: 'actief',
      contactPerson: { id: ans.id, name: 'Ans Bakker' },
    })
    // "wandelen" is Ans's passion tag, written "Wandelen": one tag, not a second one.
    const tags = await sql<{
      n: number
    }>`SELECT count(*) AS n FROM tag WHERE name_key = 'wandelen'`.execute(t.ctx.store.db)
    expect(tags.rows[0]?.n).toBe(2) // the passion and the need (Bram), no new theme
    value(await t.api['initiatives:create']({ name: 'Taalcafé', kind: 'plek', themes: ['taal'] }))
    const found = value<InitiativeSummary[]>(await t.api['initiatives:list']({ query: 'stapers' }))
    expect(found.map((i) => i.name)).toEqual(['Wandelgroep De Stappers'])
    const byTheme = value<InitiativeSummary[]>(await t.api['initiatives:list']({ query: 'taal' }))
    expect(byTheme.map((i) => i.name)).toEqual(['Taalcafé'])
    const all = value<InitiativeSummary[]>(await t.api['initiatives:list']({}))
    expect(all.map((i) => i.name)).toEqual(['Taalcafé', 'Wandelgroep De Stappers'])

    const stopped = value<Initiative>(
      await t.api['initiatives:update']({
        id: group.id,
        name: group.name,
        kind: group.kind,
        wijk: 'Noord',
        themes: group.themes,
        meets: group.meets,
        status: 'gestopt',
        contactPersonId: '',
      }),
    )
    expect(stopped).toMatchObject({ status: 'gestopt', contactPerson: null })
    expect(
      value<InitiativeSummary[]>(await t.api['initiatives:list']({})).map((i) => i.name),
    ).toEqual(['Taalcafé'])
    expect(
      value<InitiativeSummary[]>(
        await t.api['initiatives:list']({ status: 'gestopt', query: 'wandel' }),
      ),
    ).toHaveLength(1)
  })

  it('refuses what is not an initiative, in Dutch', async () => {
    expect(await t.api['initiatives:create']({ name: ' ', kind: 'activiteit' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('Een initiatief heeft een naam nodig.'),
      },
    })
    expect(await t.api['initiatives:create']({ name: 'X', kind: 'feest' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(
      await t.api['initiatives:create']({
        name: 'X',
        kind: 'plek',
        contactPersonId: '0190d5c2-0000-7000-8000-000000000000',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(
      await t.api['initiatives:get']({ id: '0190d5c2-0000-7000-8000-000000000000' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Dit initiatief bestaat niet (meer).' },
    })
  })
})

describe('matching an initiative', () => {
  it('ranks who fits, with the reasons, and puts "straks beschikbaar" apart', async () => {
    const { ans, bram, carla, dirk, eva } = await smallWijk()
    const group = await walkingGroup()
    const matches = value<InitiativeMatches>(await t.api['initiatives:match']({ id: group.id }))
    expect(matches.now.map((m) => [m.person.firstName, m.score])).toEqual([
      ['Ans', weights.tag.passion + weights.time + weights.wijk],
      ['Bram', weights.tag.need + weights.time],
      ['Dirk', weights.tag.passion + weights.noTime + weights.wijk],
      ['Carla', weights.text.wish + weights.wijk],
    ])
    expect(matches.now[0]).toMatchObject({
      person: { id: ans.id },
      reasons: [
        { kind: 'tag', tagKind: 'passion', name: 'Wandelen' },
        { kind: 'time', slots: ['tue-morning'] },
        { kind: 'wijk', name: 'Noord' },
      ],
    })
    expect(matches.now[1]?.person.id).toBe(bram.id)
    // Dirk wrote "wandelen", the same tag as Ans's: named as first written.
    expect(matches.now[2]?.reasons).toEqual([
      { kind: 'tag', tagKind: 'passion', name: 'Wandelen' },
      { kind: 'wijk', name: 'Noord' },
    ])
    expect(matches.now[3]).toMatchObject({
      person: { id: carla.id },
      reasons: [
        { kind: 'text', field: 'wish', word: 'Wandelen' },
        { kind: 'wijk', name: 'Noord' },
      ],
    })
    expect(matches.soon).toMatchObject([{ person: { id: eva.id }, availableFrom: '2026-05-01' }])
    expect(dirk.id).toBe(matches.now[2]?.person.id)
  })

  it('filters by wijk and consent, and is the same every time', async () => {
    const { ans } = await smallWijk()
    const group = await walkingGroup()
    const noord = value<InitiativeMatches>(
      await t.api['initiatives:match']({
        id: group.id,
        wijkId: ans.tags.length ? await wijkId('Noord') : '',
      }),
    )
    expect(noord.now.map((m) => m.person.firstName)).toEqual(['Ans', 'Dirk', 'Carla'])
    const onlyGiven = async () =>
      value<InitiativeMatches>(await t.api['initiatives:match']({ id: group.id, consent: 'given' }))
    // Her written consent to keep in touch is not consent to share her details with an initiative.
    expect((await onlyGiven()).now).toEqual([])
    value(
      await t.api['consent:record']({
        personId: ans.id,
        purpose: 'share',
        given: true,
        date: '2026-03-01',
        how: 'schriftelijk',
      }),
    )
    expect((await onlyGiven()).now.map((m) => m.person.firstName)).toEqual(['Ans'])
    const again = value<InitiativeMatches>(await t.api['initiatives:match']({ id: group.id }))
    const once = value<InitiativeMatches>(await t.api['initiatives:match']({ id: group.id }))
    expect(again).toEqual(once)
  })

  it('breaks ties by name, then leaves out who is already connected until it stops', async () => {
    const a = await person({ firstName: 'Zoë', lastName: 'Aalders', tags: [passion('koken')] })
    const b = await person({ firstName: 'Anna', lastName: 'Zwart', tags: [passion('koken')] })
    const kitchen = value<Initiative>(
      await t.api['initiatives:create']({
        name: 'Buurtkeuken',
        kind: 'activiteit',
        themes: ['koken'],
      }),
    )
    const first = value<InitiativeMatches>(await t.api['initiatives:match']({ id: kitchen.id }))
    expect(first.now.map((m) => m.person.id)).toEqual([a.id, b.id])
    const connection = value<Connection>(
      await t.api['connections:create']({
        personId: a.id,
        initiativeId: kitchen.id,
        date: '2026-03-02',
      }),
    )
    const after = value<InitiativeMatches>(await t.api['initiatives:match']({ id: kitchen.id }))
    expect(after.now.map((m) => m.person.id)).toEqual([b.id])
    value(
      await t.api['connections:setStatus']({
        id: connection.id,
        status: 'gestopt',
        date: '2026-03-09',
        reason: 'Te ver weg',
      }),
    )
    const stopped = value<InitiativeMatches>(await t.api['initiatives:match']({ id: kitchen.id }))
    expect(stopped.now.map((m) => m.person.id)).toEqual([a.id, b.id])
  })

  it('finds nothing for an initiative without themes, and refuses an unknown one', async () => {
    await smallWijk()
    const empty = value<Initiative>(
      await t.api['initiatives:create']({ name: 'Leeg', kind: 'plek' }),
    )
    expect(value(await t.api['initiatives:match']({ id: empty.id }))).toEqual({ now: [], soon: [] })
    expect(await t.api['initiatives:match']({ id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })

  async function wijkId(name: string) {
    const wijken = value<{ id: string; name: string }[]>(await t.api['wijken:list'](undefined))
    return wijken.find((w) => w.name === name)!.id
  }
})

describe('suggestions for a person', () => {
  it('shows initiatives that fit her and residents who share a passion', async () => {
    const { ans, dirk, eva } = await smallWijk()
    const group = await walkingGroup()
    value(
      await t.api['initiatives:create']({
        name: 'Buurtkeuken',
        kind: 'activiteit',
        themes: ['koken'],
      }),
    )
    const suggestions = value<PersonSuggestions>(await t.api['people:suggestions']({ id: ans.id }))
    expect(suggestions.initiatives).toEqual([
      {
        initiative: expect.objectContaining({ id: group.id, name: 'Wandelgroep De Stappers' }),
        score: weights.tag.passion + weights.time + weights.wijk,
        reasons: [
          { kind: 'tag', tagKind: 'passion', name: 'Wandelen' },
          { kind: 'time', slots: ['tue-morning'] },
          { kind: 'wijk', name: 'Noord' },
        ],
      },
    ])
    expect(suggestions.people.map((p) => [p.person.id, p.shared])).toEqual([
      [dirk.id, ['Wandelen']],
      [eva.id, ['Wandelen']],
    ])
  })
})

describe('connections', () => {
  it('asks at the connection’s follow-up what it brought, and nowhere else', async () => {
    const { ans } = await smallWijk()
    const group = await walkingGroup()
    const made = value<Connection>(
      await t.api['connections:create']({
        personId: ans.id,
        initiativeId: group.id,
        date: '2026-03-02',
        followUpOn: '2026-03-02',
      }),
    )
    const followUps = value<PersonDetail>(await t.api['people:get']({ id: ans.id })).followUps
    const asking = followUps.find((f) => f.connectionId === made.id)!
    const other = followUps.find((f) => f.connectionId === null)!
    // Vandaag knows which follow-up asks after a connection.
    const today = value<TodayView>(await t.api['followups:today'](undefined))
    expect(today.groups.today.items.map((f) => [f.id, f.connectionId])).toEqual([
      [asking.id, made.id],
    ])

    // An answer on a follow-up that is not a connection's: refused, nothing written.
    const before = await sql<{ n: number }>`SELECT count(*) AS n FROM contact_moment`.execute(
      t.ctx.store.db,
    )
    expect(
      await t.api['followups:done']({ id: other.id, outcome: { going: 'yes', metPeople: 'no' } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Deze opvolging hoort niet bij een verbinding; er is niets vastgelegd.',
      },
    })
    // An answer outside the three points: refused in Dutch.
    expect(
      await t.api['followups:done']({
        id: asking.id,
        outcome: { going: 'misschien', metPeople: 'no' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const after = await sql<{ n: number }>`SELECT count(*) AS n FROM contact_moment`.execute(
      t.ctx.store.db,
    )
    expect(after.rows).toEqual(before.rows)
    const still = value<PersonDetail>(await t.api['people:get']({ id: ans.id })).followUps
    expect(still.map((f) => f.status)).toEqual(['open', 'open'])

    value(
      await t.api['followups:done']({
        id: asking.id,
        note: 'Ze loopt elke dinsdag mee',
        outcome: { going: 'yes', metPeople: 'somewhat' },
      }),
    )
    const [connection] = value<Connection[]>(await t.api['connections:list']({ personId: ans.id }))
    expect(connection!.outcomes).toMatchObject([
      { date: '2026-03-02', going: 'yes', metPeople: 'somewhat', givesBack: null },
    ])
  })

  it('keeps every status as history, on the timeline, with a follow-up if she asks', async () => {
    const { ans } = await smallWijk()
    const group = await walkingGroup()
    const made = value<Connection>(
      await t.api['connections:create']({
        personId: ans.id,
        initiativeId: group.id,
        date: '2026-03-02',
        proposedBy: 'ik',
        note: 'Ze wil het eerst een keer proberen',
        followUpOn: '2026-03-23',
      }),
    )
    expect(made).toMatchObject({
      person: { id: ans.id, name: 'Ans Bakker' },
      initiative: { id: group.id, name: 'Wandelgroep De Stappers' },
      status: 'voorgesteld',
      history: [{ date: '2026-03-02', status: 'voorgesteld' }],
    })
    value(
      await t.api['connections:setStatus']({
        id: made.id,
        status: 'kennisgemaakt',
        date: '2026-03-10',
      }),
    )
    const active = value<Connection>(
      await t.api['connections:setStatus']({ id: made.id, status: 'actief', date: '2026-03-17' }),
    )
    expect(active.history.map((h) => h.status)).toEqual(['voorgesteld', 'kennisgemaakt', 'actief'])
    expect(
      await t.api['connections:setStatus']({ id: made.id, status: 'gestopt', date: '2026-04-01' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('Schrijf op waarom het gestopt is.'),
      },
    })

    const detail = value<PersonDetail>(await t.api['people:get']({ id: ans.id }))
    expect(detail.connections.map((c) => c.status)).toEqual(['actief'])
    expect(
      detail.events
        .filter((e) => e.kind === 'connection')
        .map((e) => [e.date, e.detail.with, e.detail.status]),
    ).toEqual([
      ['2026-03-02', 'Wandelgroep De Stappers', 'voorgesteld'],
      ['2026-03-10', 'Wandelgroep De Stappers', 'kennisgemaakt'],
      ['2026-03-17', 'Wandelgroep De Stappers', 'actief'],
    ])
    expect(detail.followUps.map((f) => [f.dueOn, f.reason])).toEqual([
      ['2026-03-23', 'Vraag hoe het gaat met Wandelgroep De Stappers'],
      // Her written consent, two years on: renewed a month before it ends.
      ['2028-02-02', 'Toestemming verlengen: Contact houden'],
    ])
    expect(
      await t.api['connections:create']({
        personId: ans.id,
        initiativeId: group.id,
        date: '2026-03-03',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
  })

  it('connects two residents, shown on both timelines, and refuses nonsense', async () => {
    const { ans, dirk } = await smallWijk()
    value(
      await t.api['connections:create']({
        personId: ans.id,
        otherPersonId: dirk.id,
        date: '2026-03-02',
      }),
    )
    const forDirk = value<Connection[]>(await t.api['connections:list']({ personId: dirk.id }))
    expect(forDirk).toMatchObject([
      { person: { name: 'Ans Bakker' }, otherPerson: { name: 'Dirk Jansen' } },
    ])
    const dirkDetail = value<PersonDetail>(await t.api['people:get']({ id: dirk.id }))
    expect(dirkDetail.events.find((e) => e.kind === 'connection')?.detail.with).toBe('Ans Bakker')
    expect(
      await t.api['connections:create']({
        personId: ans.id,
        otherPersonId: ans.id,
        date: '2026-03-02',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('niet met zichzelf') },
    })
    expect(
      await t.api['connections:create']({ personId: ans.id, date: '2026-03-02' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(
      await t.api['connections:create']({
        personId: ans.id,
        otherPersonId: dirk.id,
        date: '2026-02-30',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(
      await t.api['connections:setStatus']({ id: ans.id, status: 'actief', date: '2026-03-02' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('keeps connections countable: by date, status and theme in plain SQL', async () => {
    const { ans, bram } = await smallWijk()
    const group = await walkingGroup()
    for (const p of [ans, bram]) {
      value(
        await t.api['connections:create']({
          personId: p.id,
          initiativeId: group.id,
          date: '2026-03-02',
        }),
      )
    }
    const { rows } = await sql<{ theme: string; n: number }>`
      SELECT t.name AS theme, count(*) AS n FROM connection c
      JOIN initiative_tag it ON it.initiative_id = c.initiative_id JOIN tag t ON t.id = it.tag_id
      WHERE c.date BETWEEN '2026-01-01' AND '2026-03-31' GROUP BY t.name`.execute(t.ctx.store.db)
    expect(rows).toEqual([{ theme: 'Wandelen', n: 2 }])
  })
})
