import { sprokkel } from './api'
import { useLoad } from './useLoad'

/**
 * Her today as the main side counts it (the clock that dates follow-ups). Undefined until it
 * answers: forms that default to today wait for it, so nothing typed is ever reset by it.
 */
export function useToday(): string | undefined {
  return useLoad(() => sprokkel().app.today(), []).value?.today
}
