import { useId, type Ref } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'

type Props = UseFormRegisterReturn & {
  label: string
  error?: string | undefined
  required?: boolean
  multiline?: boolean
  maxLength?: number
  placeholder?: string
  autoFocus?: boolean
  className?: string
}

/** A labelled input whose error is announced and tied to it, so screen readers read both. */
export function TextField({ label, error, multiline, className, ref, ...input }: Props) {
  const id = useId()
  const errorId = `${id}-error`
  const shared = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
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
        <input type="text" ref={ref as Ref<HTMLInputElement>} {...shared} />
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
