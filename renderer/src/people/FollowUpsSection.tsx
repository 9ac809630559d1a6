import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { FollowUp } from '../../../shared/followups'
import { followUpPicks, type FollowUpPick } from '../../../shared/ledger'
import { call, sprokkel } from '../ui/api'
import { Announcements } from '../ui/FormFooter'
import { useNavigation } from '../shell/navigation'
import { followUpLabel, formatDate } from '../ui/options'
import { FollowUpActions } from '../today/FollowUpActions'

/** Her open follow-ups, soonest first, and a form to add one. */
export function FollowUpsSection({
  personId,
  name,
  followUps,
  onChanged,
}: {
  personId: string
  name: string
  followUps: FollowUp[]
  onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const { changed } = useNavigation()
  const [reason, setReason] = useState('')
  const [pick, setPick] = useState<FollowUpPick | ''>('1w')
  const [date, setDate] = useState('')
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')

  const refresh = (message: string) => {
    setStatus(message)
    onChanged()
    changed()
  }

  const add = async (event: FormEvent) => {
    event.preventDefault()
    const when = date ? { dueOn: date } : pick ? { pick } : {}
    const result = await call(
      () => sprokkel().followups.create({ personId, reason, ...when }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.issues?.[0]?.message ?? result.error.message)
    setFailure('')
    setReason('')
    setDate('')
    refresh(t('followUps.added'))
  }

  return (
    <section className="card follow-ups" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t('followUps.title')}</h2>
      {followUps.length === 0 ? (
        <p className="muted">{t('followUps.none')}</p>
      ) : (
        <ul className="due-list" aria-label={t('followUps.title')}>
          {followUps.map((followUp) => (
            <li key={followUp.id} className="due-row">
              <span>{followUpLabel(followUp, t)}</span>
              <span className="muted">
                {t('today.due', { date: formatDate(followUp.dueOn, i18n.language) })}
              </span>
              <FollowUpActions followUp={followUp} name={name} onChanged={refresh} canCancel />
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form add-follow-up" onSubmit={add} aria-label={t('followUps.add')}>
        <label>
          {t('followUps.reason')}{' '}
          <input
            type="text"
            value={reason}
            maxLength={200}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <label>
          {t('followUps.when')}{' '}
          <select
            value={pick}
            onChange={(event) => setPick(event.target.value as FollowUpPick | '')}
          >
            {followUpPicks.map((value) => (
              <option key={value} value={value}>
                {t(`followUp.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('followUps.orDate')}{' '}
          <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </label>
        <button type="submit" className="secondary">
          {t('followUps.add')}
        </button>
      </form>
      <Announcements status={status} failure={failure} />
    </section>
  )
}
