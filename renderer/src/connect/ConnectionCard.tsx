import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { connectionStatuses, type Connection } from '../../../shared/connect'
import { isoDate } from '../../../shared/ledger'
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
  const [message, setMessage] = useState('')
  const [failure, setFailure] = useState('')
  const form = useForm<z.input<typeof statusChange>, unknown, z.output<typeof statusChange>>({
    resolver: zodResolver(statusChange),
    defaultValues: { status: connection.status, date: today, reason: '' },
  })
  const status = useWatch({ control: form.control, name: 'status' })

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

  const save = form.handleSubmit(
    async (change) => {
      const result = await call(
        () => sprokkel().connections.setStatus({ id: connection.id, ...change }),
        t('errors.unreachable'),
      )
      if (!result.ok) {
        setFailure(result.error.issues?.[0]?.message ?? result.error.message)
        return
      }
      setFailure('')
      form.setValue('reason', '')
      setMessage(
        t('connect.statusSaved', {
          name: other.name,
          status: t(`connect.status.${change.status}`),
        }),
      )
      onChanged(result.value)
    },
    (errors) => setFailure(t(Object.values(errors)[0]?.message ?? 'validation.invalid')),
  )

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
        onSubmit={save}
        noValidate
      >
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('connect.statusOf', { name: other.name })}</label>
          <select id={`${id}-status`} {...form.register('status')}>
            {connectionStatuses.map((option) => (
              <option key={option} value={option}>
                {t(`connect.status.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('connect.statusDate')}</label>
          <input id={`${id}-date`} type="date" {...form.register('date')} />
        </div>
        {status === 'gestopt' && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('connect.stopReason')}</label>
            <input id={`${id}-reason`} maxLength={300} {...form.register('reason')} />
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

/** A status change as the form holds it; the main side checks that stopping has a reason. */
const statusChange = z.object({
  status: z.enum(connectionStatuses, { error: 'validation.invalid' }),
  date: isoDate,
  reason: z.string().trim().max(300, { error: 'validation.tooLong' }),
})
