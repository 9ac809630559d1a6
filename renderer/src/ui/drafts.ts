/**
 * What she typed in a form she left halfway, kept for when she comes back: in this window's memory
 * only, never written anywhere. Closing the window still asks while any draft is kept.
 */
const drafts = new Map<string, unknown>()

export function keepDraft<T>(key: string, draft: T): void {
  drafts.set(key, draft)
}

/** The draft kept under `key`, taken out (so it is restored once). */
export function takeDraft<T>(key: string): T | undefined {
  const draft = drafts.get(key) as T | undefined
  drafts.delete(key)
  return draft
}

export const hasDrafts = () => drafts.size > 0
