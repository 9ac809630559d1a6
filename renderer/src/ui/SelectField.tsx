import { useId, type Ref } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'

type Props = UseFormRegisterReturn & {
  label: string
  options: readonly { value: string; label: string }[]
  error?: string | undefined
  className?: string
}

export function SelectField({ label, options, error, className, ref, ...select }: Props) {
  const id = useId()
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        ref={ref as Ref<HTMLSelectElement>}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
