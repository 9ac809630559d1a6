// Writes backups of a store in a loop until it is killed (tests/integration/backup.test.ts kills it
// with SIGKILL at a different moment each round). Arguments: store file, key, folder, round.
import { rotate } from '../../db/backup/backups'
import { writeBackup } from '../../db/backup/write'

const [source, key, folder, round] = process.argv.slice(2) as [string, string, string, string]
await rotate(folder)
process.stdout.write('started\n')
for (let i = 0; ; i++) {
  // A second apart, so that every backup of a round has a name of its own.
  const createdAt = new Date(Date.UTC(2027, 0, 1) + (Number(round) * 1000 + i) * 1000)
  const outcome = writeBackup({
    source,
    key,
    folder,
    createdAt: createdAt.toISOString(),
    recovery: null,
    ledger: 'kill-test',
  })
  if (!outcome.ok) throw new Error(outcome.reason)
  await rotate(folder)
}
