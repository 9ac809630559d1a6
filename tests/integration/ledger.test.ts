import { join } from 'node:path'
import { CompiledQuery, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StoreError } from '../../db/store/errors'
import { listTags, listWijken } from '../../db/ledger/lookups'
import { addMoment } from '../../db/ledger/moments'
import {
  createPerson,
  getPerson,
  listPeople,
  peoplePageQuery,
  restorePerson,
  scopedPeople,
  setArchived,
  trashPerson,
  updatePerson,
} from '../../db/ledger/people'
import { candidates, similarPeople } from '../../db/ledger/similar'
import { openStore, type Store } from '../../db/store/store'
import { updatePersonSchema } from '../../shared/person'
import { at, person } from '../support/ledger'
import { makeTempDir } from '../support/platform'

let dir: ReturnType<typeof makeTempDir>
let store: Store
beforeEach(async () => {
  dir = makeTempDir()
  store = await openStore(join(dir.path, 'ledger.db'), '3c'.repeat(32))
})
afterEach(async () => {
  await store.close()
  dir.remove()
})

const count = async (table: 'person' | 'tag' | 'wijk' | 'contact_moment' | 'follow_up') =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
const active = async () =>
  (await listPeople(store.db, { scope: 'active', limit: 100, offset: 0 })).items.map((p) => p.id)

describe('a new person', () => {
  it('is stored whole: fields, tags, the moment they met and a follow-up pick', async () => {
    const saved = (
      await createPerson(
        store.db,
        person({
          firstName: 'Fatima',
          tussenvoegsel: 'el',
          lastName: 'Amrani',
          nickname: 'Fati',
          street: 'Kerkstraat',
          houseNumber: '12',
          postcode: '3701ab',
          wijk: 'Kerckebosch',
          phone: '06-12345678',
          email: 'fatima@example.nl',
          wish: 'Iets doen voor de buurt',
          strength: 'Koken voor grote groepen',
          need: 'Iemand die meegaat de eerste keer',
          tags: [
            { kind: 'passion', name: 'Koken' },
            { kind: 'theme', name: 'Eenzaamheid' },
          ],
          availability: ['tue-morning', 'thu-evening'],
          availableFrom: '2027-01-01',
          metChannel: 'portiek',
          firstMetOn: '2026-03-02',
          consentStatus: 'verbal',
          consentDate: '2026-03-02',
          consentScope: 'Bewaren en benaderen voor activiteiten',
          ageBand: '41_55',
          moment: { date: '2026-03-02', channel: 'portiek', place: 'Portiek 12-20' },
          followUpPick: '1m',
        }),
        at('2026-03-02T09:30:00.000Z'),
      )
    ).value
    const again = await getPerson(store.db, saved.id)
    expect(again).toEqual(saved)
    expect(saved).toMatchObject({
      postcode: '3701 AB',
      wijk: 'Kerckebosch',
      availability: ['tue-morning', 'thu-evening'],
      consentStatus: 'verbal',
      status: 'active',
      lastContactOn: '2026-03-02',
      createdAt: '2026-03-02T09:30:00.000Z',
    })
    expect(saved.tags.map((t) => [t.kind, t.name])).toEqual([
      ['passion', 'Koken'],
      ['theme', 'Eenzaamheid'],
    ])
    expect(saved.moments).toMatchObject([
      { date: '2026-03-02', channel: 'portiek', worker: 'Meike' },
    ])
    expect(saved.followUps).toMatchObject([
      { source: 'pick', dueOn: '2026-04-02', status: 'open' },
      { source: 'available_from', dueOn: '2027-01-01', status: 'open' },
      // Her verbal consent holds two years: renewed a month before it ends.
      { source: 'manual', dueOn: '2028-02-02', reason: 'Toestemming verlengen: Contact houden' },
    ])
  })

  it('is all or nothing: a failure halfway leaves no person, tag or wijk behind', async () => {
    await sql`CREATE TRIGGER fail_moment BEFORE INSERT ON contact_moment
              BEGIN SELECT RAISE(ABORT, 'disk said no'); END`.execute(store.db)
    await expect(
      createPerson(
        store.db,
        person({
          firstName: 'Jan',
          wijk: 'Nieuwe Wijk',
          tags: [{ kind: 'passion', name: 'Voetbal' }],
          moment: { date: '2026-03-02', channel: 'straat' },
        }),
        at(),
      ),
    ).rejects.toThrow(/disk said no/)
    expect([await count('person'), await count('tag'), await count('wijk')]).toEqual([0, 0, 0])
  })
})

