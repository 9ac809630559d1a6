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
    const result = await request()
    // The app locked itself (she was away): the shell shows the lock screen (shell/App.tsx).
    if (!result.ok && result.error.code === 'locked') lockChanged()
    return result
  } catch {
    return { ok: false, error: { code: 'internal', message: unreachableMessage } }
  }
}

/** Heard by the shell: the lock may have changed (locked by the API, set or removed in Instellingen). */
export const lockEvent = 'sprokkel:lock'
export const lockChanged = () => window.dispatchEvent(new Event(lockEvent))

export const sprokkel = () => window.sprokkel
