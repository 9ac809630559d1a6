import { Worker } from 'node:worker_threads'
import type { MatchColumnsSnapshot } from '../connect/match-columns'
import type { SearchIndexSnapshot } from './search-index'

/** What the indexing thread is asked: the store's file and key, and people per read. */
export interface IndexJob {
  path: string
  key: string
  chunk: number
}

/** Its answer: both indexes as plain data and typed arrays (moved, not copied), or that it failed. */
export type IndexOutcome =
  | {
      ok: true
      people: number
      search: SearchIndexSnapshot
      matching: MatchColumnsSnapshot
      /** Each person has the same slot in both: matching's ids and name keys are search's. */
      sameSlots: boolean
    }
  | { ok: false; detail: string }

export interface IndexThread {
  outcome: Promise<IndexOutcome>
  /** Ends the thread, and with it its connection to the store; the outcome is then a failure. */
  stop(): Promise<void>
}

/** Its heap: room for the indexes of a few hundred thousand people while it reads them. */
const indexHeapMb = 2048

/**
 * Fills the people indexes in a worker thread (`entry`: worker.ts as built beside the main process,
 * or its tsx loader under plain Node). A thread that dies without answering is a failed fill, never
 * a thrown error: the caller fills them itself then.
 */
export function runIndexThread(entry: URL, job: IndexJob): IndexThread {
  let worker: Worker
  try {
    worker = new Worker(entry, {
      workerData: job,
      // A small young generation: its garbage is the rows it reads, not what it keeps.
      resourceLimits: { maxOldGenerationSizeMb: indexHeapMb, maxYoungGenerationSizeMb: 16 },
      stdout: true,
      stderr: true,
    })
  } catch (error) {
    const outcome = { ok: false, detail: (error as Error).message } as const
    return { outcome: Promise.resolve(outcome), stop: () => Promise.resolve() }
  }
  // What it might print could name her data folder: kept out of every log.
  worker.stdout.resume()
  worker.stderr.resume()
  const outcome = new Promise<IndexOutcome>((resolve) => {
    worker.once('message', (answer: IndexOutcome) => resolve(answer))
    worker.once('error', (error) => resolve({ ok: false, detail: error.message }))
    worker.once('exit', (code) => resolve({ ok: false, detail: `thread exited (${code})` }))
  })
  return { outcome, stop: () => worker.terminate().then(() => undefined) }
}
