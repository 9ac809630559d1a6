import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HandoverPreview, HandoverSaved } from '../../shared/handover'
import type { ImportReport } from '../../shared/import'
import type { PersonDetail } from '../../shared/person-detail'
import type { Wijk } from '../../shared/contract'
import { value } from '../support/api'
import { anotherComputer, everyRow, folderState } from '../support/ledger-state'

type Computer = Awaited<ReturnType<typeof anotherComputer>>

/**
 * Her ledger, row for row: not the import history (an undone handover stays in it, marked undone)
 * nor the report's zero tallies a removed moment leaves.
 */
async function ledger(computer: Computer) {
  const { import_batch, import_person, report_tally, ...rest } = await everyRow(computer.ctx)
  return {
    ...rest,
    report_tally: report_tally!.filter((row) => !String(row).includes('"moments":0')),
  }
}

let sender: Computer
let receiver: Computer

beforeEach(async () => {
  sender = await anotherComputer(new Date('2026-04-01T09:00:00.000Z'))
  receiver = await anotherComputer(new Date('2026-04-02T09:00:00.000Z'))
})
afterEach(async () => {
  await sender.close()
  await receiver.close()
})

const create = async (computer: Computer, fields: Record<string, unknown>) =>
  value<PersonDetail>(await computer.api['people:create'](fields))

/** Sanne's ledger: Mira and Jan in Kerckebosch, Piet in Hoge Dennen. */
async function sendersLedger() {
  value(
    await sender.api['settings:update']({
      workerName: 'Sanne',
      reminderTime: '09:00',
      organisation: 'Buurtwerk Noord',
    }),
  )
  const mira = await create(sender, {
    firstName: 'Mira',
    lastName: 'Oudewater',
    phone: '0612345678',
    wijk: 'Kerckebosch',
    wish: 'Samen koken',
    referredBy: 'Wijkteam',
    tags: [{ kind: 'passion', name: 'koken' }],
  })
  value(
    await sender.api['moments:add']({
      personId: mira.id,
      date: '2026-03-20',
      channel: 'telefoon',
      note: 'Vertelde over haar zoon',
      referredBy: 'Buren',
    }),
  )
  value(
    await sender.api['consent:record']({
      personId: mira.id,
      purpose: 'share',
      given: true,
      date: '2026-03-20',
      how: 'mondeling',
    }),
  )
  const jan = await create(sender, {
    firstName: 'Jan',
    lastName: 'de Vries',
    street: 'Dorpsstraat',
    houseNumber: '1',
    wijk: 'Kerckebosch',
  })
  await create(sender, { firstName: 'Piet', lastName: 'Bos', wijk: 'Hoge Dennen' })
  return { mira, jan }
}

async function handOver(includeNotes: boolean): Promise<string> {
  const wijken = value<Wijk[]>(await sender.api['wijken:list'](undefined))
  const kerckebosch = wijken.find((wijk) => wijk.name === 'Kerckebosch')!
  const path = join(sender.dir.path, 'overdracht.sprokkel')
  sender.platform.fileDialog.saveAnswer = path
  const saved = value<HandoverSaved>(
    await sender.api['handover:export']({
      wijkIds: [kerckebosch.id],
      includeNotes,
      password: 'Overdracht-2026',
    }),
  )
  expect(saved).toEqual({ fileName: 'overdracht.sprokkel', people: 2 })
  expect(sender.platform.fileDialog.requests.at(-1)).toMatchObject({
    filters: [{ extensions: ['sprokkel'] }],
  })
  return path
}

const people = async (computer: Computer) =>
  (
    await computer.ctx.store.db
      .selectFrom('person')
      .select(['id', 'first_name', 'last_name', 'phone', 'street'])
      .orderBy('first_name')
      .orderBy('street')
      .execute()
  ).map((p) => [p.first_name, p.last_name, p.phone, p.street])

