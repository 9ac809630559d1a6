import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { meetsTarget, type Figure } from './measure'
import { backupBench } from './backup.bench'
import { bulkBench } from './bulk.bench'
import { captureBench } from './capture.bench'
import { followUpsBench } from './followups.bench'
import { handoverBench } from './handover.bench'
import { importBench } from './import.bench'
import { matchBench } from './match.bench'
import { privacyBench } from './privacy.bench'
import { reportBench } from './report.bench'
import { searchAppBench } from './search-app.bench'
import { searchBench } from './search.bench'
import { startBench } from './start.bench'
import { storeBench } from './store.bench'

// Each issue adds its suite here; ids are the ones the issue names.
const suites: [string, () => Promise<Figure[]>][] = [
  ['store', storeBench],
  ['capture', captureBench],
  ['followups', followUpsBench],
  ['search', searchBench],
  ['import', importBench],
  ['match', matchBench],
  ['report', reportBench],
  ['privacy', privacyBench],
  ['backup', backupBench],
  ['handover', handoverBench],
  ['bulk', bulkBench],
  ['start', startBench],
  ['search-app', searchAppBench],
  // How the cost grows: the same ids at 300k (not in the default run: about half an hour).
  [
    'growth',
    async () => [
      ...(await startBench(300_000)),
      ...(await searchAppBench(300_000)),
      ...(await searchBench([300_000])),
    ],
  ],
]

// `BENCH_SUITES=capture npm run bench` runs only the suites named.
const only = process.env['BENCH_SUITES']?.split(',')
const figures: Figure[] = []
const chosen = suites.filter(([name]) => (only ? only.includes(name) : name !== 'growth'))
for (const [name, run] of chosen) {
  process.stdout.write(`bench: ${name}…\n`)
  figures.push(...(await run()))
}

const verdict = (figure: Figure) =>
  figure.target === undefined ? '' : meetsTarget(figure) ? 'ok' : 'MISSES TARGET'
console.log(`\nSprokkelaar benchmarks — Node ${process.version}, ${cpus().length} cores\n`)
console.table(
  figures.map((figure) => ({
    id: figure.id,
    value: figure.value,
    unit: figure.unit,
    target: figure.target ?? '',
    verdict: verdict(figure),
  })),
)
writeFileSync(
  new URL('../../bench-results.json', import.meta.url),
  `${JSON.stringify(figures, null, 2)}\n`,
)
console.log('written: bench-results.json')
