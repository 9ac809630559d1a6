import { appendFileSync, existsSync, renameSync, statSync } from 'node:fs'

/** Values a log line may carry: counts, codes, versions. Never a resident's name or words. */
export type LogFields = Record<string, string | number | boolean | null>

/**
 * The app's log, a text file in the data folder that she can send to whoever helps her. It says what
 * happened (an event name, counts, error codes and where in the code), never to whom: error messages
 * are left out, because a message may quote what she typed (a name, a note) or a value from the store.
 */
export interface Log {
  info(event: string, fields?: LogFields): void
  error(event: string, error: unknown, fields?: LogFields): void
}

export const logFileName = 'sprokkelaar.log'

/** A log that writes nothing: for code that runs without a data folder. */
export const silentLog: Log = { info: () => undefined, error: () => undefined }

/** One old file is kept beside the current one: about 2 MB in all. */
const maxBytes = 1024 * 1024

/**
 * Appends to `path`, one line per event. Written synchronously: the lines that matter most are
 * written just before the process exits (a failed start). A log that cannot be written never stops
 * the app.
 */
export function fileLog(path: string, now: () => Date = () => new Date()): Log {
  try {
    if (existsSync(path) && statSync(path).size > maxBytes) renameSync(path, `${path}.1`)
  } catch {
    // Keep appending to the big file rather than fail.
  }
  const write = (level: 'info' | 'error', event: string, fields: LogFields) => {
    const line = [now().toISOString(), level, event, ...formatFields(fields)].join(' ')
    try {
      appendFileSync(path, `${line}\n`, { mode: 0o600 })
    } catch {
      // A full disk or a read-only folder: the app goes on without its log.
    }
  }
  return {
    info: (event, fields = {}) => write('info', event, fields),
    error: (event, error, fields = {}) =>
      write('error', event, { ...fields, ...describeError(error) }),
  }
}

const formatFields = (fields: LogFields) =>
  Object.entries(fields).map(([key, value]) => `${key}=${JSON.stringify(value)}`)

/**
 * What an error may tell the log: its class, its code (SQLite's, Node's or ours) and the stack's
 * frames, which name functions and files. Not its message: "UNIQUE constraint failed" is harmless,
 * but "Cannot read 'Fatima'" or a message with a stored value is not, and the two cannot be told
 * apart here.
 */
export function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error }
  const code = (error as { code?: unknown }).code
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim().replace(/^at /, ''))
  return {
    error: error.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(error.cause instanceof Error ? { cause: error.cause.name } : {}),
    at: frames.join(' < '),
  }
}
