import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import {
  setRecoverySchema,
  type BackupStatus,
  type RestoreChoice,
  type RestorePreview,
} from '../../../shared/backup'
import type { Result } from '../../../shared/result'
import { call, sprokkel } from '../ui/api'
import { Announcements, FormFooter } from '../ui/FormFooter'
import { fieldError } from '../ui/formErrors'
import { TextField } from '../ui/TextField'
import { useLoad } from '../ui/useLoad'

const dateOf = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(iso),
  )
const timeOf = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
const sizeOf = (bytes: number, language: string) =>
  `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`

/**
 * Back-ups in Instellingen: the last one, its size and place, a warning when it is old; "Nu een
 * back-up maken"; a second folder; her herstelwachtwoord; and restoring a backup.
 */
export function BackupSettings() {
  const { t, i18n } = useTranslation()
  const status = useLoad(() => sprokkel().backup.status(), [])
  const [message, setMessage] = useState({ status: '', failure: '' })
  const [busy, setBusy] = useState(false)
  const current = status.value

  const run = async (request: () => Promise<Result<BackupStatus>>, done = '') => {
    setBusy(true)
    setMessage({ status: done ? t('backup.running') : '', failure: '' })
    const result = await call(request, t('errors.unreachable'))
    setBusy(false)
    if (!result.ok) return setMessage({ status: '', failure: result.error.message })
    status.set(result.value)
    setMessage({ status: result.value.problem ? '' : done, failure: '' })
  }

  return (
    <>
      <section className="card" aria-labelledby="backup-title">
        <h2 id="backup-title">{t('backup.title')}</h2>
        <p className="muted">{t('backup.hint')}</p>
        {current && (
          <>
            <p>
              {current.last
                ? t('backup.last', {
                    date: dateOf(current.last.createdAt, i18n.language),
                    time: timeOf(current.last.createdAt, i18n.language),
                    size: sizeOf(current.last.bytes, i18n.language),
                  })
                : t('backup.none')}{' '}
              {current.count > 0 && t('backup.count', { count: current.count })}
            </p>
            <p className="muted">{t('backup.place', { folder: current.folder })}</p>
            {current.stale && (
              <p className="warning">{current.last ? t('backup.stale') : t('backup.staleNone')}</p>
            )}
            {current.problem && (
              <p role="alert" className="error-banner">
                {current.problem === 'mirror_failed'
                  ? t('backup.mirrorFailed')
                  : t('backup.failed')}
              </p>
            )}
            <div className="form-actions">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void run(() => sprokkel().backup.now(), t('backup.made'))}
              >
                {t('backup.now')}
              </button>
            </div>
            <h3>{t('backup.mirror')}</h3>
            <p className="muted">{t('backup.mirrorHint')}</p>
            <p>
              {current.mirror
                ? t('backup.mirrorIs', { folder: current.mirror })
                : t('backup.mirrorNone')}
            </p>
            <div className="form-actions">
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => void run(() => sprokkel().backup.chooseMirror())}
              >
                {t('backup.chooseMirror')}
              </button>
              {current.mirror && (
                <button
                  type="button"
                  className="link"
                  disabled={busy}
                  onClick={() => void run(() => sprokkel().backup.clearMirror())}
                >
                  {t('backup.clearMirror')}
                </button>
              )}
            </div>
          </>
        )}
        <Announcements status={message.status} failure={message.failure || status.failure} />
      </section>
      {current && <RecoverySettings setAt={current.recoverySetAt} onDone={status.set} />}
      <RestoreBackup />
    </>
  )
}

const recoveryForm = z
  .object({ password: setRecoverySchema.shape.password, again: z.string() })
  .refine((form) => form.password === form.again, {
    error: 'validation.pinsDiffer',
    path: ['again'],
  })

