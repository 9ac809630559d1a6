import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CompiledQuery, sql } from 'kysely'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Connection, InitiativeMatches, PersonSuggestions } from '../../shared/connect'
import type { Initiative } from '../../shared/connect'
import type { ImportFileView, ImportPreview, ImportReport } from '../../shared/import'
import type { PeoplePage } from '../../shared/person'
import type { PersonDetail } from '../../shared/person-detail'
import type { PeopleSearchResult } from '../../shared/people-query'
import type {
  Inzage,
  InzageSaved,
  PrivacyLogEntry,
  PurposeConsent,
  RegisterView,
  ReviewView,
} from '../../shared/privacy'
import type { Report } from '../../shared/report'
import { storeFileName } from '../../db/context'
import { erasePeople } from '../../db/privacy/erase'
import { privacyRound } from '../../db/privacy/round'
import { scrubPending } from '../../db/privacy/scrub'
import { at } from '../support/ledger'
import { decryptedStore, decryptedWal, holdsAny } from '../support/sqlcipher'
import { reviewQuery } from '../../db/privacy/review'
import { henkInLedger } from '../support/import-fixtures'
import { useApi, value } from '../support/api'
import { useImportFixtures } from '../support/use-import-fixtures'
import { pdfText } from '../support/pdf'

const t = useApi()
// One clock for the file: every test starts on the same morning.
beforeEach(() => t.clock.set('2026-03-02T09:30:00.000Z'))

const fixtureFiles = useImportFixtures()

const create = async (fields: Record<string, unknown>) =>
  value<PersonDetail>(await t.api['people:create'](fields))
const consents = async (id: string) => value<PurposeConsent[]>(await t.api['consent:list']({ id }))
const get = (id: string) => t.api['people:get']({ id })
const openFollowUps = async (id: string) =>
  value<PersonDetail>(await get(id)).followUps.map((f) => [f.dueOn, f.reason])

