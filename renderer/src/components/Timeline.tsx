import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { localDate } from '../../../shared/dates'
import {
  momentFieldsSchema,
  personLimits,
  type ContactMoment,
  type MomentFields,
} from '../../../shared/person'
import type { z } from 'zod'
import { call, sprokkel } from '../api'
import { FormFooter } from './FormFooter'
import { fieldError } from '../formErrors'
import { channelOptions, formatDate } from '../options'
import { SelectField } from './SelectField'
import { TextField } from './TextField'

type MomentInput = z.input<typeof momentFieldsSchema>

/** Her contact moments, newest first, and a form to add one. */
export function Timeline({
  personId,
  moments,
  onAdded,
}: {
  personId: string
  moments: ContactMoment[]
  onAdded: () => void
}) {
  const { t, i18n } = useTranslation()
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const blank: MomentInput = { date: localDate(new Date()), channel: 'straat', place: '', note: '' }
  const form = useForm<MomentInput, unknown, MomentFields>({
    resolver: zodResolver(momentFieldsSchema),
    defaultValues: blank,
  })
  const error = fieldError(form.getFieldState, form.formState, t)

  const submit = form.handleSubmit(async (moment) => {
    setFailure('')
    const result = await call(
      () => sprokkel().moments.add({ personId, ...moment }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.message)
    form.reset(blank)
    setStatus(t('timeline.added'))
    onAdded()
  })

  return (
    <section className="card timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <form onSubmit={submit} noValidate aria-label={t('timeline.add')} className="moment-form">
        <div className="field-row">
          <TextField
            label={t('moment.date')}
            type="date"
            error={error('date')}
            {...form.register('date')}
          />
          <SelectField
            label={t('moment.channel')}
            options={channelOptions(t)}
            error={error('channel')}
            {...form.register('channel')}
          />
          <TextField
            label={t('moment.place')}
            maxLength={120}
            error={error('place')}
            {...form.register('place')}
          />
        </div>
        <TextField
          label={t('moment.note')}
          maxLength={personLimits.text}
          error={error('note')}
          {...form.register('note')}
        />
        <FormFooter label={t('timeline.add')} status={status} failure={failure} primary={false} />
      </form>
      {moments.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="moments" aria-label={t('timeline.title')}>
          {moments.map((moment) => (
            <li key={moment.id}>
              <span className="moment-date">{formatDate(moment.date, i18n.language)}</span>
              <span className="moment-channel">
                {t(`channel.${moment.channel}`)}
                {moment.place ? ` · ${moment.place}` : ''}
              </span>
              {moment.note && <span className="moment-note">{moment.note}</span>}
              {moment.worker && (
                <span className="muted">{t('timeline.by', { worker: moment.worker })}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
