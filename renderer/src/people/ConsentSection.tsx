import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { TFunction } from 'i18next'
import { isoDate } from '../../../shared/ledger'
import {
  consentHows,
  consentPurposes,
  type ConsentRecord,
  type PurposeConsent,
} from '../../../shared/privacy'
import { call, sprokkel } from '../ui/api'
import { Announcements } from '../ui/FormFooter'
import { formatDate } from '../ui/options'
import { useLoad } from '../ui/useLoad'
import { useToday } from '../ui/useToday'

/** Where a purpose stands, in words: "Gegeven tot 3 maart 2028", "Nog niet gevraagd"… */
export function consentStateText(purpose: PurposeConsent, t: TFunction, language: string): string {
  const current = purpose.current
  if (!current) return t('privacy.state.none')
  const date = (iso: string) => formatDate(iso, language)
  if (purpose.state === 'refused') return t('privacy.state.refused', { date: date(current.date) })
  if (purpose.state === 'expired')
    return t('privacy.state.expired', { date: date(current.expiresOn ?? current.date) })
  return current.expiresOn
    ? t('privacy.state.givenUntil', { date: date(current.expiresOn) })
    : t('privacy.state.given', { date: date(current.date) })
}

function historyLine(record: ConsentRecord, t: TFunction, language: string): string {
  return [
    formatDate(record.date, language),
    t(record.given ? 'privacy.given' : 'privacy.refused'),
    t(`privacy.how.${record.how}`),
    record.expiresOn && t('privacy.until', { date: formatDate(record.expiresOn, language) }),
    record.words && `“${record.words}”`,
    record.recordedBy,
  ]
    .filter(Boolean)
    .join(' · ')
}

const consentForm = z.object({
  purpose: z.enum(consentPurposes),
  given: z.enum(['yes', 'no']),
  date: isoDate,
  how: z.enum(consentHows),
  words: z.string().trim().max(500, { error: 'validation.tooLong' }),
  expiresOn: z.union([z.literal(''), isoDate]),
})
type ConsentForm = z.input<typeof consentForm>

/**
 * Toestemming per doel on a resident's page: each purpose where it stands today, its history, and
 * a form to record a decision (the expiry defaults to her setting's term; a renewal follow-up comes
 * a month before it by itself).
 */
export function ConsentSection({
  personId,
  onChanged,
}: {
  personId: string
  /** Heard after a decision is recorded (the renewal follow-up is new on her page). */
  onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const today = useToday()
  const loaded = useLoad(() => sprokkel().consent.list({ id: personId }), [personId])
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const form = useForm<ConsentForm, unknown, z.output<typeof consentForm>>({
    resolver: zodResolver(consentForm),
    defaultValues: {
      purpose: 'contact',
      given: 'yes',
      date: '',
      how: 'mondeling',
      words: '',
      expiresOn: '',
    },
  })
  const purposes = loaded.value ?? []
  // The day she records it is usually today.
  useEffect(() => {
    if (today && !form.getValues('date')) form.setValue('date', today)
  }, [today, form])

  const record = form.handleSubmit(
    async (values) => {
      const result = await call(
        () =>
          sprokkel().consent.record({
            personId,
            purpose: values.purpose,
            given: values.given === 'yes',
            date: values.date,
            how: values.how,
            words: values.words,
            ...(values.expiresOn ? { expiresOn: values.expiresOn } : {}),
          }),
        t('errors.unreachable'),
      )
      if (!result.ok) return setFailure(result.error.issues?.[0]?.message ?? result.error.message)
      setFailure('')
      loaded.set(result.value)
      form.reset({ ...values, words: '', expiresOn: '' })
      setStatus(t('privacy.recorded', { purpose: t(`privacy.purpose.${values.purpose}`) }))
      onChanged()
    },
    (errors) => setFailure(t(Object.values(errors)[0]?.message ?? 'validation.invalid')),
  )

  return (
    <section className="card consents" aria-labelledby="consents-title">
      <h2 id="consents-title">{t('privacy.consentTitle')}</h2>
      <ul className="consent-list" aria-label={t('privacy.consentTitle')}>
        {purposes.map((purpose) => (
          <li key={purpose.purpose} className={`consent-row consent-${purpose.state}`}>
            <strong>{t(`privacy.purpose.${purpose.purpose}`)}</strong>{' '}
            <span>{consentStateText(purpose, t, i18n.language)}</span>
            {purpose.history.length > 0 && (
              <details>
                <summary>{t('privacy.history', { count: purpose.history.length })}</summary>
                <ul>
                  {purpose.history.map((entry) => (
                    <li key={entry.id}>{historyLine(entry, t, i18n.language)}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
      <form
        className="inline-form consent-form"
        aria-label={t('privacy.recordTitle')}
        onSubmit={record}
        noValidate
      >
        <label>
          {t('privacy.purposeLabel')}{' '}
          <select {...form.register('purpose')}>
            {consentPurposes.map((value) => (
              <option key={value} value={value}>
                {t(`privacy.purpose.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('privacy.decision')}{' '}
          <select {...form.register('given')}>
            <option value="yes">{t('privacy.given')}</option>
            <option value="no">{t('privacy.refused')}</option>
          </select>
        </label>
        <label>
          {t('privacy.date')} <input type="date" max={today} {...form.register('date')} />
        </label>
        <label>
          {t('privacy.howLabel')}{' '}
          <select {...form.register('how')}>
            {consentHows.map((value) => (
              <option key={value} value={value}>
                {t(`privacy.how.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('privacy.words')} <input type="text" maxLength={500} {...form.register('words')} />
        </label>
        <label>
          {t('privacy.expiresOn')} <input type="date" {...form.register('expiresOn')} />
        </label>
        <button type="submit" className="secondary" disabled={form.formState.isSubmitting}>
          {t('privacy.record')}
        </button>
      </form>
      <p className="muted">{t('privacy.expiresHint')}</p>
      <Announcements status={status} failure={failure || loaded.failure} />
    </section>
  )
}
