import type { Result } from '../../../shared/result'

/**
 * Calls the main process and never throws: a broken transport becomes a result like any other, so
 * every screen has one way to show what went wrong.
 */
export async function call<T>(
  request: () => Promise<Result<T>>,
  unreachableMessage: string,
): Promise<Result<T>> {
  try {
    return await request()
  } catch {
    return { ok: false, error: { code: 'internal', message: unreachableMessage } }
  }
}

export const sprokkel = () => window.sprokkel
