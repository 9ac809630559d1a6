import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { HandoverPreview } from '../../../shared/handover'
import { duplicateChoices, type DuplicateChoice } from '../../../shared/import'
import { formatDate } from '../../../shared/dates'
import { call, sprokkel } from '../ui/api'
import { Announcements } from '../ui/FormFooter'
import { TextField } from '../ui/TextField'

/**
 * An overdrachtsbestand from a colleague: choose it, give its password, see who is in it and
 * decide for everyone who may be someone she has (as in the import's duplicates step), take over.
 */
export function ReceiveHandover({ onTaken }: { onTaken: () => void }) {
  const { t, i18n } = useTranslation()
  const [fileName, setFileName] = useState<string | null>(null)
  const [preview, setPreview] = useState<HandoverPreview | null>(null)
  const [choices, setChoices] = useState<Map<number, DuplicateChoice>>(new Map())
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)
  const form = useForm<{ password: string }>({ defaultValues: { password: '' } })

  const reset = () => {
    setFileName(null)
    setPreview(null)
    setChoices(new Map())
  }
  const choose = async () => {
    setStatus('')
    setFailure('')
    const result = await call(() => sprokkel().handover.choose(), t('errors.unreachable'))
    if (!result.ok) return setFailure(result.error.message)
    if (result.value) {
      reset()
      setFileName(result.value.fileName)
    }
  }
  const unlock = form.handleSubmit(async ({ password }) => {
    setBusy(true)
    const result = await call(
      () => sprokkel().handover.unlock({ password }),
      t('errors.unreachable'),
    )
    setBusy(false)
    form.reset({ password: '' })
    if (!result.ok) return setFailure(result.error.message)
    setFailure('')
    setPreview(result.value)
  })
  const take = async () => {
    setBusy(true)
    const decisions = [...choices].map(([row, choice]) => ({ row, choice }))
    const result = await call(
      () => sprokkel().handover.commit({ decisions }),
      t('errors.unreachable'),
    )
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    setFailure('')
    reset()
    setStatus(
      t('handover.taken', {
        added: result.value.added,
        merged: result.value.merged,
        skipped: result.value.skipped.length,
      }),
    )
    onTaken()
  }

  return (
    <section className="card" aria-labelledby="receive-title">
      <h2 id="receive-title">{t('handover.receiveTitle')}</h2>
      <p className="muted">{t('handover.receiveHint')}</p>
      {!fileName && (
        <div className="form-actions">
          <button type="button" className="secondary" onClick={() => void choose()}>
            {t('handover.open')}
          </button>
        </div>
      )}
      {fileName && <p>{t('handover.chosen', { file: fileName })}</p>}
      {fileName && !preview && (
        <form aria-label={t('handover.receiveTitle')} noValidate onSubmit={(e) => void unlock(e)}>
          <TextField
            type="password"
            label={t('handover.password')}
            {...form.register('password')}
          />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('handover.unlock')}
            </button>
            <button type="button" className="link" onClick={reset}>
              {t('handover.cancel')}
            </button>
          </div>
        </form>
      )}
      {preview && (
        <>
          <p role="status">
            {t('handover.holds', {
              from:
                [preview.from, preview.organisation].filter(Boolean).join(', ') ||
                t('handover.unknownFrom'),
              date: formatDate(preview.createdAt.slice(0, 10), i18n.language),
              count: preview.people,
            })}{' '}
            {!preview.includesNotes && t('handover.withoutNotes')}
          </p>
          {preview.known > 0 && <p>{t('handover.known', { count: preview.known })}</p>}
          <p>{preview.matches.length > 0 ? t('handover.matchesIntro') : t('handover.noMatches')}</p>
          {preview.matches.length > 0 && (
            <ul className="handover-matches">
              {preview.matches.map((match) => (
                <li key={match.row}>
                  <p className="duplicate-title">
                    <strong>
                      {t('handover.matchOf', { name: match.name, existing: match.existingName })}
                    </strong>{' '}
                    <span className="muted">
                      (
                      {t('import.because', {
                        reasons: match.reasons
                          .map((reason) => t(`import.reasons.${reason}`))
                          .join(', '),
                      })}
                      )
                    </span>
                  </p>
                  <fieldset className="inline-fieldset duplicate-choice">
                    <legend className="sr-only">
                      {t('handover.choiceLabel', { name: match.name })}
                    </legend>
                    {duplicateChoices.map((option) => (
                      <label key={option}>
                        <input
                          type="radio"
                          name={`handover-${match.row}`}
                          value={option}
                          checked={choices.get(match.row) === option}
                          onChange={() => {
                            setFailure('')
                            setChoices((current) => new Map(current).set(match.row, option))
                          }}
                        />{' '}
                        {t(`import.duplicateChoice.${option}`)}
                      </label>
                    ))}
                  </fieldset>
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void take()}>
              {t('handover.take')}
            </button>
            <button type="button" className="link" onClick={reset}>
              {t('handover.cancel')}
            </button>
          </div>
        </>
      )}
      <Announcements status={status} failure={failure} />
    </section>
  )
}
