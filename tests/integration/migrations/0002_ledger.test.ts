import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../../db/store/migrate'
import { migrations } from '../../../db/store/migrations'
import { openDatabase, openStore, type Store } from '../../../db/store/store'
import { makeTempDir } from '../../support/platform'
import { listPeople } from '../../../db/ledger/people'

const key = '0f'.repeat(32)
let dir: ReturnType<typeof makeTempDir>
let path: string
const open: Store[] = []
const openTracked = async () => {
  const store = await openStore(path, key)
  open.push(store)
  return store
}
beforeEach(() => {
  dir = makeTempDir()
  path = join(dir.path, 'sprokkelaar.db')
})
afterEach(async () => {
  await Promise.allSettled(open.splice(0).map((store) => store.close()))
  dir.remove()
})

describe('migration 0002_ledger', () => {
  it('0002 moves v1 people over, their wijk spellings into one wijk each', async () => {
    const v1 = openDatabase(path, key) as unknown as Kysely<unknown>
    await migrate(v1, migrations.slice(0, 1))
    const stamp = '2026-01-01T00:00:00.000Z'
    for (const [id, first, tv, last, wijk, note] of [
      ['p1', 'Fatima', 'el', 'Amrani', 'Kerckebosch', 'kookt graag'],
      ['p2', 'Jan', 'de', 'Vries', ' kerckebosch ', null],
      ['p3', 'Ans', null, null, null, null],
      ['p4', 'Saïda', null, 'Boukhari', 'Hoge Dennen', null],
    ]) {
      await sql`INSERT INTO person (id, first_name, tussenvoegsel, last_name, wijk, note,
                                    created_at, updated_at)
                VALUES (${id}, ${first}, ${tv}, ${last}, ${wijk}, ${note}, ${stamp}, ${stamp})`.execute(
        v1,
      )
    }
    await v1.destroy()

    const store = await openTracked()
    const { rows: wijken } = await sql<{
      name: string
    }>`SELECT name FROM wijk ORDER BY name`.execute(store.db)
    expect(wijken.map((w) => w.name)).toEqual(['Hoge Dennen', 'Kerckebosch'])
    const { items } = await listPeople(store.db, { scope: 'active', limit: 10, offset: 0 })
    expect(items.map((p) => [p.id, p.wijk])).toEqual([
      ['p1', 'Kerckebosch'],
      ['p3', null],
      ['p4', 'Hoge Dennen'],
      ['p2', 'Kerckebosch'],
    ])
    const { rows } = await sql<{ name_key: string; note: string | null; status: string }>`
      SELECT name_key, note, status FROM person ORDER BY id`.execute(store.db)
    expect(rows).toEqual([
      { name_key: 'amrani', note: 'kookt graag', status: 'active' },
      { name_key: 'vries', note: null, status: 'active' },
      { name_key: 'ans', note: null, status: 'active' },
      { name_key: 'boukhari', note: null, status: 'active' },
    ])
    const { rows: violations } = await sql`PRAGMA foreign_key_check`.execute(store.db)
    expect(violations).toEqual([])
  })
})
