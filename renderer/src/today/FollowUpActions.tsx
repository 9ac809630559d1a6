import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import {
  outcomeAnswers,
  outcomeQuestions,
  type OutcomeAnswer,
  type OutcomeAnswers,
  type OutcomeQuestion,
} from '../../../shared/connect'
import { doneFollowUpSchema, type FollowUp } from '../../../shared/followups'
import { followUpPicks, isoDate } from '../../../shared/ledger'
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
  const [failure, setFailure] = useState('')

  const done = async (values: Done) => {
    setFailure('')
    const result = await call(
      () => sprokkel().followups.done({ id: followUp.id, ...values }),
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
          <SnoozeUntil onSnooze={(until) => later({ until })} onInvalid={setFailure} />
        </div>
      </details>
      {canCancel && (
        <button type="button" className="link" onClick={() => void cancel()}>
          {t('followUps.cancelFollowUp')}
        </button>
      )}
      {doing && (
        <DoneForm
          id={`${id}-done`}
          name={name}
          asksAfterConnection={followUp.connectionId !== null}
          onDone={done}
          onInvalid={setFailure}
        />
      )}
      <ErrorBanner message={failure} />
    </div>
  )
}

const doneForm = doneFollowUpSchema.omit({ id: true, outcome: true })
type Done = z.output<typeof doneForm> & { outcome?: OutcomeAnswers }

/** The form's answers: '' while she has not chosen (the third question may stay so). */
type Chosen = Record<OutcomeQuestion, OutcomeAnswer | ''>
const notChosen: Chosen = { going: '', metPeople: '', givesBack: '' }

/**
 * What a connection brought, from her three-point answers: none when she answered nothing (she may
 * close the follow-up without asking), the two questions both or an error when only one.
 */
function outcomeOf(chosen: Chosen): { outcome?: OutcomeAnswers } | 'incomplete' {
  const { going, metPeople, givesBack } = chosen
  if (!going && !metPeople && !givesBack) return {}
  if (!going || !metPeople) return 'incomplete'
  return { outcome: { going, metPeople, ...(givesBack ? { givesBack } : {}) } }
}

/** Done: a note on what came of it, how the contact went, and "ask again in a year". */
function DoneForm({
  id,
  name,
  asksAfterConnection,
  onDone,
  onInvalid,
}: {
  id: string
  name: string
  asksAfterConnection: boolean
  onDone: (values: Done) => Promise<void>
  onInvalid: (message: string) => void
}) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<Chosen>(notChosen)
  const form = useForm<z.input<typeof doneForm>, unknown, Done>({
    resolver: zodResolver(doneForm),
    defaultValues: { note: '', channel: 'telefoon', askAgainInYear: false },
  })
  return (
    <form
      id={id}
      className="done-form"
      onSubmit={form.handleSubmit(
        async (values) => {
          const outcome = outcomeOf(chosen)
          if (outcome === 'incomplete') return onInvalid(t('outcome.incomplete'))
          await onDone({ ...values, ...outcome })
        },
        (errors) => onInvalid(t(Object.values(errors)[0]?.message ?? 'validation.invalid')),
      )}
      aria-label={t('followUps.doneTitle', { name })}
      noValidate
    >
      <label>
        {t('followUps.doneNote')}
        <input type="text" maxLength={200} autoFocus {...form.register('note')} />
      </label>
      <label>
        {t('followUps.channel')}
        <select {...form.register('channel')}>
          {channelOptions(t).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {asksAfterConnection && (
        <fieldset className="outcome">
          <legend>{t('outcome.title')}</legend>
          {outcomeQuestions.map((question) => (
            <fieldset key={question} className="outcome-question">
              <legend>
                {t(`outcome.${question}`)}
                {question === 'givesBack' && ` ${t('outcome.optional')}`}
              </legend>
              {outcomeAnswers.map((answer) => (
                <label key={answer} className="radio">
                  <input
                    type="radio"
                    name={`${id}-${question}`}
                    value={answer}
                    checked={chosen[question] === answer}
                    onChange={() => setChosen({ ...chosen, [question]: answer })}
                  />
                  {t(`report.outcomes.answer.${question}.${answer}`)}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
      )}
      <label className="checkbox">
        <input type="checkbox" {...form.register('askAgainInYear')} />
        {t('followUps.askAgain')}
      </label>
      <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
        {t('followUps.confirmDone')}
      </button>
    </form>
  )
}

const untilForm = z.object({ until: isoDate })

/** Later, to a date she picks. */
function SnoozeUntil({
  onSnooze,
  onInvalid,
}: {
  onSnooze: (until: string) => Promise<void>
  onInvalid: (message: string) => void
}) {
  const { t } = useTranslation()
  const form = useForm<z.input<typeof untilForm>>({
    resolver: zodResolver(untilForm),
    defaultValues: { until: '' },
  })
  return (
    <form
      className="inline-form"
      onSubmit={form.handleSubmit(
        (values) => onSnooze(values.until),
        (errors) => onInvalid(t(errors.until?.message ?? 'validation.date')),
      )}
      noValidate
    >
      <label>
        {t('followUps.snoozeUntil')} <input type="date" {...form.register('until')} />
      </label>
      <button type="submit" className="link">
        {t('followUps.move')}
      </button>
    </form>
  )
}
