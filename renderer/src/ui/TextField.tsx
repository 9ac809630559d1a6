import { useId, type Ref } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'

type Props = Partial<UseFormRegisterReturn> & {
  label: string
  error?: string | undefined
  hint?: string
  required?: boolean
  multiline?: boolean
  type?: 'text' | 'date' | 'email' | 'tel' | 'time' | 'number' | 'password'
  maxLength?: number
  placeholder?: string
  autoFocus?: boolean
  className?: string
  /** The id of a <datalist> with suggestions. */
  list?: string
}

/** A labelled input whose error and hint are tied to it, so screen readers read them too. */
export function TextField({
  label,
  error,
  hint,
  multiline,
  className,
  ref,
  type = 'text',
  ...input
}: Props) {
  const id = useId()
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ')
  const shared = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    ...input,
  }
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {input.required && (
          <span aria-hidden="true" className="required">
            *
          </span>
        )}
      </label>
      {multiline ? (
        <textarea rows={3} ref={ref as Ref<HTMLTextAreaElement>} {...shared} />
      ) : (
        <input type={type} ref={ref as Ref<HTMLInputElement>} {...shared} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
