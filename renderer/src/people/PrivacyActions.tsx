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
    onGone(t(`privacy.done.${kind}`, { count: result.value.count }))
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
