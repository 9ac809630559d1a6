import { useEffect, useState } from 'react'
import { call, sprokkel } from './api'

/**
 * Her today as the main side counts it (the clock that dates follow-ups). Undefined until it
 * answers: forms that default to today wait for it, so nothing typed is ever reset by it.
 */
export function useToday(): string | undefined {
  const [today, setToday] = useState<string>()
  useEffect(() => {
    let live = true
    void call(() => sprokkel().app.today(), '').then((result) => {
      if (live && result.ok) setToday(result.value.today)
    })
    return () => {
      live = false
    }
  }, [])
  return today
}
