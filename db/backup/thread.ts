import { Worker } from 'node:worker_threads'
import type { WriteBackupOutcome, WriteBackupRequest } from './write'

/**
 * Runs one backup in a worker thread (`entry`: worker.ts as built beside the main process, or its
 * tsx loader under plain Node) and answers with its outcome. A thread that dies without answering
 * is a failed backup, never a thrown error.
 */
export function runBackupThread(
  entry: URL,
  request: WriteBackupRequest,
): Promise<WriteBackupOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(entry, { workerData: request, stdout: true, stderr: true })
    worker.stdout.resume()
    worker.stderr.resume()
    let answered = false
    const answer = (outcome: WriteBackupOutcome) => {
      if (answered) return
      answered = true
      resolve(outcome)
    }
    worker.once('message', (outcome: WriteBackupOutcome) => answer(outcome))
    worker.once('error', (error) =>
      answer({ ok: false, reason: 'write_failed', detail: error.message }),
    )
    worker.once('exit', (code) =>
      answer({ ok: false, reason: 'write_failed', detail: `thread exited (${code})` }),
    )
  })
}
