import type { ErrorCode } from '../../../shared/result'
import type { CsvOptions, ReadFile } from './sheet'

/**
 * What the main process and the file reader (a worker thread under Node, a utility process in the
 * Electron shell) say to each other: one request, progress while reading, one answer.
 */
export interface ReadRequest {
  path: string
  csv: CsvOptions
}

export type ReadReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; file: ReadFile }
  | { type: 'failed'; code: ErrorCode; message: string }

/** The reader as the main process sees it; the Platform starts one for each file read. */
export interface ReaderProcess {
  send(request: ReadRequest): void
  onMessage(listener: (reply: ReadReply) => void): void
  /** It ended, whatever the reason (done, stopped, out of memory, crashed). */
  onExit(listener: () => void): void
  stop(): void
}

/** The memory one reader may use; past it the reader stops and she hears the file is too large. */
export const readerHeapMb = 512
