import { useEffect, useState } from 'react'
import { call, sprokkel } from './api'

export const wijkListId = 'wijk-suggestions'

/** The wijken she has, as suggestions for any wijk field (`list={wijkListId}`). */
export function WijkList() {
  const [names, setNames] = useState<string[]>([])
  useEffect(() => {
    let current = true
    void call(() => sprokkel().wijken.list(), '').then((result) => {
      if (current && result.ok) setNames(result.value.map((wijk) => wijk.name))
    })
    return () => {
      current = false
    }
  }, [])
  return (
    <datalist id={wijkListId}>
      {names.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  )
}
