import { join } from 'node:path'
import { CompiledQuery, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  lateOfImport,
  cancelFollowUp,
  createFollowUp,
  dueQuery,
  dueSummary,
  markDone,
  snooze,
  todayView,
} from '../../db/followups/followups'
import { addMoment } from '../../db/ledger/moments'
import {
  createPerson,
  getPerson,
  restorePerson,
  setArchived,
  trashPerson,
  updatePerson,
} from '../../db/ledger/people'
import { openStore, type Store } from '../../db/store/store'
import { doneFollowUpSchema, snoozeFollowUpSchema } from '../../shared/followups'
import { updatePersonSchema } from '../../shared/person'
import { type PersonDetail } from '../../shared/person-detail'
import { at, person } from '../support/ledger'
import { makeTempDir } from '../support/platform'

const key = '4d'.repeat(32)
let dir: ReturnType<typeof makeTempDir>
let store: Store
beforeEach(async () => {
  dir = makeTempDir()
  store = await openStore(join(dir.path, 'f.db'), key)
})
afterEach(async () => {
  await store.close()
  dir.remove()
})

// Wednesday 25 November 2026, 10:00 in Amsterdam.
const wednesday = '2026-11-25T09:00:00.000Z'
const open = async (id: string) => (await getPerson(store.db, id)).followUps
const update = (p: PersonDetail, fields: Record<string, unknown>) =>
  updatePerson(
    store.db,
    updatePersonSchema.parse({ id: p.id, firstName: p.firstName, ...fields }),
    at(wednesday),
  )

describe('follow-ups made by themselves', () => {
  it('a quick pick counts from the day they met: 31 January + 1 month is 28 February', async () => {
    const ans = (
      await createPerson(
        store.db,
        person({
          firstName: 'Ans',
          moment: { date: '2026-01-31', channel: 'straat' },
          followUpPick: '1m',
        }),
        at(),
      )
    ).value
    expect(ans.followUps).toMatchObject([{ dueOn: '2026-02-28', source: 'pick', reason: null }])
  })

  it('"beschikbaar vanaf" makes one on that date, moves with it and goes when it goes', async () => {
    const jan = (
      await createPerson(store.db, person({ firstName: 'Jan', availableFrom: '2027-07-01' }), at())
    ).value
    expect(jan.followUps).toMatchObject([{ dueOn: '2027-07-01', source: 'available_from' }])
    await update(jan, { availableFrom: '2027-09-01' })
    expect(await open(jan.id)).toMatchObject([{ dueOn: '2027-09-01', source: 'available_from' }])
    await update(jan, { availableFrom: '' })
    expect(await open(jan.id)).toEqual([])
  })

  it('a cadence sets the next one from the last contact, and a new contact moves it', async () => {
    const noor = (
      await createPerson(
        store.db,
        person({
          firstName: 'Noor',
          cadence: '2w',
          moment: { date: '2026-11-02', channel: 'telefoon' },
        }),
        at(wednesday),
      )
    ).value
    expect(noor.followUps).toMatchObject([{ dueOn: '2026-11-16', source: 'cadence' }])
    await addMoment(
      store.db,
      { personId: noor.id, date: '2026-11-24', channel: 'straat' },
      at(wednesday),
    )
    expect(await open(noor.id)).toMatchObject([{ dueOn: '2026-12-08', source: 'cadence' }])
    await update(noor, { cadence: '' })
    expect(await open(noor.id)).toEqual([])
  })

  it('a cadence without any contact yet counts from today', async () => {
    const bob = (
      await createPerson(store.db, person({ firstName: 'Bob', cadence: '1m' }), at(wednesday))
    ).value
    expect(bob.followUps).toMatchObject([{ dueOn: '2026-12-25', source: 'cadence' }])
  })
})

