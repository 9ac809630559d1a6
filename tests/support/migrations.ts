import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterEach, beforeEach } from 'vitest'
import { migrate } from '../../db/store/migrate'
import { migrations } from '../../db/store/migrations'
import { openDatabase, openStore, type Store } from '../../db/store/store'
import { makeTempDir } from './platform'

/**
 * For a migration's test: a store file in a temporary folder at the version before `name`, to fill
 * with rows as that version held them, and then the store opened as the app opens it (every
 * migration since run on it). Closed and removed after each test.
 */
export function useStoreBefore(name: string) {
  const index = migrations.findIndex((migration) => migration.name === name)
  if (index < 0) throw new Error(`no migration ${name}`)
  const key = '4e'.repeat(32)
  let dir: ReturnType<typeof makeTempDir>
  let store: Store | undefined
  beforeEach(() => {
    dir = makeTempDir()
  })
  afterEach(async () => {
    await store?.close()
    store = undefined
    dir.remove()
  })
  const path = () => join(dir.path, `before-${name}.db`)
  return {
    /** The store as it was: every migration before this one. Destroy it before `open`. */
    async before(): Promise<Kysely<unknown>> {
      const db = openDatabase(path(), key) as unknown as Kysely<unknown>
      await migrate(db, migrations.slice(0, index))
      return db
    },
    /** The same file opened as the app opens it. */
    async open(): Promise<Store> {
      store = await openStore(path(), key)
      return store
    },
  }
}
