import type { ImportProgress } from '../../../shared/import'
import { StoreError } from '../../store/errors'
import { unreadable } from './limits'
import type { ReaderProcess } from './protocol'
import type { CsvOptions, ReadFile } from './sheet'

/** She stopped the reading: not a failure, nothing to say. */
export class ReadCancelled extends Error {}

/** A file being read off the main process: its answer, and a way to stop it. */
export interface Reading {
  file: Promise<ReadFile>
  cancel(): void
}

/**
 * Reads a file in a reader of its own (see worker.ts), so the main process keeps answering her
 * while it works: `progress` follows it for her bar, `cancel` stops it at once. A reader that
 * dies without answering (out of memory, a crash) ends in a message, never a hang.
 */
export function readOffMain(
  start: () => ReaderProcess,
  path: string,
  csv: CsvOptions,
  progress: ImportProgress,
): Reading {
  const reader = start()
  let settled = false
  let cancelled = false
  let resolve!: (file: ReadFile) => void
  let reject!: (error: Error) => void
  const file = new Promise<ReadFile>((res, rej) => {
    resolve = res
    reject = rej
  })
  const settle = (done: () => void) => {
    if (settled) return
    settled = true
    reader.stop()
    done()
  }
  reader.onMessage((reply) => {
    if (reply.type === 'progress') {
      progress.done = reply.done
      progress.total = reply.total
    } else if (reply.type === 'done') settle(() => resolve(reply.file))
    else settle(() => reject(new StoreError(reply.code, reply.message)))
  })
  reader.onExit(() =>
    settle(() => reject(cancelled ? new ReadCancelled() : unreadable('readerStopped'))),
  )
  reader.send({ path, csv })
  return {
    file,
    cancel: () => {
      cancelled = true
      settle(() => reject(new ReadCancelled()))
    },
  }
}
