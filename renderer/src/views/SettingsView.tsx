import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '../../../shared/contract'
import { call, sprokkel } from '../api'
import { ErrorBanner, FormFooter } from '../components/FormFooter'
import { WijkenSettings } from '../components/WijkenSettings'

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
      <div className="field">
        <label htmlFor="worker-name">{t('settings.workerName')}</label>
        <input
          id="worker-name"
          type="text"
          maxLength={80}
          value={workerName}
          aria-describedby="worker-name-hint"
          onChange={(event) => setWorkerName(event.target.value)}
        />
        <p id="worker-name-hint" className="field-hint">
          {t('settings.workerNameHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="reminder-time">{t('settings.reminderTime')}</label>
        <input
          id="reminder-time"
          type="time"
          value={reminderTime}
          aria-describedby="reminder-time-hint"
          onChange={(event) => setReminderTime(event.target.value)}
        />
        <p id="reminder-time-hint" className="field-hint">
          {t('settings.reminderHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="organisation">{t('settings.organisation')}</label>
        <input
          id="organisation"
          type="text"
          maxLength={120}
          value={organisation}
          aria-describedby="organisation-hint"
          onChange={(event) => setOrganisation(event.target.value)}
        />
        <p id="organisation-hint" className="field-hint">
          {t('settings.organisationHint')}
        </p>
      </div>
      <FormFooter label={t('settings.save')} status={status} failure={failure} />
    </form>
  )
}
