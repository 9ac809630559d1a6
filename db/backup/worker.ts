import { parentPort, workerData } from 'node:worker_threads'
import { eraseFromBackup } from './erase'
import type { BackupJob, BackupJobOutcome } from './thread'
import { writeBackup } from './write'

/**
 * The backup's worker thread: one job per thread (a backup to write, see write.ts, or residents to
 * erase from one backup, see erase.ts), answered with one message. Its own connection and its own
 * thread: the main process keeps answering her window meanwhile.
 */
const job = workerData as BackupJob
let outcome: BackupJobOutcome
try {
  outcome = job.kind === 'write' ? writeBackup(job.request) : await eraseFromBackup(job.request)
} catch (error) {
  outcome = { ok: false, reason: 'write_failed', detail: (error as Error).message }
}
parentPort?.postMessage(outcome)
