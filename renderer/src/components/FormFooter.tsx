/**
 * The end of every form: its button, a status line that screen readers announce, and the error
 * when saving failed.
 */
export function FormFooter({
  label,
  status,
  failure,
  busy = false,
  primary = true,
  sticky = false,
}: {
  label: string
  status: string
  failure: string
  busy?: boolean
  primary?: boolean
  sticky?: boolean
}) {
  return (
    <>
      <div className={sticky ? 'form-actions sticky-actions' : 'form-actions'}>
        <button type="submit" className={primary ? 'primary' : 'secondary'} disabled={busy}>
          {label}
        </button>
        <p role="status" className="status">
          {status}
        </p>
      </div>
      {failure && (
        <p role="alert" className="error-banner">
          {failure}
        </p>
      )}
    </>
  )
}
