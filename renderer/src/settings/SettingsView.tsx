import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '../../../shared/contract'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner, FormFooter } from '../ui/FormFooter'
import { WijkenSettings } from './WijkenSettings'
import './settings.css'

export function SettingsView() {
  const { t } = useTranslation()
  const [stored, setStored] = useState<Settings>()
  const [failure, setFailure] = useState('')

  useEffect(() => {
    let current = true
    void call(() => sprokkel().settings.get(), t('errors.unreachable')).then((settings) => {
      if (!current) return
      if (settings.ok) setStored(settings.value)
      else setFailure(settings.error.message)
    })
    return () => {
      current = false
    }
  }, [t])

  return (
    <section aria-labelledby="view-title" className="view">
      <header className="view-header">
        <h1 id="view-title">{t('settings.title')}</h1>
      </header>
      <ErrorBanner message={failure} />
      {/* The form waits for what is stored, so nothing she types can be overwritten by it. */}
      {stored ? <SettingsForm stored={stored} /> : <p className="muted">{t('people.loading')}</p>}
      <WijkenSettings />
    </section>
  )
}

function SettingsForm({ stored }: { stored: Settings }) {
  const { t } = useTranslation()
  const [workerName, setWorkerName] = useState(stored.workerName ?? '')
  const [reminderTime, setReminderTime] = useState(stored.reminderTime)
  const [organisation, setOrganisation] = useState(stored.organisation ?? '')
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')

  const save = async () => {
    setStatus('')
    const result = await call(
      () =>
        sprokkel().settings.update({ workerName, reminderTime, organisation } satisfies Record<
          keyof Settings,
          string
        >),
      t('errors.unreachable'),
    )
    if (result.ok) {
      setFailure('')
      setStatus(t('settings.saved'))
    } else setFailure(result.error.message)
  }

  return (
    <form
      className="card"
      aria-label={t('settings.title')}
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <SettingInput
        id="worker-name"
        label={t('settings.workerName')}
        hint={t('settings.workerNameHint')}
        maxLength={80}
        value={workerName}
        onChange={setWorkerName}
      />
      <SettingInput
        id="reminder-time"
        type="time"
        label={t('settings.reminderTime')}
        hint={t('settings.reminderHint')}
        value={reminderTime}
        onChange={setReminderTime}
      />
      <SettingInput
        id="organisation"
        label={t('settings.organisation')}
        hint={t('settings.organisationHint')}
        maxLength={120}
        value={organisation}
        onChange={setOrganisation}
      />
      <FormFooter label={t('settings.save')} status={status} failure={failure} />
    </form>
  )
}

/** One setting: its label, its input and the hint that says what it is for. */
function SettingInput({
  id,
  label,
  hint,
  value,
  onChange,
  type = 'text',
  maxLength,
}: {
  id: string
  label: string
  hint: string
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'time'
  maxLength?: number
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        maxLength={maxLength}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    </div>
  )
}
