import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { unlockSchema, type LockState } from '../../../shared/lock'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner } from '../ui/FormFooter'

/** The locked app: her pincode or password, and nothing else (no resident is in the page). */
export function LockScreen({ onUnlocked }: { onUnlocked: (state: LockState) => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [failure, setFailure] = useState('')
  const form = useForm({ resolver: zodResolver(unlockSchema), defaultValues: { pin: '' } })
  const submit = form.handleSubmit(async ({ pin }) => {
    const result = await call(() => sprokkel().lock.unlock({ pin }), t('errors.unreachable'))
    form.reset({ pin: '' })
    if (!result.ok) return setFailure(result.error.message)
    onUnlocked(result.value)
  })
  return (
    <main className="lock-screen" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('lock.title')}</h1>
      <p className="muted">{t('lock.intro')}</p>
      <form onSubmit={(event) => void submit(event)} aria-label={t('lock.unlock')} noValidate>
        <label htmlFor={`${id}-pin`}>{t('lock.pin')}</label>
        <input
          id={`${id}-pin`}
          type="password"
          autoComplete="current-password"
          {...form.register('pin')}
        />
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {t('lock.unlock')}
        </button>
      </form>
      <ErrorBanner message={failure} />
    </main>
  )
}