describe('tags and wijken', () => {
  it('are one whatever the case or accents, named as first written', async () => {
    await createPerson(
      store.db,
      person({
        firstName: 'A',
        wijk: 'Kerckebosch',
        tags: [{ kind: 'passion', name: 'Tuinieren' }],
      }),
      at(),
    )
    await createPerson(
      store.db,
      person({
        firstName: 'B',
        wijk: 'kerckebosch',
        tags: [
          { kind: 'passion', name: 'tuïnieren ' },
          { kind: 'passion', name: 'TUINIEREN' },
        ],
      }),
      at(),
    )
    expect(await listWijken(store.db)).toMatchObject([{ name: 'Kerckebosch' }])
    expect(await listTags(store.db, { kind: 'passion', prefix: 'TUIN', limit: 10 })).toMatchObject([
      { name: 'Tuinieren' },
    ])
    expect(await count('tag')).toBe(1)
  })

  it('are matched on prefix without treating % or _ as wildcards', async () => {
    await createPerson(
      store.db,
      person({ firstName: 'A', tags: [{ kind: 'theme', name: 'Wandelen' }] }),
      at(),
    )
    expect(await listTags(store.db, { prefix: '%', limit: 10 })).toEqual([])
    expect(await listTags(store.db, { prefix: 'wan', limit: 10 })).toHaveLength(1)
  })
})

describe('changing a person', () => {
  it('replaces her fields and tags and moves updatedAt', async () => {
    const saved = (
      await createPerson(
        store.db,
        person({ firstName: 'Jan', tags: [{ kind: 'passion', name: 'Voetbal' }] }),
        at('2026-03-02T09:00:00.000Z'),
      )
    ).value
    const changed = (
      await updatePerson(
        store.db,
        updatePersonSchema.parse({
          id: saved.id,
          firstName: 'Jan',
          tussenvoegsel: 'de',
          lastName: 'Vries',
          tags: [{ kind: 'need', name: 'Vervoer' }],
        }),
        at('2026-03-05T10:00:00.000Z'),
      )
    ).value
    expect(changed).toMatchObject({
      lastName: 'Vries',
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-05T10:00:00.000Z',
    })
    expect(changed.tags.map((t) => t.name)).toEqual(['Vervoer'])
  })

  it('keeps "last contact" at the newest moment, whatever order they are logged in', async () => {
    const saved = (await createPerson(store.db, person({ firstName: 'Ans' }), at())).value
    await addMoment(store.db, { personId: saved.id, date: '2026-03-10', channel: 'telefoon' }, at())
    await addMoment(store.db, { personId: saved.id, date: '2026-02-01', channel: 'straat' }, at())
    const again = await getPerson(store.db, saved.id)
    expect(again.lastContactOn).toBe('2026-03-10')
    expect(again.moments.map((m) => m.date)).toEqual(['2026-03-10', '2026-02-01'])
  })

  it('archives, trashes and restores, each list showing only its own', async () => {
    const ans = (await createPerson(store.db, person({ firstName: 'Ans' }), at())).value
    const bob = (await createPerson(store.db, person({ firstName: 'Bob' }), at())).value
    await setArchived(store.db, bob.id, true, new Date())
    expect(await active()).toEqual([ans.id])
    const archived = await listPeople(store.db, { scope: 'archived', limit: 10, offset: 0 })
    expect(archived.items.map((p) => p.id)).toEqual([bob.id])

    await trashPerson(store.db, ans.id, new Date())
    expect(await active()).toEqual([])
    const trash = await listPeople(store.db, { scope: 'trash', limit: 10, offset: 0 })
    expect(trash).toMatchObject({ total: 1, items: [{ id: ans.id }] })
    await expect(
      addMoment(store.db, { personId: ans.id, date: '2026-03-02', channel: 'straat' }, at()),
    ).rejects.toMatchObject({ code: 'not_found' })

    await restorePerson(store.db, ans.id)
    expect(await active()).toEqual([ans.id])
  })

  it('says "not found" in Dutch for an id it does not know, and changes nothing', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000'
    for (const attempt of [
      () => getPerson(store.db, unknown),
      () => trashPerson(store.db, unknown, new Date()),
      () => restorePerson(store.db, unknown),
      () => setArchived(store.db, unknown, true, new Date()),
    ]) {
      const error = await attempt().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(StoreError)
      expect(error).toMatchObject({
        code: 'not_found',
        message: expect.stringMatching(/bestaat niet/),
      })
    }
  })
})

