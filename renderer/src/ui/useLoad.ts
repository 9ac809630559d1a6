import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import { useTranslation } from 'react-i18next'
import type { Result } from '../../../shared/result'
import { call } from './api'

export interface Loaded<T> {
  /** The last answer; kept while a newer read is on its way, so the screen never blanks. */
  value: T | undefined
  /** Why the last read failed, in her language; '' when it did not. */
  failure: string
  /** A read is under way: `value` is the answer to the one before it. */
  loading: boolean
  /** Reads again (after a change elsewhere). */
  reload(): void
  /** Shows what a write answered, without reading again. */
  set(value: T): void
}

const sameInputs = (a: readonly unknown[] | undefined, b: readonly unknown[]) =>
  a !== undefined && a.length === b.length && a.every((value, i) => Object.is(value, b[i]))

/**
 * Reads something from the main process when the view shows, and again when `deps` change (what
 * `load` reads, checked by the hooks linter as for useEffect), when `after` changes (a change made
 * elsewhere, such as the app's revision) or when `reload()` is called. An answer that arrives
 * after the view is gone, or after a newer read began, is dropped, so a slow answer never
 * overwrites a newer one.
 */
export function useLoad<T>(
  load: () => Promise<Result<T>>,
  deps: DependencyList,
  after?: unknown,
): Loaded<T> {
  const { t } = useTranslation()
  const [revision, setRevision] = useState(0)
  const inputs = [...deps, after, revision, t]
  // Each answer remembers the inputs it answered: until they are the current ones, a read is on.
  const [state, setState] = useState<{
    value: T | undefined
    failure: string
    answered: readonly unknown[] | undefined
  }>({ value: undefined, failure: '', answered: undefined })
  // The latest `load`: its closure may read props the deps already stand for. Kept by an effect
  // that runs before the one that reads (effects run in the order they are declared).
  const latest = useRef(load)
  useEffect(() => {
    latest.current = load
  })
  useEffect(() => {
    let current = true
    const asked = inputs
    void call(() => latest.current(), t('errors.unreachable')).then((result) => {
      if (!current) return
      setState((now) =>
        result.ok
          ? { value: result.value, failure: '', answered: asked }
          : { value: now.value, failure: result.error.message, answered: asked },
      )
    })
    return () => {
      current = false
    }
    // `deps` says when to read again; the linter checks callers' lists (eslint.config.js).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, inputs)
  const reload = useCallback(() => setRevision((n) => n + 1), [])
  const set = useCallback(
    (value: T) => setState((now) => ({ value, failure: '', answered: now.answered })),
    [],
  )
  return {
    value: state.value,
    failure: state.failure,
    loading: !sameInputs(state.answered, inputs),
    reload,
    set,
  }
}
