import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { addDays } from '../../../shared/calendar'
import { proposers, type Connection } from '../../../shared/connect'
import { isoDate } from '../../../shared/ledger'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner } from '../ui/FormFooter'
import { useNavigation } from '../shell/navigation'

/**
 * Proposing a connection: when, who proposed it, a note, and "vraag over 3 weken hoe het gaat" (a
 * follow-up, on by default). `target` is the initiative, or the other resident.
 */
export function ProposeForm({
  personId,
  target,
  today,
  label,
  onDone,
  onCancel,
}: {
  personId: string
  target: { initiativeId: string } | { otherPersonId: string }
  today: string
  /** "Ans Bakker voorstellen bij Wandelgroep": names the form for screen readers. */
  label: string
  onDone: (connection: Connection) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const id = useId()
  const [failure, setFailure] = useState('')
  const form = useForm<z.input<typeof proposal>, unknown, z.output<typeof proposal>>({
    resolver: zodResolver(proposal),
    defaultValues: { date: today, proposedBy: 'ik', note: '', askLater: true },
  })

  const submit = form.handleSubmit(
    async ({ date, proposedBy, note, askLater }) => {
      const result = await call(
        () =>
          sprokkel().connections.create({
            personId,
            ...target,
            date,
            proposedBy,
            note,
            // "Vraag over 3 weken hoe het gaat."
            followUpOn: askLater ? addDays(date, 21) : '',
          }),
        t('errors.unreachable'),
      )
      if (!result.ok) return setFailure(result.error.message)
      navigation.changed()
      onDone(result.value)
    },
    (errors) => setFailure(t(Object.values(errors)[0]?.message ?? 'validation.invalid')),
  )

  return (
    <form className="propose-form" aria-label={label} onSubmit={submit} noValidate>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('fields.date')}</label>
          <input id={`${id}-date`} type="date" required {...form.register('date')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-by`}>{t('connect.proposedBy')}</label>
          <select id={`${id}-by`} {...form.register('proposedBy')}>
            {proposers.map((who) => (
              <option key={who} value={who}>
                {t(`connect.proposer.${who}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('fields.note')}</label>
          <input id={`${id}-note`} maxLength={2000} {...form.register('note')} />
        </div>
      </div>
      <label className="checkbox">
        <input type="checkbox" {...form.register('askLater')} /> {t('connect.askLater')}
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {t('connect.propose')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('connect.cancel')}
        </button>
      </div>
      <ErrorBanner message={failure} />
    </form>
  )
}

const proposal = z.object({
  date: isoDate,
  proposedBy: z.enum(proposers, { error: 'validation.invalid' }),
  note: z.string().trim().max(2000, { error: 'validation.tooLong' }),
  askLater: z.boolean(),
})
