import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { sql } from 'kysely'
import { idleBackups, makeBackup, type BackupContext } from '../../db/backup/backups'
import { setSetting } from '../../db/ledger/settings'
import type { LogFields } from '../../db/platform/log'
import { openStore } from '../../db/store/store'
import { makeTempDir } from '../support/platform'
import { fill } from './fill'
import { syntheticPeople } from './ledger'
import { megabytes, percentile, round, type Figure } from './measure'

const people = 100_000
const momentsEach = 10
const key = '7d'.repeat(32)
const runs = 3

/**
 * A backup of a ledger of 100k residents with 1M contact moments, as "Nu een back-up maken" makes
 * it: the worker thread's copy (VACUUM INTO), its check (quick_check, every table's rows) and the
 * trailer, start to listed. Meanwhile the main thread's event loop is watched while a page of
 * her list is read every 20 ms (its longest stall is what her window would wait for at most);
 * a fourth backup runs while a setting is saved every 50 ms: how long a save takes then (each is
 * flushed to disk while the backup writes hundreds of MB to the same disk).
 */
export async function backupBench(): Promise<Figure[]> {
  const dir = makeTempDir('sprokkelaar-bench-')
  const store = await openStore(join(dir.path, 'sprokkelaar.db'), key)
  try {
    await fill(store, syntheticPeople(people, 17))
    // One moment per resident came with the fill; nine more each, written in SQL (the app's own
    // write path is measured in the capture suite, and would take minutes here).
    await sql`PRAGMA synchronous = OFF`.execute(store.db)
    await sql`INSERT INTO contact_moment (id, person_id, date, channel, place, note, worker, created_at)
      SELECT lower(hex(randomblob(16))), p.id,
        date('2022-01-01', '+' || (abs(random()) % 1400) || ' days'), 'huisbezoek', NULL,
        'Gesproken over de buurt en de wandelgroep', NULL, '2026-01-01T00:00:00Z'
      FROM person p,
        (WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${momentsEach - 1})
         SELECT i FROM k)`.execute(store.db)
    await sql`PRAGMA synchronous = FULL`.execute(store.db)
    store.checkpoint()
    const moments = (
      await sql<{ n: number }>`SELECT count(*) AS n FROM contact_moment`.execute(store.db)
    ).rows[0]!.n

    const written: LogFields[] = []
    const ctx: BackupContext = {
      store,
      platform: {
        dataDir: dir.path,
        now: () => new Date(),
        storeKey: async () => ({ key, protection: 'file-only' }),
        backupWorker: new URL('../support/backup-thread.mjs', import.meta.url),
      },
      log: {
        info: (event, fields = {}) => void (event === 'backup.written' && written.push(fields)),
        error: () => undefined,
      },
      backups: idleBackups(),
    }

    const seconds: number[] = []
    const blocks: number[] = []
    const saves: number[] = []
    const page = (i: number) =>
      store.db
        .selectFrom('person')
        .select(['id', 'first_name'])
        .orderBy('name_key')
        .offset((i * 50) % 2000)
        .limit(50)
        .execute()
    const save = (i: number) => setSetting(store.db, 'benchTyping', String(i))
    // Browsing for 6 s with no backup: the stalls this process has anyway (its garbage collector,
    // the machine), to read the figure below against.
    const baseline = await whileDoing(page, 20, () => new Promise((r) => setTimeout(r, 6000)))
    // Three backups while she browses (a page of her list every 20 ms: reads, as the UI does);
    // then one while she saves something every 50 ms.
    for (let run = 0; run <= runs; run++) {
      const saving = run === runs
      let took = 0
      const watched = await whileDoing(saving ? save : page, saving ? 50 : 20, async () => {
        const start = performance.now()
        const status = await makeBackup(ctx)
        took = (performance.now() - start) / 1000
        if (status.problem || !status.last) throw new Error('backup failed in the bench')
      })
      if (saving) saves.push(...watched.steps)
      else {
        seconds.push(took)
        blocks.push(watched.maxStall)
      }
      // A new name per run (names go by the second).
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    const last = written.at(-1)!
    return [
      {
        id: 'backup.s@100k',
        value: round(percentile(seconds, 50), 2),
        unit: 's',
        target: 2,
      },
      {
        id: 'backup.max_block_ms@100k',
        value: round(Math.max(...blocks), 1),
        unit: 'ms',
        target: 50,
      },
      { id: 'backup.baseline_block_ms@100k', value: round(baseline.maxStall, 1), unit: 'ms' },
      { id: 'backup.copy_s@100k', value: round(Number(last['copyMs']) / 1000, 2), unit: 's' },
      { id: 'backup.check_s@100k', value: round(Number(last['checkMs']) / 1000, 2), unit: 's' },
      {
        id: 'backup.save_during_max_ms@100k',
        value: round(Math.max(...saves), 1),
        unit: 'ms',
      },
      {
        id: 'backup.save_during_p50_ms@100k',
        value: round(percentile(saves, 50), 1),
        unit: 'ms',
      },
      { id: 'backup.file_mb@100k', value: megabytes(Number(last['bytes'])), unit: 'MB' },
      { id: 'backup.moments@100k', value: moments, unit: 'rows' },
      { id: 'backup.rss_mb@100k', value: megabytes(peakRss), unit: 'MB' },
    ]
  } finally {
    await store.close()
    dir.remove()
  }
}

/**
 * Runs `until` while `step` is done every `every` ms, as her window would: the main thread's
 * longest stall meanwhile (the event loop's delay past a 5 ms timer), how long each step took, and
 * the process's largest RSS. Garbage from before is collected first, not in the middle.
 */
async function whileDoing(
  step: (i: number) => Promise<unknown>,
  every: number,
  until: () => Promise<unknown>,
): Promise<{ maxStall: number; steps: number[] }> {
  ;(globalThis as { gc?: () => void }).gc?.()
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  const steps: number[] = []
  let busy = true
  const work = (async () => {
    for (let i = 0; busy; i++) {
      const start = performance.now()
      await step(i)
      steps.push(performance.now() - start)
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
      await new Promise((resolve) => setTimeout(resolve, every))
    }
  })()
  try {
    await until()
  } finally {
    busy = false
    await work
    loop.disable()
  }
  return { maxStall: loop.max / 1e6, steps }
}

let peakRss = 0
