import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { setRecoverySchema } from '../../../shared/backup'
import { RestoreBackup } from '../settings/BackupSettings'
import type { View } from './views'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner } from '../ui/FormFooter'
import { TextField } from '../ui/TextField'
import { fieldError } from '../ui/formErrors'
import { useNavigation } from './navigation'

const welcomeForm = z
  .object({
    workerName: z.string().trim().max(80, { error: 'validation.tooLong' }),
    wijken: z.string().max(2000, { error: 'validation.tooLong' }),
    // Optional here (she may set it later in Instellingen); when given, as Instellingen asks it.
    recovery: z.union([z.literal(''), setRecoverySchema.shape.password]),
    again: z.string(),
  })
  .refine((form) => form.recovery === form.again, {
    error: 'validation.pinsDiffer',
    path: ['again'],
  })
type WelcomeForm = z.infer<typeof welcomeForm>
const empty: WelcomeForm = { workerName: '', wijken: '', recovery: '', again: '' }

/** "Kerckebosch, Hoge Dennen" → her wijken; commas, semicolons or new lines between them. */
const wijkNames = (text: string) =>
  [...new Set(text.split(/[,;\n]/).map((name) => name.trim()))].filter((name) => name !== '')

/**
 * The first start: her name (it goes with every contact moment), her wijken, and the way to the
 * Excel list she keeps today. Everything here can be skipped and changed later in Instellingen.
 */
export function WelcomeView() {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [failure, setFailure] = useState('')
  const form = useForm<WelcomeForm>({
    resolver: zodResolver(welcomeForm),
    defaultValues: empty,
  })
  const { isSubmitting } = form.formState
  const message = fieldError(form.getFieldState, form.formState, t)

  const finish = async (values: WelcomeForm, next: View) => {
    setFailure('')
    if (values.recovery) {
      const set = await call(
        () => sprokkel().recovery.set({ password: values.recovery }),
        t('errors.unreachable'),
      )
      if (!set.ok) return setFailure(set.error.message)
    }
    const result = await call(
      () =>
        sprokkel().app.finishWelcome({
          workerName: values.workerName,
          wijken: wijkNames(values.wijken),
        }),
      t('errors.unreachable'),
    )
    if (!result.ok) {
      // A wijk name that is too long is named by its place in the list: show it at the field.
      const issue = result.error.issues?.[0]
      if (issue)
        form.setError(issue.path[0] === 'wijken' ? 'wijken' : 'workerName', { message: issue.key })
      else setFailure(result.error.message)
      return
    }
    navigation.go(next)
  }

  return (
    <section aria-labelledby="view-title" className="view welcome">
      <header className="view-header">
        <h1 id="view-title">{t('welcome.title')}</h1>
      </header>
      <p>{t('welcome.intro')}</p>
      <form
        className="card"
        aria-labelledby="view-title"
        noValidate
        onSubmit={form.handleSubmit((values) => finish(values, 'today'))}
      >
        <p className="muted">{t('welcome.start')}</p>
        <TextField
          label={t('welcome.workerName')}
          hint={t('welcome.workerNameHint')}
          maxLength={80}
          autoFocus
          error={message('workerName')}
          {...form.register('workerName')}
        />
        <TextField
          label={t('welcome.wijken')}
          hint={t('welcome.wijkenHint')}
          error={message('wijken')}
          {...form.register('wijken')}
        />
        <fieldset className="inline-fieldset">
          <legend>{t('backup.recoveryTitle')}</legend>
          <p className="field-hint">{t('backup.recoveryHint')}</p>
          <div className="field-row">
            <TextField
              type="password"
              label={t('backup.recoveryPassword')}
              error={message('recovery')}
              {...form.register('recovery')}
            />
            <TextField
              type="password"
              label={t('backup.recoveryAgain')}
              error={message('again')}
              {...form.register('again')}
            />
          </div>
        </fieldset>
        <p className="field-hint">{t('welcome.importHint')}</p>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('welcome.saving') : t('welcome.save')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={isSubmitting}
            onClick={() => void form.handleSubmit((values) => finish(values, 'import'))()}
          >
            {t('welcome.saveAndImport')}
          </button>
          <button
            type="button"
            className="link"
            disabled={isSubmitting}
            onClick={() => void finish(empty, 'today')}
          >
            {t('welcome.skip')}
          </button>
        </div>
        <ErrorBanner message={failure} />
      </form>
      {/* A new computer: her ledger comes back from a backup and her herstelwachtwoord. */}
      <RestoreBackup />
    </section>
  )
}
