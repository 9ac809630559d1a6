import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call, sprokkel } from '../ui/api'
import { AnonymiseErase } from '../privacy/AnonymiseErase'
import { Announcements } from '../ui/FormFooter'

/**
 * A resident's rights on his page: inzage (a PDF and a JSON where she chooses, with a warning first
 * when his free text may hold sensitive words), anonymise and erase for good (each asked first).
 */
export function PrivacyActions({
  personId,
  name,
  onGone,
}: {
  personId: string
  name: string
  /** Heard when he is anonymised or erased: nothing of him is left to show. */
  onGone: (message: string) => void
}) {
  const { t } = useTranslation()
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const [sensitive, setSensitive] = useState<string[] | null>(null)
  // His request to be erased from her backups too (off unless she ticks it: it takes a while).
  const [fromBackups, setFromBackups] = useState(false)

  const fail = (message: string) => {
    setStatus('')
    setFailure(message)
  }

  const save = async () => {
    setSensitive(null)
    const result = await call(
      () => sprokkel().privacy.inzage({ id: personId }),
      t('errors.unreachable'),
    )
    if (!result.ok) return fail(result.error.message)
    setFailure('')
    setStatus(result.value ? t('inzage.saved', { ...result.value }) : t('inzage.cancelled'))
  }

  const inzage = async () => {
    const check = await call(
      () => sprokkel().privacy.inzageCheck({ id: personId }),
      t('errors.unreachable'),
    )
    if (!check.ok) return fail(check.error.message)
    if (check.value.sensitive.length > 0) return setSensitive(check.value.sensitive)
    await save()
  }

  const act = async (kind: 'anonymise' | 'erase') => {
    if (!window.confirm(t(`privacy.confirm.${kind}`, { name }))) return
    const result = await call(
      () => sprokkel().privacy[kind]({ ids: [personId] }),
      t('errors.unreachable'),
    )
    if (!result.ok) return fail(result.error.message)
    const done = t(`privacy.done.${kind}`, { count: result.value.count })
    if (kind !== 'erase' || !fromBackups) return onGone(done)
    setFailure('')
    setStatus(t('backup.erasing'))
    const backups = await call(
      () => sprokkel().backup.erase({ ids: [personId] }),
      t('errors.unreachable'),
    )
    if (!backups.ok) return onGone(`${done} ${backups.error.message}`)
    const { changed, failed, mirrorUnreachable } = backups.value
    onGone(
      [
        done,
        t('backup.erased', { count: changed }),
        failed > 0 ? t('backup.eraseFailed', { count: failed }) : '',
        mirrorUnreachable ? t('backup.eraseMirrorAway') : '',
      ]
        .filter(Boolean)
        .join(' '),
    )
  }

  return (
    <section className="card privacy-actions" aria-labelledby="privacy-actions-title">
      <h2 id="privacy-actions-title">{t('privacy.rightsTitle')}</h2>
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => void inzage()}>
          {t('inzage.button')}
        </button>
        <AnonymiseErase onAct={(kind) => void act(kind)} />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={fromBackups}
          onChange={(event) => setFromBackups(event.target.checked)}
        />{' '}
        {t('backup.eraseToo')}
      </label>
      {sensitive && (
        <div role="alert" className="notice sensitive-warning">
          <p>{t('inzage.sensitive', { words: sensitive.join(', ') })}</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void save()}>
              {t('inzage.saveAnyway')}
            </button>
            <button type="button" className="secondary" onClick={() => setSensitive(null)}>
              {t('inzage.notNow')}
            </button>
          </div>
        </div>
      )}
      <Announcements status={status} failure={failure} />
    </section>
  )
}
