import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getPerson, listPeople } from '../../db/ledger/people'
import { schemaVersion } from '../../db/store/migrate'
import { migrations } from '../../db/store/migrations'
import { openStore, type Store } from '../../db/store/store'
import { makeTempDir } from '../support/platform'

// See tests/fixtures/store-12x/README.md: written by better-sqlite3-multiple-ciphers 12.9.0.
const fixture = new URL('../fixtures/store-12x/sprokkelaar.db', import.meta.url)
const key = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00'

let dir: ReturnType<typeof makeTempDir>
let store: Store | undefined
beforeEach(() => {
  dir = makeTempDir()
  copyFileSync(fixture, join(dir.path, 'sprokkelaar.db'))
})
afterEach(async () => {
  await store?.close()
  store = undefined
  dir.remove()
})

describe('a store written by the 12.x driver', () => {
  it('opens with the 13.x driver and the same key, and reads every resident back', async () => {
    store = await openStore(join(dir.path, 'sprokkelaar.db'), key)
    expect(store.encrypted).toBe(true)
    // Every migration since ran on it.
    expect(await schemaVersion(store.db as unknown as Kysely<unknown>)).toBe(migrations.length)

    const page = await listPeople(store.db, { scope: 'active', limit: 10, offset: 0 })
    expect(page.total).toBe(3)
    expect(page.items.map((p) => `${p.firstName} ${p.lastName}`)).toEqual([
      'Fatima Amrani',
      'Öztürk Ayşe',
      'Henk Jansen',
    ])

    const fatima = await getPerson(store.db, page.items[0]!.id)
    expect(fatima).toMatchObject({
      tussenvoegsel: 'el',
      street: 'Kerkstraat',
      houseNumber: '12',
      postcode: '3701 AB',
      wijk: 'Kerckebosch',
      phone: '06-12345678',
      email: 'fatima@example.nl',
      wish: 'Wil graag koken voor de buurt',
      note: 'Oud-docente, vertelt graag.',
      availability: ['tue-morning', 'thu-afternoon'],
      consentStatus: 'written',
      lastContactOn: '2026-11-20',
    })
    expect(fatima.tags.map((tag) => tag.name).sort()).toEqual(['Koken', 'Naaien'])
    expect(fatima.moments).toMatchObject([
      { date: '2026-11-20', channel: 'portiek', note: 'Portiekgesprek met Ans', worker: 'Meike' },
    ])
    expect(fatima.connections).toHaveLength(1)
    expect(fatima.followUps.map((f) => f.dueOn).sort()).toEqual(['2026-12-11', '2026-12-20'])

    const henk = await getPerson(store.db, page.items[2]!.id)
    expect(henk.followUps.map((f) => [f.dueOn, f.source]).sort()).toEqual([
      ['2026-12-01', 'manual'],
      ['2027-02-19', 'cadence'],
      ['2027-06-01', 'available_from'],
    ])
  })

  it('refuses the wrong key with a Dutch message, as before', async () => {
    await expect(openStore(join(dir.path, 'sprokkelaar.db'), '0f'.repeat(32))).rejects.toThrow(
      /sleutel past niet/,
    )
  })
})
