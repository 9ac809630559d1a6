import { join } from 'node:path'
import { sql } from 'kysely'
import { createPerson, getPerson } from '../db/people'
import { openStore } from '../db/store'
import { at } from './support/ledger'
import { makeTempDir } from './support/platform'
import { syntheticPeople } from './bench/ledger'
import { percentile, timeEach } from './bench/measure'
const dir = makeTempDir()
const store = await openStore(join(dir.path, 'p.db'), '6b'.repeat(32))
const people = syntheticPeople(5000, 3)
for (let i = 0; i < 1000; i++) await createPerson(store.db, people.next().value!, at())
for (const mode of ['FULL', 'NORMAL', 'OFF']) {
  await sql.raw(`PRAGMA synchronous = ${mode}`).execute(store.db)
  const s = await timeEach(500, () => createPerson(store.db, people.next().value!, at()))
  console.log(mode, 'p50', percentile(s, 50).toFixed(3), 'p95', percentile(s, 95).toFixed(3))
}
const p = (await createPerson(store.db, people.next().value!, at())).id
const g = await timeEach(500, () => getPerson(store.db, p))
console.log('getPerson p50', percentile(g, 50).toFixed(3))
const e = await timeEach(500, () => sql`SELECT 1`.execute(store.db))
console.log('trivial query p50', percentile(e, 50).toFixed(3))
await store.close()
dir.remove()
