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
      <ErrorBanner message={failure} />
    </>
  )
}

export function ErrorBanner({ message }: { message: string }) {
  return message ? (
    <p role="alert" className="error-banner">
      {message}
    </p>
  ) : null
}

/** What just happened, announced; and what went wrong, if anything. */
export function Announcements({ status, failure }: { status: string; failure: string }) {
  return (
    <>
      <p role="status" className="status">
        {status}
      </p>
      <ErrorBanner message={failure} />
    </>
  )
}
