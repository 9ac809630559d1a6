import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { hostileFiles, writeHostileFiles, type HostileFile } from '../support/hostile-files'
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
function importOnce(file: string): Run
function importOnce(file: string, mode: 'hostile'): Refused
function importOnce(file: string, mode?: 'hostile'): Run | Refused {
  const output = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./import-run.ts', import.meta.url).pathname,
      file,
      ...(mode ? [mode] : []),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
  )
  return JSON.parse(output.trim().split('\n').at(-1)!) as Run | Refused
}

interface Refused {
  seconds: number
  message: string
  peakMb: number
  baseMb: number
}

/** The figures of one file size and format: the median run, the worst, and their memory. */
function figuresOf(name: string, results: Run[], target: number, peakTarget?: number): Figure[] {
  const median = (pick: (run: Run) => number) => round(percentile(results.map(pick), 50), 2)
  return [
    { id: `import.${name}.s`, value: median((run) => run.seconds), unit: 's', target },
    {
      id: `import.${name}.max_s`,
      value: round(Math.max(...results.map((r) => r.seconds)), 2),
      unit: 's',
    },
    { id: `import.${name}.open_s`, value: median((run) => run.open), unit: 's' },
    { id: `import.${name}.preview_s`, value: median((run) => run.preview), unit: 's' },
    { id: `import.${name}.commit_s`, value: median((run) => run.commit), unit: 's' },
    {
      id: `import.${name}.peak_mb`,
      value: round(Math.max(...results.map((run) => run.peakMb)), 0),
      unit: 'MB',
      ...(peakTarget ? { target: peakTarget } : {}),
    },
    // What the same process holds before it reads the file: Node, the addon, an empty store.
    { id: `import.${name}.base_mb`, value: median((run) => run.baseMb), unit: 'MB' },
  ]
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
      figures.push(...figuresOf(`${format}_10k`, results, 3))
    }
    // A long list: 100,000 rows as Dutch Excel's CSV, once (it takes a while).
    const csv100k = join(dir.path, 'bewoners-100k.csv')
    writeWorkerCsv1252(csv100k, manyWorkerRows(100_000, 43))
    const long = importOnce(csv100k)
    if (long.added < 90_000) throw new Error('import bench: rows went missing (100k)')
    figures.push(...figuresOf('csv_100k', [long], 20, 600))
    figures.push(...hostileFigures(dir.path))
    return figures
  } finally {
    dir.remove()
  }
}

/**
 * Files made to break the import (tests/support/hostile-files.ts), each in a fresh process: how
 * long until her Dutch message, and the most memory any of them took.
 */
function hostileFigures(dir: string): Figure[] {
  const names = Object.keys(hostileFiles) as HostileFile[]
  const paths = writeHostileFiles(dir, names)
  const results = names.map((name) => ({ name, ...importOnce(paths[name], 'hostile') }))
  const worst = results.reduce((a, b) => (b.seconds > a.seconds ? b : a))
  const hungriest = results.reduce((a, b) => (b.peakMb > a.peakMb ? b : a))
  return [
    { id: 'import.hostile.max_s', value: round(worst.seconds, 2), unit: 's', target: 5 },
    { id: 'import.hostile.peak_mb', value: round(hungriest.peakMb, 0), unit: 'MB', target: 400 },
    ...results.map((result) => ({
      id: `import.hostile.${result.name}.s`,
      value: round(result.seconds, 2),
      unit: 's',
    })),
    ...results.map((result) => ({
      id: `import.hostile.${result.name}.peak_mb`,
      value: round(result.peakMb, 0),
      unit: 'MB',
    })),
  ]
}
