import { performance } from 'node:perf_hooks'
import { createApi } from '../../db/api'
import { openContext } from '../../db/context'
import type { ImportFileView, ImportPreview, ImportReport } from '../../shared/import'
import type { Result } from '../../shared/result'
import { makeTempDir, nodePlatform } from '../support/platform'

/**
 * One import of one file into an empty ledger, in a process of its own so that its peak memory is
 * the import's: through the API table, as the app runs it (read, preview, import, search index).
 * Prints one line of JSON for import.bench.ts.
 */
const file = process.argv[2]!
/** `hostile`: the file must be refused; the figure is the time to her message. */
const hostile = process.argv[3] === 'hostile'
const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value as T
}

const dir = makeTempDir('sprokkelaar-bench-import-')
process.on('exit', () => dir.remove())
const platform = nodePlatform(dir.path)
const ctx = await openContext(platform)
const api = createApi(ctx, { onError: (_c, error) => console.error(error) })
const baseMb = process.memoryUsage().rss / 1024 / 1024
try {
  platform.fileDialog.answer = file
  const start = performance.now()
  const opening = await api['import:open'](undefined)
  if (hostile) {
    if (opening.ok) throw new Error(`import bench: ${file} was not refused`)
    console.log(
      JSON.stringify({
        seconds: (performance.now() - start) / 1000,
        message: opening.error.message,
        peakMb: process.resourceUsage().maxRSS / 1024,
        baseMb,
      }),
    )
    process.exit(0)
  }
  const view = value<ImportFileView>(opening)
  const opened = performance.now()
  const mapping = view.columns.map((column) => column.suggested)
  // She adds every possible duplicate as new (a generated list has many same-name neighbours).
  // The preview itself lives in her window's process, not here: only her decisions are kept.
  const decisions = value<ImportPreview>(
    await api['import:preview']({ sessionId: view.sessionId, mapping }),
  )
    .rows.filter((row) => row.duplicate)
    .map((row) => ({ row: row.row, duplicate: 'new' as const }))
  const previewed = performance.now()
  const report = value<ImportReport>(
    await api['import:commit']({ sessionId: view.sessionId, mapping, decisions }),
  )
  const done = performance.now()
  console.log(
    JSON.stringify({
      seconds: (done - start) / 1000,
      open: (opened - start) / 1000,
      preview: (previewed - opened) / 1000,
      commit: (done - previewed) / 1000,
      added: report.added,
      peakMb: process.resourceUsage().maxRSS / 1024,
      baseMb,
    }),
  )
} finally {
  await ctx.store.close()
  dir.remove()
}
