import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CompiledQuery, sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StoreError } from '../../db/store/errors'
import { migrate, schemaVersion } from '../../db/store/migrate'
import { migrations } from '../../db/store/migrations'
import { createPerson, listPeople, peoplePageQuery } from '../../db/ledger/people'
import { at } from '../support/ledger'
import { fileLooksEncrypted, openDatabase, openStore, type Store } from '../../db/store/store'
import { makeTempDir } from '../support/platform'
import { person } from '../support/ledger'

const key = '0f'.repeat(32)
const otherKey = 'a1'.repeat(32)

let dir: ReturnType<typeof makeTempDir>
let path: string
const open: Store[] = []
const openTracked = async (k = key) => {
  const store = await openStore(path, k)
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

const filesOnDisk = () =>
  [path, `${path}-wal`, `${path}-shm`].filter(existsSync).map((file) => readFileSync(file))

describe('encryption', () => {
  it('keeps no plaintext of a stored name on disk, while open and after closing', async () => {
    const store = await openTracked()
    await createPerson(
      store.db,
      person({
        firstName: 'Wilhelmina',
        street: 'Kerkstraat',
        note: 'houdt van tuinieren',
        tags: [{ kind: 'passion', name: 'Borduren' }],
        moment: { date: '2026-03-02', channel: 'portiek', note: 'Praatje bij de voordeur' },
      }),
      at(),
    )
    for (const bytes of filesOnDisk()) {
      for (const secret of ['Wilhelmina', 'Kerkstraat', 'tuinieren', 'Borduren', 'voordeur']) {
        expect(bytes.includes(secret), secret).toBe(false)
      }
    }
    await store.close()
    open.length = 0
    expect(filesOnDisk().some((bytes) => bytes.includes('Wilhelmina'))).toBe(false)
    expect(fileLooksEncrypted(path)).toBe(true)
    expect(store.encrypted).toBe(true)
  })

  it('opens again with the right key and finds what was stored', async () => {
    const first = await openTracked()
    await createPerson(
      first.db,
      person({ firstName: 'Jan', tussenvoegsel: 'de', lastName: 'Vries' }),
      at(),
    )
    await first.close()
    open.length = 0
    const again = await openTracked()
    const { items } = await listPeople(again.db, { scope: 'active', limit: 10, offset: 0 })
    expect(items.map((p) => p.lastName)).toEqual(['Vries'])
  })

  it('refuses the wrong key with a clear Dutch error and leaves the file as it was', async () => {
    const store = await openTracked()
    await createPerson(store.db, person({ firstName: 'Jan' }), at())
    await store.close()
    open.length = 0
    const before = readFileSync(path)
    const error = await openStore(path, otherKey).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe('store_wrong_key')
    expect((error as StoreError).message).toMatch(/sleutel past niet/)
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('refuses a file that is not a store at all', async () => {
    writeFileSync(path, 'dit is een boodschappenlijstje, geen database'.repeat(100))
    await expect(openStore(path, key)).rejects.toMatchObject({ code: 'store_wrong_key' })
  })

  it('takes only a 256-bit hex key', async () => {
    await expect(openStore(path, 'geheim')).rejects.toThrow(/64 hexadecimal/)
  })
})

describe('pragmas', () => {
  it('sets WAL, foreign keys, full sync, a busy timeout and secure delete', async () => {
    const store = await openTracked()
    const pragma = async (name: string) =>
      Object.values(
        (await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(store.db)).rows[0]!,
      )[0]
    expect(await pragma('journal_mode')).toBe('wal')
    expect(await pragma('foreign_keys')).toBe(1)
    expect(await pragma('synchronous')).toBe(2)
    expect(await pragma('busy_timeout')).toBe(5000)
    // Erased means gone from every page (the SQLite3MultipleCiphers build turns it on for an
    // encrypted file too; the store says it itself rather than count on that).
    expect(await pragma('secure_delete')).toBe(1)
  })
})

describe('migrations', () => {
  it('bring a new store to the newest version with STRICT tables', async () => {
    const store = await openTracked()
    expect(await schemaVersion(store.db as unknown as Kysely<unknown>)).toBe(migrations.length)
    const { rows } = await sql<{ name: string; strict: number }>`
      SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'
    `.execute(store.db)
    expect(rows.length).toBeGreaterThan(0)
    for (const table of rows) expect(table, table.name).toMatchObject({ strict: 1 })
  })

  it('0001 stores a person and STRICT refuses a value of the wrong type', async () => {
    const db = openDatabase(path, key) as unknown as Kysely<unknown>
    await migrate(db, migrations.slice(0, 1))
    await sql`INSERT INTO person (id, first_name, created_at, updated_at)
              VALUES ('p1', 'Ans', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(
      db,
    )
    await expect(
      sql`INSERT INTO person (id, first_name, created_at, updated_at)
          VALUES ('p2', x'00ff', 'a', 'b')`.execute(db),
    ).rejects.toThrow(/cannot store BLOB value in TEXT column/)
    await db.destroy()
  })

  it('refuses a store written by a newer version, and does not touch it', async () => {
    const store = await openTracked()
    await sql.raw(`PRAGMA user_version = ${migrations.length + 1}`).execute(store.db)
    await store.close()
    open.length = 0
    const error = (await openStore(path, key).catch((e: unknown) => e)) as StoreError
    expect(error.code).toBe('store_too_new')
    expect(error.message).toMatch(/nieuwere versie van Sprokkelaar/)
    const reopened = await openStore(path, key).catch((e: unknown) => e)
    expect(reopened).toMatchObject({ code: 'store_too_new' })
  })

  it('apply all pending migrations or none', async () => {
    const store = await openTracked()
    const db = store.db as unknown as Kysely<unknown>
    const broken = [
      ...migrations,
      {
        name: '9998_fine',
        up: async (trx: Kysely<unknown>) => {
          await sql`CREATE TABLE fine (id TEXT PRIMARY KEY) STRICT`.execute(trx)
        },
      },
      {
        name: '9999_broken',
        up: async (trx: Kysely<unknown>) => {
          await sql`CREATE TABLE person (id TEXT) STRICT`.execute(trx)
        },
      },
    ]
    await expect(migrate(db, broken)).rejects.toThrow(/already exists/)
    expect(await schemaVersion(db)).toBe(migrations.length)
    const { rows } = await sql`SELECT name FROM sqlite_schema WHERE name = 'fine'`.execute(db)
    expect(rows).toEqual([])
  })

  it('lists migrations with increasing numbers and no gaps', () => {
    migrations.forEach((migration, index) => {
      expect(migration.name.slice(0, 4)).toBe(String(index + 1).padStart(4, '0'))
    })
  })
})

describe('the people list', () => {
  it('sorts the Dutch way, by last name without tussenvoegsel, accents folded', async () => {
    const store = await openTracked()
    for (const fields of [
      { firstName: 'Jan', tussenvoegsel: 'de', lastName: 'Vries' },
      { firstName: 'Fatima', tussenvoegsel: 'el', lastName: 'Amrani' },
      { firstName: 'Piet', tussenvoegsel: 'van', lastName: 'Dam' },
      { firstName: 'anna', lastName: 'bakker' },
      { firstName: 'Ayşe', lastName: 'Öztürk' },
    ]) {
      await createPerson(store.db, person(fields), at())
    }
    const { items, total } = await listPeople(store.db, { scope: 'active', limit: 10, offset: 0 })
    expect(total).toBe(5)
    // Accents fold: Öztürk stands under O, not after Z.
    expect(items.map((p) => p.lastName)).toEqual(['Amrani', 'bakker', 'Dam', 'Öztürk', 'Vries'])
    const page = await listPeople(store.db, { scope: 'active', limit: 2, offset: 3 })
    expect(page.items.map((p) => p.lastName)).toEqual(['Öztürk', 'Vries'])
  })

  it('reads a page of the list from the sort index', async () => {
    const store = await openTracked()
    const query = peoplePageQuery(store.db, { scope: 'active', limit: 200, offset: 0 }).compile()
    const { rows } = await store.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
    )
    const plan = rows.map((row) => row.detail).join('\n')
    expect(plan).toMatch(/USING INDEX person_list/)
    expect(plan).not.toMatch(/TEMP B-TREE/)
  })
})
