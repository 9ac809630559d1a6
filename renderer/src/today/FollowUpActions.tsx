import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { FollowUp } from '../../../shared/followups'
import { followUpPicks, type ContactChannel } from '../../../shared/ledger'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner } from '../ui/FormFooter'
import { channelOptions, formatDate } from '../ui/options'
import './today.css'

/** What she can do with an open follow-up: done (with a note), later, or drop it. */
export function FollowUpActions({
  followUp,
  name,
  onChanged,
  canCancel = false,
}: {
  followUp: FollowUp
  /** Whose follow-up, for the buttons' accessible names. */
  name: string
  onChanged: (message: string) => void
  canCancel?: boolean
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [doing, setDoing] = useState(false)
  const [note, setNote] = useState('')
  const [channel, setChannel] = useState<ContactChannel>('telefoon')
  const [askAgain, setAskAgain] = useState(false)
  const [until, setUntil] = useState('')
  const [failure, setFailure] = useState('')

  const done = async (event: FormEvent) => {
    event.preventDefault()
    const result = await call(
      () => sprokkel().followups.done({ id: followUp.id, note, channel, askAgainInYear: askAgain }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.message)
    setDoing(false)
    onChanged(t('followUps.doneSaved'))
  }

  const later = async (by: { by: (typeof followUpPicks)[number] } | { until: string }) => {
    const result = await call(
      () => sprokkel().followups.snooze({ id: followUp.id, ...by }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.message)
    onChanged(t('followUps.snoozed', { date: formatDate(result.value.dueOn, i18n.language) }))
  }

  const cancel = async () => {
    const result = await call(
      () => sprokkel().followups.cancel({ id: followUp.id }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.message)
    onChanged(t('followUps.cancelFollowUp'))
  }

  return (
    <div className="follow-up-actions">
      <button
        type="button"
        className="secondary"
        aria-expanded={doing}
        aria-controls={`${id}-done`}
        aria-label={`${name}: ${t('today.done')}`}
        onClick={() => setDoing(!doing)}
      >
        {t('today.done')}
      </button>
      <details className="snooze">
        <summary aria-label={`${name}: ${t('today.snooze')}`}>{t('today.snooze')}</summary>
        <div className="snooze-menu">
          {followUpPicks.map((pick) => (
            <button
              key={pick}
              type="button"
              className="link"
              aria-label={t('followUps.snoozeBy', { name, label: t(`followUp.${pick}`) })}
              onClick={() => void later({ by: pick })}
            >
              {t(`followUp.${pick}`)}
            </button>
          ))}
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault()
              if (until) void later({ until })
            }}
          >
            <label>
              {t('followUps.snoozeUntil')}{' '}
              <input type="date" value={until} onChange={(event) => setUntil(event.target.value)} />
            </label>
            <button type="submit" className="link">
              {t('followUps.move')}
            </button>
          </form>
        </div>
      </details>
      {canCancel && (
        <button type="button" className="link" onClick={() => void cancel()}>
          {t('followUps.cancelFollowUp')}
        </button>
      )}
      {doing && (
        <form
          id={`${id}-done`}
          className="done-form"
          onSubmit={done}
          aria-label={t('followUps.doneTitle', { name })}
        >
          <label>
            {t('followUps.doneNote')}
            <input
              type="text"
              value={note}
              maxLength={200}
              autoFocus
              onChange={(event) => setNote(event.target.value)}
            />
          </label>
          <label>
            {t('followUps.channel')}
            <select
              value={channel}
              onChange={(event) => setChannel(event.target.value as ContactChannel)}
            >
              {channelOptions(t).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={askAgain}
              onChange={(event) => setAskAgain(event.target.checked)}
            />
            {t('followUps.askAgain')}
          </label>
          <button type="submit" className="primary">
            {t('followUps.confirmDone')}
          </button>
        </form>
      )}
      <ErrorBanner message={failure} />
    </div>
  )
}
