import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { settingsSchema, type Settings, type SettingsUpdate } from '../../../shared/contract'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner, FormFooter } from '../ui/FormFooter'
import { fieldError, showServerErrors } from '../ui/formErrors'
import { TextField } from '../ui/TextField'
import { useLoad } from '../ui/useLoad'
import { BackupSettings } from './BackupSettings'
import { HandoverSettings } from './HandoverSettings'
import { LockSettings } from './LockSettings'
import { TemplatesSettings } from './TemplatesSettings'
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
      <TemplatesSettings />
      <LockSettings />
      <BackupSettings />
      <HandoverSettings />
    </section>
  )
}

type SettingsInput = z.input<typeof settingsSchema>

function SettingsForm({ stored }: { stored: Settings }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const form = useForm<SettingsInput, unknown, SettingsUpdate>({
    resolver: zodResolver(settingsSchema),
    defaultValues: {
      workerName: stored.workerName ?? '',
      reminderTime: stored.reminderTime,
      organisation: stored.organisation ?? '',
      retentionMonths: stored.retentionMonths,
      consentYears: stored.consentYears,
      trashDays: stored.trashDays,
      // One route per line in the form; the schema gets the lines (setValueAs below).
      routes: stored.routes.join('\n') as unknown as string[],
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
          retentionMonths: settings.retentionMonths,
          consentYears: settings.consentYears,
          trashDays: settings.trashDays,
          routes: settings.routes,
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
      <fieldset className="inline-fieldset">
        <legend>{t('settings.privacy')}</legend>
        <div className="field-row">
          <TextField
            type="number"
            min={6}
            max={120}
            label={t('settings.retentionMonths')}
            hint={t('settings.retentionHint')}
            error={message('retentionMonths')}
            {...form.register('retentionMonths', { valueAsNumber: true })}
          />
          <TextField
            type="number"
            min={1}
            max={10}
            label={t('settings.consentYears')}
            hint={t('settings.consentYearsHint')}
            error={message('consentYears')}
            {...form.register('consentYears', { valueAsNumber: true })}
          />
          <TextField
            type="number"
            min={1}
            max={365}
            label={t('settings.trashDays')}
            hint={t('settings.trashDaysHint')}
            error={message('trashDays')}
            {...form.register('trashDays', { valueAsNumber: true })}
          />
        </div>
      </fieldset>
      <TextField
        multiline
        label={t('settings.routes')}
        hint={t('settings.routesHint')}
        error={message('routes')}
        {...form.register('routes', {
          setValueAs: (text: string | string[]) =>
            typeof text === 'string'
              ? text
                  .split('\n')
                  .map((line) => line.trim())
                  .filter(Boolean)
              : text,
        })}
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
