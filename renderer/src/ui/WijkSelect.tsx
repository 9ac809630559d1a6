import { useId } from 'react'
import type { Wijk } from '../../../shared/contract'

/** A choice of one of her wijken, or all of them (the empty value). */
export function WijkSelect({
  label,
  allLabel,
  wijken,
  value,
  onChange,
}: {
  label: string
  allLabel: string
  wijken: readonly Wijk[]
  value: string
  onChange: (wijkId: string) => void
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allLabel}</option>
        {wijken.map((wijk) => (
          <option key={wijk.id} value={wijk.id}>
            {wijk.name}
          </option>
        ))}
      </select>
    </div>
  )
}
