import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { FollowUp } from '../../../shared/followups'
import { followUpPicks, isoDate } from '../../../shared/ledger'
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
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const form = useForm<z.input<typeof addForm>, unknown, z.output<typeof addForm>>({
    resolver: zodResolver(addForm),
    defaultValues: { reason: '', pick: '1w', date: '' },
  })

  const refresh = (message: string) => {
    setStatus(message)
    onChanged()
    changed()
  }

  const add = form.handleSubmit(
    async ({ reason, pick, date }) => {
      // A date she picks wins over the quick pick.
      const when = date ? { dueOn: date } : { pick }
      const result = await call(
        () => sprokkel().followups.create({ personId, reason, ...when }),
        t('errors.unreachable'),
      )
      if (!result.ok) return setFailure(result.error.issues?.[0]?.message ?? result.error.message)
      setFailure('')
      form.reset({ reason: '', pick, date: '' })
      refresh(t('followUps.added'))
    },
    (errors) => setFailure(t(Object.values(errors)[0]?.message ?? 'validation.invalid')),
  )

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
      <form
        className="inline-form add-follow-up"
        onSubmit={add}
        aria-label={t('followUps.add')}
        noValidate
      >
        <label>
          {t('followUps.reason')} <input type="text" maxLength={200} {...form.register('reason')} />
        </label>
        <label>
          {t('followUps.when')}{' '}
          <select {...form.register('pick')}>
            {followUpPicks.map((value) => (
              <option key={value} value={value}>
                {t(`followUp.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('followUps.orDate')} <input type="date" {...form.register('date')} />
        </label>
        <button type="submit" className="secondary" disabled={form.formState.isSubmitting}>
          {t('followUps.add')}
        </button>
      </form>
      <Announcements status={status} failure={failure} />
    </section>
  )
}

const addForm = z.object({
  reason: z.string().trim().max(200, { error: 'validation.tooLong' }),
  pick: z.enum(followUpPicks, { error: 'validation.invalid' }),
  date: z.union([z.literal(''), isoDate]),
})
