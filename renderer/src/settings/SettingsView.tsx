import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { settingsSchema, type Settings } from '../../../shared/contract'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner, FormFooter } from '../ui/FormFooter'
import { fieldError, showServerErrors } from '../ui/formErrors'
import { TextField } from '../ui/TextField'
import { useLoad } from '../ui/useLoad'
import { WijkenSettings } from './WijkenSettings'
import './settings.css'

export function SettingsView() {
  const { t } = useTranslation()
  const stored = useLoad(() => sprokkel().settings.get(), [])
  return (
    <section aria-labelledby="view-title" className="view">
      <header className="view-header">
        <h1 id="view-title">{t('settings.title')}</h1>
      </header>
      <ErrorBanner message={stored.failure} />
      {/* The form waits for what is stored, so nothing she types can be overwritten by it. */}
      {stored.value ? (
        <SettingsForm stored={stored.value} />
      ) : (
        <p className="muted">{t('people.loading')}</p>
      )}
      <WijkenSettings />
    </section>
  )
}

type SettingsInput = z.input<typeof settingsSchema>

function SettingsForm({ stored }: { stored: Settings }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const form = useForm<SettingsInput, unknown, Settings>({
    resolver: zodResolver(settingsSchema),
    defaultValues: {
      workerName: stored.workerName ?? '',
      reminderTime: stored.reminderTime,
      organisation: stored.organisation ?? '',
    },
  })
  const message = fieldError(form.getFieldState, form.formState, t)

  const save = form.handleSubmit(async (settings) => {
    setStatus('')
    setFailure('')
    const result = await call(
      () =>
        sprokkel().settings.update({
          workerName: settings.workerName ?? '',
          reminderTime: settings.reminderTime,
          organisation: settings.organisation ?? '',
        }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(showServerErrors(form.setError, result.error))
    setStatus(t('settings.saved'))
  })

  return (
    <form className="card" aria-label={t('settings.title')} onSubmit={save} noValidate>
      <TextField
        label={t('settings.workerName')}
        hint={t('settings.workerNameHint')}
        maxLength={80}
        error={message('workerName')}
        {...form.register('workerName')}
      />
      <TextField
        type="time"
        label={t('settings.reminderTime')}
        hint={t('settings.reminderHint')}
        error={message('reminderTime')}
        {...form.register('reminderTime')}
      />
      <TextField
        label={t('settings.organisation')}
        hint={t('settings.organisationHint')}
        maxLength={120}
        error={message('organisation')}
        {...form.register('organisation')}
      />
      <FormFooter
        label={t('settings.save')}
        busy={form.formState.isSubmitting}
        status={status}
        failure={failure}
      />
    </form>
  )
}