describe('"Lijkt op": people she has probably met already', () => {
  beforeEach(async () => {
    for (const fields of [
      {
        firstName: 'Fatima',
        tussenvoegsel: 'el',
        lastName: 'Amrani',
        street: 'Kerkstraat',
        houseNumber: '12',
      },
      {
        firstName: 'Jan',
        tussenvoegsel: 'de',
        lastName: 'Vries',
        street: 'Dorpsweg',
        houseNumber: '3',
      },
      {
        firstName: 'Jan',
        tussenvoegsel: 'de',
        lastName: 'Vries',
        street: 'Laan',
        houseNumber: '8',
      },
    ]) {
      await createPerson(store.db, person(fields), at())
    }
  })
  const names = async (query: Parameters<typeof similarPeople>[1]) =>
    (await similarPeople(store.db, query)).map(
      (s) => `${s.person.firstName} ${s.person.lastName} (${s.reason})`,
    )

  it('finds a like name, typos and missing tussenvoegsel included', async () => {
    expect(await names({ firstName: 'Fatma', lastName: 'amrani' })).toEqual([
      'Fatima Amrani (name)',
    ])
    expect(await names({ firstName: 'Fatima', tussenvoegsel: 'El', lastName: 'Amrani' })).toEqual([
      'Fatima Amrani (name)',
    ])
  })

  it('finds anyone at the same address', async () => {
    expect(
      await names({
        firstName: 'Youssef',
        lastName: 'Amrani',
        street: 'kerkstraat',
        houseNumber: '12',
      }),
    ).toEqual(['Fatima Amrani (address)'])
  })

  it('shows both homonyms and never merges them', async () => {
    expect(await names({ firstName: 'Jan', lastName: 'Vries' })).toEqual([
      'Jan Vries (name)',
      'Jan Vries (name)',
    ])
    expect(
      await names({ firstName: 'Jan', lastName: 'Vries', street: 'Laan', houseNumber: '8' }),
    ).toEqual(['Jan Vries (name_and_address)', 'Jan Vries (name)'])
  })

  it('suggests nobody for another name, and nobody from the trash', async () => {
    expect(await names({ firstName: 'Piet', lastName: 'Amrani' })).toEqual([])
    const [fatima] = await similarPeople(store.db, { firstName: 'Fatima', lastName: 'Amrani' })
    await trashPerson(store.db, fatima!.person.id, new Date())
    expect(await names({ firstName: 'Fatima', lastName: 'Amrani' })).toEqual([])
  })

  it('counts a list from the index of the residents a list can show, and pages it in name order', async () => {
    const plan = async (query: { sql: string; parameters: readonly unknown[] }) => {
      const { rows } = await store.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
      )
      return rows.map((r) => r.detail).join('\n')
    }
    for (const scope of ['active', 'archived'] as const) {
      const count = scopedPeople(store.db, { scope }, '2026-03-02')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .compile()
      // Not a look at every person row (trash, anonymised): 2.5 s at 300k, 2 ms this way.
      expect(await plan(count)).toMatch(
        /^SEARCH person USING (COVERING )?INDEX person_live \(status=\?\)$/,
      )
      const page = peoplePageQuery(store.db, { scope, limit: 200, offset: 0 }).compile()
      expect(await plan(page)).toMatch(/SEARCH person USING INDEX person_list \(status=\?\)/)
      expect(await plan(page)).not.toMatch(/TEMP B-TREE/)
    }
  })

  it('reads from the name and address indexes', async () => {
    for (const [column, index] of [
      ['name_key', 'person_list'],
      ['address_key', 'person_address_key'],
    ] as const) {
      const query = candidates(store.db, column, 'x').compile()
      const { rows } = await store.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
      )
      expect(rows.map((r) => r.detail).join('\n')).toMatch(
        new RegExp(`SEARCH person USING INDEX ${index}`),
      )
    }
  })
})
