import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { connectionStatuses, type Connection, type ConnectionStatus } from '../../../shared/connect'
import { call, sprokkel } from '../ui/api'
import { Announcements } from '../ui/FormFooter'
import { useNavigation } from '../shell/navigation'
import { formatDate } from '../ui/options'

/**
 * One connection: who with what, its status since when, its history, and a status change (with a
 * reason when it stops). `side` says whose page it is on, so the other end is named.
 */
export function ConnectionCard({
  connection,
  side,
  today,
  onChanged,
}: {
  connection: Connection
  side: { personId: string } | { initiativeId: string }
  today: string
  onChanged: (connection: Connection) => void
}) {
  const { t, i18n } = useTranslation()
  const { go } = useNavigation()
  const id = useId()
  const [status, setStatus] = useState<ConnectionStatus>(connection.status)
  const [date, setDate] = useState(today)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState('')
  const [failure, setFailure] = useState('')

  const other =
    'initiativeId' in side
      ? { name: connection.person.name, open: () => go('people', connection.person.id) }
      : connection.initiative
        ? {
            name: connection.initiative.name,
            open: () => go('connect', connection.initiative!.id),
          }
        : connection.person.id === side.personId
          ? {
              name: connection.otherPerson?.name ?? '',
              open: () => go('people', connection.otherPerson!.id),
            }
          : { name: connection.person.name, open: () => go('people', connection.person.id) }

  const save = async () => {
    const result = await call(
      () => sprokkel().connections.setStatus({ id: connection.id, status, date, reason }),
      t('errors.unreachable'),
    )
    if (!result.ok) {
      setFailure(result.error.issues?.[0]?.message ?? result.error.message)
      return
    }
    setFailure('')
    setReason('')
    setMessage(
      t('connect.statusSaved', { name: other.name, status: t(`connect.status.${status}`) }),
    )
    onChanged(result.value)
  }

  return (
    <li className="connection">
      <div className="connection-head">
        <button type="button" className="link person-name" onClick={other.open}>
          {other.name}
        </button>
        <span className={`status-pill status-${connection.status}`}>
          {t(`connect.status.${connection.status}`)}
        </span>
        <span className="muted">
          {t('connect.since', { date: formatDate(connection.statusDate, i18n.language) })}
        </span>
      </div>
      <ol
        className="plain-list connection-history muted"
        aria-label={t('connect.history', { name: other.name })}
      >
        {connection.history.map((event) => (
          <li key={event.id}>
            {formatDate(event.date, i18n.language)}: {t(`connect.status.${event.status}`)}
            {event.reason ? ` (${event.reason})` : ''}
            {event.note ? ` — ${event.note}` : ''}
          </li>
        ))}
      </ol>
      <form
        className="inline-form"
        aria-label={t('connect.changeStatus', { name: other.name })}
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('connect.statusOf', { name: other.name })}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => setStatus(event.target.value as ConnectionStatus)}
          >
            {connectionStatuses.map((option) => (
              <option key={option} value={option}>
                {t(`connect.status.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('connect.statusDate')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        {status === 'gestopt' && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('connect.stopReason')}</label>
            <input
              id={`${id}-reason`}
              value={reason}
              maxLength={300}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        )}
        <button type="submit" className="secondary">
          {t('connect.saveStatus')}
        </button>
      </form>
      <Announcements status={message} failure={failure} />
    </li>
  )
}