function RecoverySettings({
  setAt,
  onDone,
}: {
  setAt: string | null
  onDone: (status: BackupStatus) => void
}) {
  const { t, i18n } = useTranslation()
  const [failure, setFailure] = useState('')
  const [saved, setSaved] = useState('')
  const form = useForm<z.input<typeof recoveryForm>, unknown, z.output<typeof recoveryForm>>({
    resolver: zodResolver(recoveryForm),
    defaultValues: { password: '', again: '' },
  })
  const error = fieldError(form.getFieldState, form.formState, t)
  const submit = form.handleSubmit(async ({ password }) => {
    setSaved('')
    const result = await call(() => sprokkel().recovery.set({ password }), t('errors.unreachable'))
    form.reset({ password: '', again: '' })
    if (!result.ok) return setFailure(result.error.issues?.[0]?.message ?? result.error.message)
    setFailure('')
    onDone(result.value)
    setSaved(t('backup.recoverySaved'))
  })
  const label = setAt ? t('backup.recoveryChange') : t('backup.recoverySave')
  return (
    <section className="card" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('backup.recoveryTitle')}</h2>
      <p className="muted">{t('backup.recoveryHint')}</p>
      {setAt ? (
        <p>{t('backup.recoverySetAt', { date: dateOf(setAt, i18n.language) })}</p>
      ) : (
        <p className="warning">{t('backup.recoveryMissing')}</p>
      )}
      <form onSubmit={(event) => void submit(event)} aria-label={label} noValidate>
        <div className="field-row">
          <TextField
            type="password"
            label={t('backup.recoveryPassword')}
            error={error('password')}
            {...form.register('password')}
          />
          <TextField
            type="password"
            label={t('backup.recoveryAgain')}
            error={error('again')}
            {...form.register('again')}
          />
        </div>
        <FormFooter
          label={label}
          busy={form.formState.isSubmitting}
          status={saved}
          failure={failure}
          primary={false}
        />
      </form>
    </section>
  )
}

/** Choose a backup, give the password, see what it holds, then restore (and start afresh). */
export function RestoreBackup() {
  const { t, i18n } = useTranslation()
  const [choice, setChoice] = useState<RestoreChoice | null>(null)
  const [preview, setPreview] = useState<RestorePreview | null>(null)
  const form = useForm<{ password: string }>({ defaultValues: { password: '' } })
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)

  const choose = async () => {
    setFailure('')
    setPreview(null)
    const result = await call(() => sprokkel().restore.choose(), t('errors.unreachable'))
    if (!result.ok) return setFailure(result.error.message)
    setChoice(result.value)
  }
  const open = form.handleSubmit(async ({ password }) => {
    setBusy(true)
    const result = await call(() => sprokkel().restore.check({ password }), t('errors.unreachable'))
    setBusy(false)
    form.reset({ password: '' })
    if (!result.ok) return setFailure(result.error.message)
    setFailure('')
    setPreview(result.value)
  })
  const replace = async () => {
    setBusy(true)
    const result = await call(() => sprokkel().restore.replace(), t('errors.unreachable'))
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    // Everything on screen was the ledger of before: start the window afresh.
    window.location.reload()
  }
  const cancel = () => {
    setChoice(null)
    setPreview(null)
    setFailure('')
  }

  return (
    <section className="card" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('backup.restore.title')}</h2>
      <p className="muted">{t('backup.restore.hint')}</p>
      {!choice && (
        <div className="form-actions">
          <button type="button" className="secondary" onClick={() => void choose()}>
            {t('backup.restore.choose')}
          </button>
        </div>
      )}
      {choice && (
        <p>
          {t('backup.restore.chosen', {
            date: dateOf(choice.createdAt, i18n.language),
            time: timeOf(choice.createdAt, i18n.language),
          })}
        </p>
      )}
      {choice && !preview && (
        <form
          aria-label={t('backup.restore.title')}
          noValidate
          onSubmit={(event) => void open(event)}
        >
          {choice.hasRecovery ? (
            <TextField
              type="password"
              label={t('backup.restore.password')}
              {...form.register('password')}
            />
          ) : (
            <p className="muted">{t('backup.restore.noPassword')}</p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('backup.restore.check')}
            </button>
            <button type="button" className="link" onClick={cancel}>
              {t('backup.restore.cancel')}
            </button>
          </div>
        </form>
      )}
      {preview && (
        <>
          <p role="status">
            {t('backup.restore.holds', {
              date: dateOf(preview.createdAt, i18n.language),
              count: preview.people,
              moments: preview.moments,
            })}
          </p>
          <p className="warning">{t('backup.restore.replaceWarning')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void replace()}
            >
              {t('backup.restore.replace')}
            </button>
            <button type="button" className="link" onClick={cancel}>
              {t('backup.restore.cancel')}
            </button>
          </div>
        </>
      )}
      <Announcements status="" failure={failure} />
    </section>
  )
}
