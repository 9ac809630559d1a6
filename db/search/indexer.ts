import type { MatchColumnsSnapshot } from '../connect/match-columns'
import type { SearchIndexSnapshot } from './search-index'

/** What the indexer is asked: the store's file and key, and people per read. */
export interface IndexJob {
  path: string
  key: string
  chunk: number
}

/** Which of the two indexes a piece belongs to. */
export type IndexName = 'search' | 'matching'

/**
 * What the indexer answers: both indexes as plain data and typed arrays, a field of one at a time
 * (each message is copied, and taken in on its own turn of the main process's event loop), then
 * that it is done; or that it failed.
 */
export type IndexReply =
  | { type: 'piece'; index: IndexName; field: string; value: unknown }
  | {
      type: 'done'
      people: number
      /** Each person has the same slot in both: matching's ids and name keys are search's. */
      sameSlots: boolean
    }
  | { type: 'failed'; detail: string }

/**
 * The indexer as the main process sees it: a process of its own (a utility process in the Electron
 * shell, a Node child process under plain Node), started by the Platform, one per fill.
 */
export interface IndexerProcess {
  send(job: IndexJob): void
  onMessage(listener: (reply: IndexReply) => void): void
  /** It ended, whatever the reason (done, stopped, out of memory, crashed, never started). */
  onExit(listener: () => void): void
  stop(): void
}

/**
 * Its V8 flags: room for the indexes of a few hundred thousand people while it reads them, and a
 * small young generation (its garbage is the rows it reads, not what it keeps).
 */
export const indexerFlags = ['--max-old-space-size=2048', '--max-semi-space-size=8']

/** The answer put together: both indexes, or that the fill failed. */
export type IndexOutcome =
  | {
      ok: true
      people: number
      search: SearchIndexSnapshot
      matching: MatchColumnsSnapshot
      sameSlots: boolean
    }
  | { ok: false; detail: string }

export interface IndexRun {
  /** Settles once the indexer has ended: its memory is the OS's again by then. */
  outcome: Promise<IndexOutcome>
  /** Ends the indexer, and with it its connection to the store; the outcome is then a failure. */
  stop(): Promise<void>
}

/**
 * Fills the people indexes in a process of its own (see worker.ts): its heap, its garbage and its
 * CPU stay out of the main process, and all of its memory goes back to the OS when it ends, which
 * it does as soon as it has answered. An indexer that ends without answering is a failed fill,
 * never a thrown error: the caller fills them itself then.
 */
export function runIndexer(start: () => IndexerProcess, job: IndexJob): IndexRun {
  let indexer: IndexerProcess
  let ended!: () => void
  const exited = new Promise<void>((resolve) => (ended = resolve))
  try {
    indexer = start()
  } catch (error) {
    const outcome = { ok: false, detail: (error as Error).message } as const
    return { outcome: Promise.resolve(outcome), stop: () => Promise.resolve() }
  }
  indexer.onExit(ended)
  const pieces = { search: new Map<string, unknown>(), matching: new Map<string, unknown>() }
  let answer: IndexOutcome | undefined
  indexer.onMessage((reply) => {
    if (answer) return
    if (reply.type === 'piece') {
      pieces[reply.index].set(reply.field, ownArrays(reply.value))
      return
    }
    answer =
      reply.type === 'failed'
        ? { ok: false, detail: reply.detail }
        : {
            ok: true,
            people: reply.people,
            search: Object.fromEntries(pieces.search) as unknown as SearchIndexSnapshot,
            matching: Object.fromEntries(pieces.matching) as unknown as MatchColumnsSnapshot,
            sameSlots: reply.sameSlots,
          }
    // It has nothing left to do but close its connection: the OS takes its memory back now.
    indexer.stop()
  })
  indexer.send(job)
  const outcome = exited.then(() => answer ?? { ok: false as const, detail: 'indexer ended' })
  return {
    outcome,
    stop: () => {
      indexer.stop()
      return exited
    },
  }
}

/**
 * The typed arrays in a piece, each with a buffer of its own. Node's deserializer gives views into
 * the one buffer of the whole message (names and ids included): kept, that buffer would hold on to
 * a second copy of everything the message carried. An array that has its buffer to itself is kept
 * as it is.
 */
export function ownArrays(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    const view = value as Int32Array
    return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view : view.slice()
  }
  if (value === null || typeof value !== 'object') return value
  // Lists of strings or numbers (ids, name keys, free slots) hold no arrays.
  if (Array.isArray(value)) {
    return value.length > 0 && typeof value[0] === 'object' ? value.map(ownArrays) : value
  }
  for (const [key, field] of Object.entries(value)) {
    ;(value as Record<string, unknown>)[key] = ownArrays(field)
  }
  return value
}
