import { parentPort, workerData } from 'node:worker_threads'
import { writeBackup, type WriteBackupOutcome, type WriteBackupRequest } from './write'

/**
 * The backup's worker thread: one backup per thread (see write.ts), answered with one message. Its
 * own connection and its own thread: the main process keeps answering her window meanwhile.
 */
let outcome: WriteBackupOutcome
try {
  outcome = writeBackup(workerData as WriteBackupRequest)
} catch (error) {
  outcome = { ok: false, reason: 'write_failed', detail: (error as Error).message }
}
parentPort?.postMessage(outcome)
