import type { ErrorCode } from '../../shared/result'

/** A failure the user can act on, with its Dutch message ready to show. */
export class StoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'StoreError'
  }
}
