import { sprokkel } from './api'
import { useLoad } from './useLoad'

export const wijkListId = 'wijk-suggestions'

/** The wijken she has, as suggestions for any wijk field (`list={wijkListId}`). */
export function WijkList() {
  const names = (useLoad(() => sprokkel().wijken.list(), []).value ?? []).map((wijk) => wijk.name)
  return (
    <datalist id={wijkListId}>
      {names.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  )
}
