/** What crosses the process boundary: a value or an error with a code and a message for the user. */

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'store_wrong_key'
  | 'store_too_new'
  | 'store_unavailable'
  /** A file she chose cannot be read as a spreadsheet (empty, damaged, password-protected…). */
  | 'file_unreadable'
  /** The app is locked: everything but unlocking waits for her pincode (shared/lock.ts). */
  | 'locked'
  /** The herstelwachtwoord does not open this backup (nothing was changed). */
  | 'wrong_password'
  | 'internal'

/** One problem with one field of an input, as a translation key and as Dutch text. */
export interface FieldIssue {
  path: string[]
  key: string
  message: string
}

export interface ApiError {
  code: ErrorCode
  message: string
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
})
