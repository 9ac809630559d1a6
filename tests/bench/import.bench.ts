import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { manyWorkerRows, writeWorkerCsv1252, writeWorkerXlsx } from '../support/import-fixtures'
import { makeTempDir } from '../support/platform'
import { percentile, round, type Figure } from './measure'

interface Run {
  seconds: number
  open: number
  preview: number
  commit: number
  added: number
  peakMb: number
  baseMb: number
}

const runs = 3

/** One import in a fresh process (see import-run.ts), so each run's peak memory is its own. */
function importOnce(file: string): Run {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', new URL('./import-run.ts', import.meta.url).pathname, file],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return JSON.parse(output.trim().split('\n').at(-1)!) as Run
}

/** Her 10,000-row list as .xlsx and as Dutch Excel's CSV: open, preview and import, end to end. */
export async function importBench(): Promise<Figure[]> {
  const dir = makeTempDir('sprokkelaar-bench-files-')
  try {
    const rows = manyWorkerRows(10_000)
    const xlsx = join(dir.path, 'bewoners-10k.xlsx')
    const csv = join(dir.path, 'bewoners-10k.csv')
    await writeWorkerXlsx(xlsx, rows)
    writeWorkerCsv1252(csv, rows)
    const figures: Figure[] = []
    for (const [format, file] of [
      ['xlsx', xlsx],
      ['csv', csv],
    ] as const) {
      const results = Array.from({ length: runs }, () => importOnce(file))
      if (results.some((run) => run.added < 9_000))
        throw new Error('import bench: rows went missing')
      const median = (pick: (run: Run) => number) => round(percentile(results.map(pick), 50), 2)
      figures.push(
        {
          id: `import.${format}_10k.s`,
          value: median((run) => run.seconds),
          unit: 's',
          target: 3,
        },
        {
          id: `import.${format}_10k.max_s`,
          value: round(Math.max(...results.map((r) => r.seconds)), 2),
          unit: 's',
        },
        { id: `import.${format}_10k.open_s`, value: median((run) => run.open), unit: 's' },
        { id: `import.${format}_10k.preview_s`, value: median((run) => run.preview), unit: 's' },
        { id: `import.${format}_10k.commit_s`, value: median((run) => run.commit), unit: 's' },
        {
          id: `import.${format}_10k.peak_mb`,
          value: round(Math.max(...results.map((run) => run.peakMb)), 0),
          unit: 'MB',
        },
        // What the same process holds before it reads the file: Node, the addon, an empty store.
        { id: `import.${format}_10k.base_mb`, value: median((run) => run.baseMb), unit: 'MB' },
      )
    }
    return figures
  } finally {
    dir.remove()
  }
}
