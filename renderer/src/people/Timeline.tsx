import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import {
  momentFieldsSchema,
  personLimits,
  type ContactMoment,
  type MomentFields,
} from '../../../shared/person'
import { type PersonEvent } from '../../../shared/person-detail'
import type { z } from 'zod'
import { call, sprokkel } from '../ui/api'
import { FormFooter } from '../ui/FormFooter'
import { fieldError } from '../ui/formErrors'
import { channelOptions, formatDate } from '../ui/options'
import { useToday } from '../ui/useToday'
import { RouteSelect } from '../ui/RouteSelect'
import { SelectField } from '../ui/SelectField'
import { TextField } from '../ui/TextField'

type MomentInput = z.input<typeof momentFieldsSchema>

type Entry = { type: 'moment'; item: ContactMoment } | { type: 'event'; item: PersonEvent }

/** Moments and events in one line, newest first (by date, then by when they were written). */
const entries = (moments: ContactMoment[], events: PersonEvent[]): Entry[] =>
  [
    ...moments.map((item): Entry => ({ type: 'moment', item })),
    ...events.map((item): Entry => ({ type: 'event', item })),
  ].sort(
    (a, b) =>
      b.item.date.localeCompare(a.item.date) || b.item.createdAt.localeCompare(a.item.createdAt),
  )

/** Her contact moments, newest first, and a form to add one. */
export function Timeline({
  personId,
  moments,
  events,
  onAdded,
}: {
  personId: string
  moments: ContactMoment[]
  events: PersonEvent[]
  onAdded: () => void
}) {
  const { t, i18n } = useTranslation()
  const today = useToday()
  return (
    <section className="card timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {/* The form waits for the main side's today, so a moment defaults to the right day. */}
      {today && <MomentForm today={today} personId={personId} onAdded={onAdded} />}
      {moments.length + events.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="moments" aria-label={t('timeline.title')}>
          {entries(moments, events).map((entry) =>
            entry.type === 'moment' ? (
              <li key={entry.item.id}>
                <span className="moment-date">{formatDate(entry.item.date, i18n.language)}</span>
                <span className="moment-channel">
                  {t(`channel.${entry.item.channel}`)}
                  {entry.item.place ? ` · ${entry.item.place}` : ''}
                  {entry.item.referredBy ? ` · ${entry.item.referredBy}` : ''}
                </span>
                {entry.item.note && <span className="moment-note">{entry.item.note}</span>}
                {entry.item.worker && (
                  <span className="muted">{t('timeline.by', { worker: entry.item.worker })}</span>
                )}
              </li>
            ) : (
              <li key={entry.item.id} className="event">
                <span className="moment-date">{formatDate(entry.item.date, i18n.language)}</span>
                <span>
                  {t(`event.${entry.item.kind}`, {
                    from: entry.item.detail.from
                      ? formatDate(entry.item.detail.from, i18n.language)
                      : '',
                    to: entry.item.detail.to ? formatDate(entry.item.detail.to, i18n.language) : '',
                    with: entry.item.detail.with ?? '',
                    by: entry.item.detail.by ?? '',
                    on: entry.item.detail.on ? formatDate(entry.item.detail.on, i18n.language) : '',
                    status: entry.item.detail.status
                      ? t(`connect.status.${entry.item.detail.status}`)
                      : '',
                  })}
                  {entry.item.detail.reason ? `: ${entry.item.detail.reason}` : ''}
                </span>
                {entry.item.detail.note && (
                  <span className="moment-note">{entry.item.detail.note}</span>
                )}
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  )
}

function MomentForm({
  today,
  personId,
  onAdded,
}: {
  today: string
  personId: string
  onAdded: () => void
}) {
  const { t } = useTranslation()
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const blank: MomentInput = { date: today, channel: 'straat', place: '', note: '', referredBy: '' }
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
        <RouteSelect
          label={t('moment.referredBy')}
          error={error('referredBy')}
          {...form.register('referredBy')}
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
  )
}
