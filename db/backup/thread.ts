import { Worker } from 'node:worker_threads'
import type { EraseFromBackupOutcome, EraseFromBackupRequest } from './erase'
import type { WriteBackupOutcome, WriteBackupRequest } from './write'

/** What the backup's worker thread does: write a backup, or erase residents from one. */
export type BackupJob =
  | { kind: 'write'; request: WriteBackupRequest }
  | { kind: 'erase'; request: EraseFromBackupRequest }

export type BackupJobOutcome = WriteBackupOutcome | EraseFromBackupOutcome

type OutcomeOf<J extends BackupJob> = J extends { kind: 'write' }
  ? WriteBackupOutcome
  : EraseFromBackupOutcome

/**
 * Runs one job in a worker thread (`entry`: worker.ts as built beside the main process, or its tsx
 * loader under plain Node) and answers with its outcome. A thread that dies without answering is a
 * failed job, never a thrown error.
 */
export function runBackupThread<J extends BackupJob>(entry: URL, job: J): Promise<OutcomeOf<J>> {
  return new Promise((resolve) => {
    const worker = new Worker(entry, { workerData: job, stdout: true, stderr: true })
    // What it might print could name her data folder: kept out of every log.
    worker.stdout.resume()
    worker.stderr.resume()
    let answered = false
    const answer = (outcome: BackupJobOutcome) => {
      if (answered) return
      answered = true
      resolve(outcome as OutcomeOf<J>)
    }
    worker.once('message', (outcome: BackupJobOutcome) => answer(outcome))
    worker.once('error', (error) =>
      answer({ ok: false, reason: 'write_failed', detail: error.message }),
    )
    worker.once('exit', (code) =>
      answer({ ok: false, reason: 'write_failed', detail: `thread exited (${code})` }),
    )
  })
}
