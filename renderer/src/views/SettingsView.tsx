import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultReminderTime, type Settings } from '../../../shared/contract'
import { call, sprokkel } from '../api'
import { FormFooter } from '../components/FormFooter'
import { WijkenSettings } from '../components/WijkenSettings'

export function SettingsView() {
  const { t } = useTranslation()
  const [workerName, setWorkerName] = useState('')
  const [reminderTime, setReminderTime] = useState(defaultReminderTime)
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')

  useEffect(() => {
    let current = true
    void call(() => sprokkel().settings.get(), t('errors.unreachable')).then((settings) => {
      if (!current || !settings.ok) return
      setWorkerName(settings.value.workerName ?? '')
      setReminderTime(settings.value.reminderTime)
    })
    return () => {
      current = false
    }
  }, [t])

  const save = async () => {
    setStatus('')
    const result = await call(
      () =>
        sprokkel().settings.update({ workerName, reminderTime } satisfies Record<
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
    <section aria-labelledby="view-title" className="view">
      <header className="view-header">
        <h1 id="view-title">{t('settings.title')}</h1>
      </header>
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
        <FormFooter label={t('settings.save')} status={status} failure={failure} />
      </form>
      <WijkenSettings />
    </section>
  )
}