// Backups run in worker threads and every password goes through scrypt: seconds each on a busy
// machine, so more than vitest's default 5 s.
describe('the overdrachtsbestand', { timeout: 60_000 }, () => {
  it('hands over the chosen wijk, keeps namesakes apart, merges only what she says, and undoes', async () => {
    const { mira } = await sendersLedger()
    // The receiver has a namesake of Jan (another address: a name alone is never a match) and
    // Mira, whom she met herself (the same phone: a possible duplicate for her to decide).
    await create(receiver, {
      firstName: 'Jan',
      lastName: 'de Vries',
      street: 'Kerkweg',
      houseNumber: '9',
    })
    const herMira = await create(receiver, {
      firstName: 'Mira',
      lastName: 'Oudewater',
      phone: '06 1234 5678',
      wijk: 'Kerckebosch',
    })
    const before = await ledger(receiver)

    const file = await handOver(false)
    const bytes = readFileSync(file)
    for (const word of ['Oudewater', 'Dorpsstraat', 'Kerckebosch', 'Sanne']) {
      expect(bytes.includes(Buffer.from(word))).toBe(false)
    }

    receiver.platform.fileDialog.answer = file
    expect(value(await receiver.api['handover:choose'](undefined))).toEqual({
      fileName: 'overdracht.sprokkel',
    })
    const untouched = folderState(receiver.dir.path)
    expect(await receiver.api['handover:unlock']({ password: 'overdracht-2026' })).toEqual({
      ok: false,
      error: {
        code: 'wrong_password',
        message: 'Dit wachtwoord opent het overdrachtsbestand niet. Er is niets veranderd.',
      },
    })
    expect(folderState(receiver.dir.path)).toEqual(untouched)

    const preview = value<HandoverPreview>(
      await receiver.api['handover:unlock']({ password: 'Overdracht-2026' }),
    )
    expect(preview).toMatchObject({
      from: 'Sanne',
      organisation: 'Buurtwerk Noord',
      includesNotes: false,
      people: 2,
      known: 0,
      matches: [
        {
          name: 'Mira Oudewater',
          existingName: 'Mira Oudewater',
          personId: herMira.id,
          reasons: ['phone'],
        },
      ],
    })
    const row = preview.matches[0]!.row

    // Undecided: refused, nothing written.
    expect(await receiver.api['handover:commit']({ decisions: [] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Beslis eerst') },
    })
    expect(await ledger(receiver)).toEqual(before)

    const report = value<ImportReport>(
      await receiver.api['handover:commit']({ decisions: [{ row, choice: 'merge' }] }),
    )
    expect(report).toMatchObject({ added: 1, merged: 1, skipped: [] })
    expect(await people(receiver)).toEqual([
      ['Jan', 'de Vries', null, 'Dorpsstraat'],
      ['Jan', 'de Vries', null, 'Kerkweg'],
      ['Mira', 'Oudewater', '06 1234 5678', null],
    ])
    const merged = value<PersonDetail>(await receiver.api['people:get']({ id: herMira.id }))
    expect(merged.wish).toBe('Samen koken')
    expect(merged.referredBy).toBe('Wijkteam')
    expect(merged.tags.map((tag) => tag.name)).toEqual(['koken'])
    // Her moment came along without its note (she chose so), and the line on the timeline.
    expect(merged.moments.map((m) => [m.date, m.channel, m.note, m.referredBy])).toEqual([
      ['2026-03-20', 'telefoon', null, 'Buren'],
    ])
    expect(merged.events).toMatchObject([
      { kind: 'handed_over', detail: { by: 'Sanne, Buurtwerk Noord', on: '2026-04-01' } },
    ])
    const consents = await receiver.ctx.store.db
      .selectFrom('consent')
      .select(['purpose', 'given', 'current'])
      .where('person_id', '=', herMira.id)
      .execute()
    expect(consents).toEqual([{ purpose: 'share', given: 1, current: 1 }])
    const afterFirst = await ledger(receiver)

    // Sanne hands over again, a week later, with a new moment for Mira: nobody is doubled.
    sender.clock.set('2026-04-08T09:00:00.000Z')
    value(
      await sender.api['moments:add']({
        personId: mira.id,
        date: '2026-04-07',
        channel: 'straat',
      }),
    )
    const again = await handOver(true)
    receiver.clock.set('2026-04-09T09:00:00.000Z')
    receiver.platform.fileDialog.answer = again
    value(await receiver.api['handover:choose'](undefined))
    const second = value<HandoverPreview>(
      await receiver.api['handover:unlock']({ password: 'Overdracht-2026' }),
    )
    // Jan by his id; Mira (merged into hers) is matched again, for her to decide again.
    expect(second).toMatchObject({ known: 1, matches: [{ personId: herMira.id }] })
    value(
      await receiver.api['handover:commit']({
        decisions: [{ row: second.matches[0]!.row, choice: 'merge' }],
      }),
    )
    expect(await people(receiver)).toHaveLength(3)
    const twice = value<PersonDetail>(await receiver.api['people:get']({ id: herMira.id }))
    expect(twice.moments.map((m) => m.date)).toEqual(['2026-04-07', '2026-03-20'])

    // Undo, last first: the receiver's ledger as it was, row for row.
    const history = value<{ id: string }[]>(await receiver.api['import:history'](undefined))
    value(await receiver.api['import:undo']({ id: history[0]!.id }))
    expect(await ledger(receiver)).toEqual(afterFirst)
    value(await receiver.api['import:undo']({ id: history[1]!.id }))
    expect(await ledger(receiver)).toEqual(before)
  })

  it('says so, in Dutch, of a file that is not a handover or was changed', async () => {
    await sendersLedger()
    const file = await handOver(true)
    const bytes = readFileSync(file)

    const notOne = join(receiver.dir.path, 'lijst.sprokkel')
    await import('node:fs').then((fs) => fs.writeFileSync(notOne, 'Naam;Telefoon\nMira;0612'))
    receiver.platform.fileDialog.answer = notOne
    expect(await receiver.api['handover:choose'](undefined)).toMatchObject({
      ok: false,
      error: {
        code: 'file_unreadable',
        message: expect.stringContaining('geen overdrachtsbestand'),
      },
    })

    const changed = Buffer.from(bytes)
    changed[changed.length - 40] = changed[changed.length - 40]! ^ 0xff
    const tampered = join(receiver.dir.path, 'veranderd.sprokkel')
    await import('node:fs').then((fs) => fs.writeFileSync(tampered, changed))
    receiver.platform.fileDialog.answer = tampered
    value(await receiver.api['handover:choose'](undefined))
    expect(await receiver.api['handover:unlock']({ password: 'Overdracht-2026' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_password' },
    })
    expect(await people(receiver)).toEqual([])
  })

  it('leaves a resident she anonymised or put in the trash as she left him', async () => {
    const { mira, jan } = await sendersLedger()
    receiver.platform.fileDialog.answer = await handOver(true)
    value(await receiver.api['handover:choose'](undefined))
    value(await receiver.api['handover:unlock']({ password: 'Overdracht-2026' }))
    value(await receiver.api['handover:commit']({ decisions: [] }))
    value(await receiver.api['privacy:anonymise']({ ids: [jan.id] }))
    value(await receiver.api['people:trash']({ id: mira.id }))
    const before = await ledger(receiver)

    receiver.platform.fileDialog.answer = await handOver(true)
    value(await receiver.api['handover:choose'](undefined))
    const again = value<HandoverPreview>(
      await receiver.api['handover:unlock']({ password: 'Overdracht-2026' }),
    )
    expect(again).toMatchObject({ people: 2, known: 0, matches: [] })
    const report = value<ImportReport>(await receiver.api['handover:commit']({ decisions: [] }))
    expect(report).toMatchObject({ added: 0, merged: 0, skipped: [{ row: 1 }, { row: 2 }] })
    expect(await ledger(receiver)).toEqual(before)
  })
})