describe('toestemming per doel', () => {
  it('records a decision with its end, and a renewal follow-up a month before it', async () => {
    const ans = await create({ firstName: 'Ans', wijk: 'Noord' })
    expect((await consents(ans.id)).map((c) => c.state)).toEqual(['none', 'none', 'none'])

    const after = value<PurposeConsent[]>(
      await t.api['consent:record']({
        personId: ans.id,
        purpose: 'share',
        given: true,
        date: '2026-03-01',
        how: 'mondeling',
        words: 'Mag mijn nummer aan de wandelgroep geven',
      }),
    )
    const share = after.find((c) => c.purpose === 'share')!
    expect(share).toMatchObject({
      state: 'given',
      current: {
        given: true,
        date: '2026-03-01',
        how: 'mondeling',
        words: 'Mag mijn nummer aan de wandelgroep geven',
        recordedBy: null,
        // The default term: two years.
        expiresOn: '2028-03-01',
      },
    })
    expect(await openFollowUps(ans.id)).toEqual([
      ['2028-02-01', 'Toestemming verlengen: Gegevens delen met een initiatief'],
    ])
  })

  it('keeps the history; a new decision ends the old one and its renewal', async () => {
    const ans = await create({ firstName: 'Ans' })
    value(await t.api['settings:update']({ workerName: 'Meike', consentYears: 1 }))
    const record = (given: boolean, date: string) =>
      t.api['consent:record']({
        personId: ans.id,
        purpose: 'contact',
        given,
        date,
        how: 'schriftelijk',
      })
    value(await record(true, '2026-02-01'))
    expect(await openFollowUps(ans.id)).toEqual([
      ['2027-01-01', 'Toestemming verlengen: Contact houden'],
    ])
    const after = value<PurposeConsent[]>(await record(false, '2026-03-01'))
    const contact = after.find((c) => c.purpose === 'contact')!
    expect(contact.state).toBe('refused')
    expect(contact.history.map((r) => [r.date, r.given, r.expiresOn, r.recordedBy])).toEqual([
      ['2026-03-01', false, null, 'Meike'],
      ['2026-02-01', true, '2027-02-01', 'Meike'],
    ])
    // The renewal of a consent that no longer holds goes.
    expect(await openFollowUps(ans.id)).toEqual([])
    // The person's own consent (filters, the report's coverage) follows the contact purpose.
    expect(value<PersonDetail>(await get(ans.id)).consentStatus).toBe('withdrawn')
  })

  it('shows a consent past its end as expired, and renews at once when that is near', async () => {
    const jan = await create({ firstName: 'Jan' })
    value(
      await t.api['consent:record']({
        personId: jan.id,
        purpose: 'stories',
        given: true,
        date: '2024-01-01',
        how: 'digitaal',
        expiresOn: '2026-03-10',
      }),
    )
    // Less than a month left: the renewal is due today.
    expect(await openFollowUps(jan.id)).toEqual([
      ['2026-03-02', 'Toestemming verlengen: Opnemen in verhalen'],
    ])
    t.clock.set('2026-03-11T09:00:00.000Z')
    expect((await consents(jan.id)).find((c) => c.purpose === 'stories')!.state).toBe('expired')
  })

  it('a save of the contact consent fields is a decision in the history too', async () => {
    const piet = await create({
      firstName: 'Piet',
      consentStatus: 'verbal',
      consentDate: '2026-02-02',
    })
    expect((await consents(piet.id))[0]!.current).toMatchObject({
      given: true,
      how: 'mondeling',
      date: '2026-02-02',
      expiresOn: '2028-02-02',
    })
    // A save that leaves consent alone records nothing new.
    value(await t.api['people:update']({ id: piet.id, firstName: 'Piet', note: 'Kookt graag' }))
    expect((await consents(piet.id))[0]!.history).toHaveLength(1)
    expect(value<PersonDetail>(await get(piet.id)).consentStatus).toBe('verbal')
  })

  it('matching and voorstellen mark who has not agreed to sharing: "eerst toestemming vragen"', async () => {
    const initiative = value<Initiative>(
      await t.api['initiatives:create']({
        name: 'Wandelgroep',
        kind: 'activiteit',
        themes: ['wandelen'],
      }),
    )
    const ans = await create({ firstName: 'Ans', tags: [{ kind: 'passion', name: 'wandelen' }] })
    const els = await create({ firstName: 'Els', tags: [{ kind: 'passion', name: 'wandelen' }] })
    value(
      await t.api['consent:record']({
        personId: els.id,
        purpose: 'share',
        given: true,
        date: '2026-03-01',
        how: 'schriftelijk',
      }),
    )
    const matches = value<InitiativeMatches>(
      await t.api['initiatives:match']({ id: initiative.id }),
    )
    const ask = Object.fromEntries(matches.now.map((m) => [m.person.firstName, m.askConsentFirst]))
    expect(ask).toEqual({ Ans: true, Els: false })
    const forAns = value<PersonSuggestions>(await t.api['people:suggestions']({ id: ans.id }))
    expect(forAns.askConsentFirst).toBe(true)
    expect(forAns.people.map((p) => [p.person.firstName, p.askConsentFirst])).toEqual([
      ['Els', false],
    ])
    // Refused later: asked first again.
    value(
      await t.api['consent:record']({
        personId: els.id,
        purpose: 'share',
        given: false,
        date: '2026-03-02',
        how: 'mondeling',
      }),
    )
    const again = value<InitiativeMatches>(await t.api['initiatives:match']({ id: initiative.id }))
    expect(again.now.find((m) => m.person.firstName === 'Els')!.askConsentFirst).toBe(true)
  })

  it('refuses a malformed decision with a Dutch message and stores nothing', async () => {
    const ans = await create({ firstName: 'Ans' })
    const result = await t.api['consent:record']({
      personId: ans.id,
      purpose: 'marketing',
      given: 'ja',
      date: '31-02-2026',
      how: 'mondeling',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (!result.ok) expect(result.error.message).not.toMatch(/[a-z]+\.[a-z]+/i)
    expect((await consents(ans.id)).every((c) => c.history.length === 0)).toBe(true)
  })
})

describe('bewaartermijn', () => {
  it('lists who is past it and who reaches it within a month; keeping holds until the date set', async () => {
    const moment = (date: string) => ({ date, channel: 'straat' })
    const old = await create({ firstName: 'Oud', moment: moment('2023-12-01') })
    const soon = await create({ firstName: 'Bijna', moment: moment('2024-03-20') })
    await create({ firstName: 'Recent', moment: moment('2026-01-15') })
    // Never a contact: counted from the day he came in (today), so not listed.
    await create({ firstName: 'Nieuw' })

    const review = value<ReviewView>(await t.api['privacy:review'](undefined))
    expect(review.retentionMonths).toBe(24)
    expect(review.past.count).toBe(1)
    expect(review.past.items.map((i) => [i.person.firstName, i.since, i.reviewOn])).toEqual([
      ['Oud', '2023-12-01', '2025-12-01'],
    ])
    expect(review.soon.items.map((i) => i.person.id)).toEqual([soon.id])

    const refused = await t.api['privacy:keep']({
      ids: [old.id],
      reason: 'Loopt nog',
      until: '2026-03-01',
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    value(
      await t.api['privacy:keep']({
        ids: [old.id],
        reason: 'Wacht op een plek bij de moestuin',
        until: '2026-09-01',
      }),
    )
    const kept = value<ReviewView>(await t.api['privacy:review'](undefined))
    expect(kept.past.count).toBe(0)
    // The day she set comes: he is back, with why she kept him.
    t.clock.set('2026-09-01T09:00:00.000Z')
    const back = value<ReviewView>(await t.api['privacy:review'](undefined))
    expect(back.past.items.find((i) => i.person.id === old.id)).toMatchObject({
      keptUntil: '2026-09-01',
      keepReason: 'Wacht op een plek bij de moestuin',
    })
    const log = value<PrivacyLogEntry[]>(await t.api['privacy:log'](undefined))
    expect(log.map((entry) => [entry.kind, entry.count])).toEqual([['keep', 1]])
  })

  it('the daily round notifies a count without names, and empties the trash after its days', async () => {
    const old = await create({
      firstName: 'Grietje',
      lastName: 'Zonderland',
      moment: { date: '2023-01-01', channel: 'straat' },
    })
    const trashed = await create({ firstName: 'Trijntje' })
    value(await t.api['people:trash']({ id: trashed.id }))

    const first = await privacyRound(t.ctx)
    expect(first.erased).toBe(0)
    expect(first.notification).toMatchObject({
      title: 'Sprokkelaar',
      body: '1 bewoner is over de bewaartermijn. Bekijk het in Beschermen.',
    })
    expect(JSON.stringify(t.platform.notifications)).not.toMatch(/Grietje|Zonderland|Trijntje/)
    first.notification!.onClick!()
    expect(value(await t.api['app:takeNavigation'](undefined))).toBe('privacy')

    // 30 days later the trash empties by itself; the review list still waits for her.
    t.clock.set('2026-04-02T09:30:00.000Z')
    const later = await privacyRound(t.ctx)
    expect(later.erased).toBe(1)
    const trashedNow = await sql<{
      n: number
    }>`SELECT count(*) AS n FROM person WHERE id = ${trashed.id}`.execute(t.ctx.store.db)
    expect(trashedNow.rows[0]!.n).toBe(0)
    expect(value<PersonDetail>(await get(old.id)).firstName).toBe('Grietje')
  })
})

describe('anonimiseren en echt verwijderen', () => {
  it('anonymises: nothing names him, the report counts the same, and he is nowhere to be found', async () => {
    const noord = { wijk: 'Noord' }
    const fatma = await create({
      firstName: 'Fatma',
      lastName: 'Yildiz',
      street: 'Kastanjelaan',
      houseNumber: '12',
      phone: '06-11112222',
      email: 'fatma@example.nl',
      note: 'Wil graag koken voor de buurt',
      ...noord,
      moment: { date: '2026-02-10', channel: 'straat', note: 'Fatma vertelde over haar zoon' },
    })
    const other = await create({
      firstName: 'Bert',
      ...noord,
      moment: { date: '2026-02-11', channel: 'telefoon' },
    })
    const reportOf = async () =>
      value<Report>(await t.api['report:build']({ from: '2026-01', to: '2026-03', k: 3 })).tables
    const before = await reportOf()

    expect(value(await t.api['privacy:anonymise']({ ids: [fatma.id] }))).toEqual({ count: 1 })
    expect(await reportOf()).toEqual(before)
    expect(await get(fatma.id)).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const list = value<PeoplePage>(await t.api['people:list']({}))
    expect(list.items.map((p) => p.id)).toEqual([other.id])
    expect(value<PeopleSearchResult[]>(await t.api['people:search']({ query: 'Fatma' }))).toEqual(
      [],
    )
    const dump = JSON.stringify(await tableDump())
    for (const text of [
      'Fatma',
      'Yildiz',
      'Kastanjelaan',
      '06-11112222',
      'fatma@example.nl',
      'koken voor',
      'haar zoon',
    ]) {
      expect(dump, text).not.toContain(text)
    }
  })

  it('erases: the person, his snapshots in imports, his name in stored stories and an initiative’s contact', async () => {
    const henk = await create(henkInLedger)
    // A merge keeps his row as it was before (old phone, old street).
    await importListMergingHenk()
    const snapshots = await sql<{
      n: number
    }>`SELECT count(*) AS n FROM import_person WHERE person_id = ${henk.id} AND before IS NOT NULL`.execute(
      t.ctx.store.db,
    )
    expect(snapshots.rows[0]!.n).toBe(1)

    value(
      await t.api['initiatives:create']({
        name: 'Repair café',
        kind: 'activiteit',
        contactPersonId: henk.id,
        contactName: 'Henk Jansen',
      }),
    )
    const out = join(t.dir.path, 'verantwoording.pdf')
    t.platform.fileDialog.saveAnswer = out
    value(
      await t.api['report:exportPdf']({
        from: '2026-01',
        to: '2026-03',
        narrative: 'Henk Jansen van de Lindelaan repareert nu fietsen met Bert.',
      }),
    )

    const others = value<PeoplePage>(await t.api['people:list']({ limit: 100 })).items.filter(
      (p) => p.id !== henk.id,
    )
    expect(value(await t.api['privacy:erase']({ ids: [henk.id] }))).toEqual({ count: 1 })
    const dump = JSON.stringify(await tableDump())
    // A neighbour on Lindelaan 9 stays; nothing of number 7 does.
    for (const text of ['Jansen', 'Lindelaan 7', '06-87654321', henk.id]) {
      expect(dump, text).not.toContain(text)
    }
    const atSeven = await sql<{ n: number }>`SELECT count(*) AS n FROM person
      WHERE street = 'Lindelaan' AND house_number = '7'`.execute(t.ctx.store.db)
    expect(atSeven.rows[0]!.n).toBe(0)
    const stories = await sql<{ settings: string }>`SELECT settings FROM report_export`.execute(
      t.ctx.store.db,
    )
    expect(JSON.parse(stories.rows[0]!.settings).request.narrative).toBe(
      '[verwijderd] van de [verwijderd] repareert nu fietsen met Bert.',
    )
    // Everyone else as they were.
    const after = value<PeoplePage>(await t.api['people:list']({ limit: 100 })).items
    expect(after).toEqual(others)
    expect(
      value<PrivacyLogEntry[]>(await t.api['privacy:log'](undefined)).map((e) => [e.kind, e.count]),
    ).toEqual([['erase', 1]])
  }, 60_000)

  it('in a large ledger the rewrite of the file waits for the daily round; the tables are clean at once', async () => {
    const zwaan = await create({ firstName: 'Zwaantje', note: 'Notitiezwaan' })
    t.ctx.store.checkpoint()
    // As if the file were past the size that is rewritten at once.
    await erasePeople(t.ctx.store, [zwaan.id], at(t.clock.now()), 'erase', 0)
    expect(await scrubPending(t.ctx.store.db)).toBe(true)
    expect(JSON.stringify(await tableDump())).not.toMatch(/Zwaantje|Notitiezwaan/)
    await privacyRound(t.ctx)
    expect(await scrubPending(t.ctx.store.db)).toBe(false)
    const path = join(t.platform.dataDir, storeFileName)
    const { key } = await t.platform.storeKey()
    const bytes = Buffer.concat([decryptedStore(path, key), decryptedWal(path, key)])
    expect(holdsAny(bytes, ['Zwaantje', 'Notitiezwaan'])).toEqual([])
  })

  it('empties the trash on her word; ids not in the ledger are passed over', async () => {
    const a = await create({ firstName: 'Aart' })
    const b = await create({ firstName: 'Bep' })
    await create({ firstName: 'Cor' })
    value(await t.api['people:trash']({ id: a.id }))
    value(await t.api['people:trash']({ id: b.id }))
    expect(value(await t.api['privacy:emptyTrash'](undefined))).toEqual({ count: 2 })
    expect(value<PeoplePage>(await t.api['people:list']({ scope: 'trash' })).total).toBe(0)
    expect(value(await t.api['privacy:erase']({ ids: [a.id] }))).toEqual({ count: 0 })
    expect(await t.api['privacy:erase']({ ids: ['niet-een-id'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })
})

describe('inzage', () => {
  it('holds every kind of data about him, as JSON and as a PDF in plain Dutch; never another resident', async () => {
    const henk = await create({
      ...henkInLedger,
      email: 'henk@example.nl',
      note: 'Heeft last van zijn rug, gaat naar de huisarts',
      tags: [{ kind: 'passion', name: 'fietsen' }],
      moment: {
        date: '2026-01-05',
        channel: 'straat',
        note: 'Eerste gesprek bij de fietsenstalling',
      },
    })
    // His list's row merged into him: the inzage shows what the ledger held before.
    await importListMergingHenk()
    value(
      await t.api['moments:add']({
        personId: henk.id,
        date: '2026-02-14',
        channel: 'telefoon',
        note: 'Belde terug',
        referredBy: 'Wijkteam',
      }),
    )
    const bert = await create({ firstName: 'Bertus', lastName: 'Vandermolen' })
    value<Connection>(
      await t.api['connections:create']({
        personId: henk.id,
        otherPersonId: bert.id,
        date: '2026-02-15',
        note: 'Samen fietsen maken',
      }),
    )
    const repair = value<Initiative>(
      await t.api['initiatives:create']({ name: 'Repair café', kind: 'activiteit' }),
    )
    const repairing = value<Connection>(
      await t.api['connections:create']({
        personId: henk.id,
        initiativeId: repair.id,
        date: '2026-02-20',
        status: 'actief',
        followUpOn: '2026-02-27',
      }),
    )
    const asking = value<PersonDetail>(await t.api['people:get']({ id: henk.id })).followUps.find(
      (f) => f.connectionId === repairing.id,
    )!
    value(
      await t.api['followups:done']({
        id: asking.id,
        outcome: { going: 'yes', metPeople: 'somewhat', givesBack: 'yes' },
      }),
    )
    value(
      await t.api['stories:save']({
        title: 'De fietsenmaker',
        text: 'Een bewoner repareert nu fietsen voor de buurt.',
        personIds: [henk.id],
      }),
    )
    value(
      await t.api['followups:create']({
        personId: henk.id,
        reason: 'Vragen hoe het gaat',
        pick: '1m',
      }),
    )
    value(
      await t.api['consent:record']({
        personId: henk.id,
        purpose: 'share',
        given: true,
        date: '2026-02-01',
        how: 'schriftelijk',
        words: 'Alleen met het Repair café',
      }),
    )
    t.platform.fileDialog.saveAnswer = join(t.dir.path, 'rapport.pdf')
    value(
      await t.api['report:exportPdf']({
        from: '2026-01',
        to: '2026-03',
        narrative: 'Henk repareert fietsen. De groep groeit.',
      }),
    )

    const check = value<{ sensitive: string[] }>(
      await t.api['privacy:inzageCheck']({ id: henk.id }),
    )
    expect(check.sensitive).toEqual(['huisarts'])

    t.platform.fileDialog.saveAnswer = null
    expect(value(await t.api['privacy:inzage']({ id: henk.id }))).toBeNull()
    expect(value<PrivacyLogEntry[]>(await t.api['privacy:log'](undefined))).toEqual([])

    const pdfPath = join(t.dir.path, 'inzage.pdf')
    t.platform.fileDialog.saveAnswer = pdfPath
    const saved = value<InzageSaved>(await t.api['privacy:inzage']({ id: henk.id }))
    expect(saved).toEqual({ pdf: 'inzage.pdf', json: 'inzage.json' })
    // The dialog's suggestion never names him.
    expect(t.platform.fileDialog.requests.at(-1)).toMatchObject({
      defaultName: 'inzage-2026-03-02.pdf',
    })

    const json = JSON.parse(readFileSync(join(t.dir.path, 'inzage.json'), 'utf8')) as Inzage
    expect(json.person).toMatchObject({
      firstName: 'Henk',
      lastName: 'Jansen',
      phone: '06-87654321',
      email: 'henk@example.nl',
    })
    expect(json.tags).toContainEqual({ kind: 'passion', name: 'fietsen' })
    // Every contact moment, the one his list brought too.
    expect(json.moments.find((m) => m.date === '2026-02-14')?.referredBy).toBe('Wijkteam')
    expect(json.moments.map((m) => m.date)).toEqual([
      // The connection's follow-up, done today.
      '2026-03-02',
      '2026-02-14',
      '2026-01-05',
      '2024-03-01',
    ])
    // The import that touched him, with his row as the ledger held it before the merge.
    expect(json.imports).toMatchObject([
      {
        fileName: 'bewonerslijst.xlsx',
        action: 'merged',
        before: {
          first_name: 'Henk',
          last_name: 'Jansen',
          phone: '06-87654321',
          email: 'henk@example.nl',
        },
      },
    ])
    expect(Object.keys(json.imports[0]!.before!)).not.toContain('name_key')
    expect(json.followUps.map((f) => f.reason)).toContain('Vragen hoe het gaat')
    expect(json.consents.map((c) => [c.purpose, c.words])).toEqual([
      ['share', 'Alleen met het Repair café'],
    ])
    expect(json.connections.map((c) => [c.with, c.status])).toEqual(
      expect.arrayContaining([
        ['Repair café', 'actief'],
        ['een andere bewoner', 'voorgesteld'],
      ]),
    )
    // What his connection brought, as she noted it; the other resident's connection has none.
    expect(json.connections.find((c) => c.with === 'Repair café')!.outcomes).toMatchObject([
      { going: 'yes', metPeople: 'somewhat', givesBack: 'yes' },
    ])
    expect(json.linkedStories).toEqual([
      {
        title: 'De fietsenmaker',
        text: 'Een bewoner repareert nu fietsen voor de buurt.',
        exports: 0,
      },
    ])
    expect(json.reportStories).toMatchObject([
      { fileName: 'rapport.pdf', sentences: ['Henk repareert fietsen.'] },
    ])
    const jsonText = JSON.stringify(json)
    // Nobody else: not the resident he is connected to, not the others from the same list.
    expect(jsonText).not.toMatch(/Bertus|Vandermolen|Fatima|Amrani/)

    const text = await pdfText(readFileSync(pdfPath))
    expect(text).toContain('Henk')
    expect(text).toContain('Jansen')
    for (const date of ['5 januari 2026', '14 februari 2026', '1 maart 2024']) {
      expect(text).toContain(date)
    }
    expect(text).toContain('bewonerslijst.xlsx')
    expect(text).toContain('Repair café')
    expect(text).toContain('Heeft ze er mensen bij leren kennen? Een paar')
    expect(text).toContain('Hoe bereikt: Wijkteam')
    expect(text).not.toMatch(/Bertus|Vandermolen|Fatima|Amrani/)
    const log = value<PrivacyLogEntry[]>(await t.api['privacy:log'](undefined))
    expect(log.map((e) => e.kind)).toEqual(['inzage'])
  }, 60_000)
})

describe('verwerkingsregister', () => {
  it('is filled from her settings, on the page and in its PDF', async () => {
    value(
      await t.api['settings:update']({
        workerName: 'Meike',
        organisation: 'Welzijn Noord',
        retentionMonths: 18,
        consentYears: 3,
        trashDays: 14,
      }),
    )
    await create({ firstName: 'Ans' })
    const view = value<RegisterView>(await t.api['privacy:register'](undefined))
    expect(view).toMatchObject({
      organisation: 'Welzijn Noord',
      worker: 'Meike',
      retentionMonths: 18,
      consentYears: 3,
      trashDays: 14,
      people: 1,
      encrypted: true,
    })
    const out = join(t.dir.path, 'register.pdf')
    t.platform.fileDialog.saveAnswer = out
    expect(value(await t.api['privacy:exportRegister'](undefined))).toEqual({
      fileName: 'register.pdf',
    })
    const text = (await pdfText(readFileSync(out))).replace(/\s+/g, ' ')
    for (const part of [
      'Verwerkingsregister',
      'Welzijn Noord',
      '18 maanden',
      '3 jaar',
      '14 dagen',
      'versleuteld',
      'geen velden voor BSN, gezondheid',
      // How long a backup can still hold someone erased (the rotation), and who can open one.
      'Back-ups en overdracht',
      'de laatste 7 dagen, 4 weken en 12 maanden',
      'tot ongeveer 12 maanden na het verwijderen',
      'alleen op deze computer te openen',
    ]) {
      expect(text, part).toContain(part)
    }
  }, 60_000)
})

describe('query plans', () => {
  const plan = async (query: { sql: string; parameters: readonly unknown[] }) =>
    (
      await t.ctx.store.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
      )
    ).rows
      .map((row) => row.detail)
      .join('\n')

  it('reads the review from the partial index on the last contact, never the whole ledger', async () => {
    for (const range of [{ upTo: '2024-03-02' }, { after: '2024-03-02', upTo: '2024-04-02' }]) {
      const query = reviewQuery(t.ctx.store.db, range, '2026-03-02').select('person.id').compile()
      expect(await plan(query)).toMatch(/SEARCH person USING INDEX person_review \(<expr>/)
      // Counting tens of thousands past the term reads the index alone, no table rows.
      const count = reviewQuery(t.ctx.store.db, range, '2026-03-02')
        .select((eb) => eb.fn.countAll().as('n'))
        .compile()
      expect(await plan(count)).toMatch(/SEARCH person USING COVERING INDEX person_review/)
    }
  })

  it('erasing a resident finds what refers to him by index (follow-ups, consent, the log)', async () => {
    for (const statement of [
      'SELECT id FROM consent WHERE renewal_id = ?',
      'SELECT id FROM privacy_log WHERE person_id = ?',
      'SELECT import_id FROM import_person WHERE person_id = ?',
      'SELECT id FROM connection WHERE other_person_id = ?',
    ]) {
      expect(await plan({ sql: statement, parameters: ['x'] }), statement).toMatch(
        /USING (COVERING )?INDEX/,
      )
    }
  })
})

/** Her Excel list, with Henk Jansen (already in the ledger) merged: the import keeps his row as it was. */
async function importListMergingHenk() {
  t.platform.fileDialog.answer = fixtureFiles().xlsx
  const view = value<ImportFileView>(await t.api['import:open'](undefined))
  const mapping = view.columns.map((column) => column.suggested)
  const { rows } = value<ImportPreview>(
    await t.api['import:preview']({ sessionId: view.sessionId, mapping }),
  )
  const decisions = rows
    .filter((row) => row.duplicate)
    .map((row) => ({ row: row.row, duplicate: 'merge' }))
  value<ImportReport>(
    await t.api['import:commit']({ sessionId: view.sessionId, mapping, decisions }),
  )
}

/** Every row of every table, as text: what the store holds that SQL can read. */
async function tableDump() {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(
    t.ctx.store.db,
  )
  const dump: Record<string, unknown[]> = {}
  for (const { name } of tables) {
    dump[name] = (await sql.raw(`SELECT * FROM "${name}"`).execute(t.ctx.store.db)).rows
  }
  return dump
}
