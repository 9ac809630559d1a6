import { statSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { createApi } from '../../db/api'
import { openContext } from '../../db/context'
import type { HandoverPreview, HandoverSaved } from '../../shared/handover'
import type { ImportReport } from '../../shared/import'
import type { Result } from '../../shared/result'
import { makeTempDir, nodePlatform, TestClock } from '../support/platform'
import { fill } from './fill'
import { syntheticPeople } from './ledger'
import { megabytes, round, type Figure } from './measure'

const people = 10_000
const password = 'Overdracht-2026'

/**
 * An overdrachtsbestand of 10k residents with ten contact moments each (notes included), through
 * the API: making it (reading, JSON, gzip, the KDF, sealing, writing), and taking it over into
 * another ledger (the KDF, opening, checking every field, matching against her ledger, one
 * transaction, the search indexes brought up to date). Then the same file taken over again:
 * everyone known by id, brought up to date.
 */
export async function handoverBench(): Promise<Figure[]> {
  const dir = makeTempDir('sprokkelaar-bench-')
  const clock = new TestClock(new Date('2026-04-01T09:00:00.000Z'))
  const senderPlatform = nodePlatform(join(dir.path, 'sanne'), clock)
  const receiverPlatform = nodePlatform(join(dir.path, 'meike'), clock)
  const sender = await openContext(senderPlatform)
  const receiver = await openContext(receiverPlatform)
  try {
    await fill(sender.store, syntheticPeople(people, 23))
    await sql`INSERT INTO contact_moment (id, person_id, date, channel, place, note, worker, created_at)
      SELECT lower(hex(randomblob(16))), p.id,
        date('2024-01-01', '+' || (abs(random()) % 700) || ' days'), 'straat', NULL,
        'Gesproken over de buurt en de wandelgroep', 'Sanne', '2026-01-01T00:00:00Z'
      FROM person p,
        (WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 9) SELECT i FROM k)`.execute(
      sender.store.db,
    )
    sender.store.checkpoint()
    const file = join(dir.path, 'overdracht.sprokkel')
    senderPlatform.fileDialog.saveAnswer = file
    receiverPlatform.fileDialog.answer = file
    const give = createApi(sender)
    const take = createApi(receiver)

    const start = performance.now()
    const saved = ok<HandoverSaved>(
      await give['handover:export']({ wijkIds: null, includeNotes: true, password }),
    )
    const exportSeconds = (performance.now() - start) / 1000
    if (saved.people !== people) throw new Error('handover export incomplete')
    const { size } = statSync(file)

    // Choose, password, preview, commit, and the search indexes brought up to date.
    const takeOver = async () => {
      const started = performance.now()
      ok(await take['handover:choose'](undefined))
      const preview = ok<HandoverPreview>(await take['handover:unlock']({ password }))
      const opened = performance.now()
      const report = ok<ImportReport>(await take['handover:commit']({ decisions: [] }))
      const done = performance.now()
      return {
        seconds: (done - started) / 1000,
        unlockSeconds: (opened - started) / 1000,
        preview,
        report,
      }
    }
    const first = await takeOver()
    if (first.report.added !== people) throw new Error('handover import incomplete')
    const again = await takeOver()
    if (again.preview.known !== people) throw new Error('handover reimport did not know everyone')
    const rss = process.memoryUsage().rss
    return [
      { id: 'handover.export.s@10k', value: round(exportSeconds, 2), unit: 's', target: 5 },
      { id: 'handover.import.s@10k', value: round(first.seconds, 2), unit: 's', target: 5 },
      {
        id: 'handover.import_open_s@10k',
        value: round(first.unlockSeconds, 2),
        unit: 's',
      },
      { id: 'handover.reimport.s@10k', value: round(again.seconds, 2), unit: 's' },
      { id: 'handover.file_mb@10k', value: megabytes(size), unit: 'MB' },
      { id: 'handover.rss_mb@10k', value: megabytes(rss), unit: 'MB' },
    ]
  } finally {
    await sender.store.close()
    await receiver.store.close()
    dir.remove()
  }
}

function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`handover bench: ${result.error.code}`)
  return result.value as T
}
