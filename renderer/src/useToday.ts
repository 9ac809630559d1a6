import { useEffect, useState } from 'react'
import { localDate } from '../../shared/dates'
import { call, sprokkel } from './api'

/**
 * Her today as the main side counts it (the clock that dates follow-ups). Until it answers, the
 * page's own calendar stands in; both are in Europe/Amsterdam.
 */
export function useToday(): string {
  const [today, setToday] = useState(() => localDate(new Date()))
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