describe('done, snooze and cancel', () => {
  let jan: PersonDetail
  let followUpId: string
  beforeEach(async () => {
    jan = (await createPerson(store.db, person({ firstName: 'Jan' }), at())).value
    followUpId = (
      await createFollowUp(
        store.db,
        { personId: jan.id, dueOn: '2026-11-20', reason: 'Vragen naar de voetbalclub' },
        at(),
      )
    ).id
  })

  it('done logs a contact moment and a timeline event, and "ask again in a year" makes the next', async () => {
    const done = (
      await markDone(
        store.db,
        doneFollowUpSchema.parse({
          id: followUpId,
          note: 'Hij gaat zaterdag kijken',
          askAgainInYear: true,
        }),
        at(wednesday),
      )
    ).value
    expect(done).toMatchObject({ status: 'done', doneNote: 'Hij gaat zaterdag kijken' })
    const after = await getPerson(store.db, jan.id)
    expect(after.lastContactOn).toBe('2026-11-25')
    expect(after.moments).toMatchObject([
      { date: '2026-11-25', channel: 'telefoon', note: 'Hij gaat zaterdag kijken' },
    ])
    expect(after.events).toMatchObject([
      {
        kind: 'follow_up_done',
        date: '2026-11-25',
        detail: { reason: 'Vragen naar de voetbalclub' },
      },
    ])
    expect(after.followUps).toMatchObject([
      { dueOn: '2027-11-25', source: 'ask_again', reason: 'Vragen naar de voetbalclub' },
    ])
  })

  it('snooze moves it from today and says so on the timeline', async () => {
    await snooze(store.db, snoozeFollowUpSchema.parse({ id: followUpId, by: '1m' }), at(wednesday))
    const after = await getPerson(store.db, jan.id)
    expect(after.followUps).toMatchObject([{ dueOn: '2026-12-25' }])
    expect(after.events).toMatchObject([
      { kind: 'follow_up_snoozed', detail: { from: '2026-11-20', to: '2026-12-25' } },
    ])
    await snooze(
      store.db,
      snoozeFollowUpSchema.parse({ id: followUpId, until: '2027-02-01' }),
      at(wednesday),
    )
    expect(await open(jan.id)).toMatchObject([{ dueOn: '2027-02-01' }])
  })

  it('cancel closes it; a closed follow-up cannot be done again', async () => {
    await cancelFollowUp(store.db, followUpId, at(wednesday))
    expect(await open(jan.id)).toEqual([])
    await expect(
      markDone(store.db, doneFollowUpSchema.parse({ id: followUpId }), at(wednesday)),
    ).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/al afgerond/) })
    const events = (await getPerson(store.db, jan.id)).events
    expect(events.map((e) => e.kind)).toEqual(['follow_up_cancelled'])
  })

  it('a failure halfway through "done" changes nothing', async () => {
    await sql`CREATE TRIGGER fail BEFORE INSERT ON person_event BEGIN SELECT RAISE(ABORT, 'nee'); END`.execute(
      store.db,
    )
    await expect(
      markDone(store.db, doneFollowUpSchema.parse({ id: followUpId }), at(wednesday)),
    ).rejects.toThrow(/nee/)
    const after = await getPerson(store.db, jan.id)
    expect(after.followUps).toMatchObject([{ id: followUpId, status: 'open' }])
    expect(after.moments).toEqual([])
  })
})

describe('Vandaag', () => {
  it('groups open follow-ups: te laat, vandaag, deze week (to Sunday), later', async () => {
    const ids: Record<string, string> = {}
    for (const [name, dueOn] of [
      ['Laat', '2026-11-20'],
      ['Vandaag', '2026-11-25'],
      ['Vrijdag', '2026-11-27'],
      ['Zondag', '2026-11-29'],
      ['Maandag', '2026-11-30'],
    ] as const) {
      const p = (await createPerson(store.db, person({ firstName: name }), at())).value
      ids[name] = p.id
      await createFollowUp(store.db, { personId: p.id, dueOn }, at())
    }
    const view = await todayView(store.db, '2026-11-25')
    const names = (group: keyof typeof view.groups) =>
      view.groups[group].items.map((item) => item.person.firstName)
    expect(names('overdue')).toEqual(['Laat'])
    expect(names('today')).toEqual(['Vandaag'])
    expect(names('thisWeek')).toEqual(['Vrijdag', 'Zondag'])
    expect(names('later')).toEqual(['Maandag'])
    expect(view.groups.thisWeek.count).toBe(2)
    expect(await dueSummary(store.db, '2026-11-25')).toEqual({ overdue: 1, today: 1 })

    // Archived or in the trash: out of Vandaag; back when she returns.
    await setArchived(store.db, ids['Laat']!, true, new Date())
    await trashPerson(store.db, ids['Vandaag']!, new Date())
    expect(await dueSummary(store.db, '2026-11-25')).toEqual({ overdue: 0, today: 0 })
    await restorePerson(store.db, ids['Vandaag']!)
    await setArchived(store.db, ids['Laat']!, false, new Date())
    expect(await dueSummary(store.db, '2026-11-25')).toEqual({ overdue: 1, today: 1 })
  })

  it('reads every group from the partial index on due dates', async () => {
    for (const range of [
      { until: '2026-11-24' },
      { after: '2026-11-24', until: '2026-11-25' },
      { after: '2026-11-29' },
    ]) {
      const query = dueQuery(store.db, range)
        .select('follow_up.id')
        .orderBy('follow_up.due_on')
        .compile()
      const { rows } = await store.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
      )
      const plan = rows.map((r) => r.detail).join('\n')
      expect(plan).toMatch(/SEARCH follow_up USING INDEX follow_up_open_due/)
      expect(plan).not.toMatch(/TEMP B-TREE/)
    }
  })

  it("reads an import's late follow-ups from the partial index on import and due date", async () => {
    const query = lateOfImport(store.db, 'some-import', '2026-11-25')
      .select('follow_up.id')
      .compile()
    const { rows } = await store.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
    )
    expect(rows.map((r) => r.detail).join('\n')).toMatch(
      /SEARCH follow_up USING INDEX follow_up_import \(import_id=\? AND due_on<\?\)/,
    )
  })
})
