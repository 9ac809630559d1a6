import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { createApi } from '../../db/api'
import { openContext, type ApiContext } from '../../db/context'
import { logFileName } from '../../db/platform/log'
import { makeTempDir, nodePlatform, TestClock } from './platform'

/** Every row of every table, in one order: what "the same ledger" means. */
export async function everyRow(ctx: ApiContext): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_schema
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'
    ORDER BY name`.execute(ctx.store.db)
  const rows: Record<string, unknown[]> = {}
  for (const { name } of tables.rows) {
    const table = await sql`SELECT * FROM ${sql.table(name)}`.execute(ctx.store.db)
    rows[name] = table.rows.map((row) => JSON.stringify(row)).sort()
  }
  return rows
}

/**
 * The files of a folder with a hash of each: to prove that nothing in it changed (but the log,
 * which notes the event, without a word of hers).
 */
export function folderState(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== logFileName)
      .map((entry) => {
        const path = join(entry.parentPath, entry.name)
        return [path, createHash('sha256').update(readFileSync(path)).digest('hex')]
      }),
  )
}

/**
 * Another computer (or a colleague's): an empty data folder, its own key, no keyring. Close its
 * store and remove its folder when done: `close()`.
 */
export async function anotherComputer(now = new Date('2026-05-01T10:00:00.000Z')) {
  const dir = makeTempDir()
  const clock = new TestClock(now)
  const platform = nodePlatform(dir.path, clock)
  const ctx = await openContext(platform)
  return {
    dir,
    clock,
    platform,
    ctx,
    api: createApi(ctx),
    close: async () => {
      await ctx.store.close().catch(() => undefined)
      dir.remove()
    },
  }
}
