import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LateImport } from '../../../shared/followups'
import { followUpPicks, type FollowUpPick } from '../../../shared/ledger'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner } from '../ui/FormFooter'
import { formatDate } from '../ui/options'

/**
 * After importing a list with old "terugbellen" dates, Vandaag would be full of late ones: each
 * import's late follow-ups can be moved or closed at once, instead of one by one.
 */
export function LateImports({
  imports,
  onChanged,
}: {
  imports: LateImport[]
  onChanged: (message: string) => void
}) {
  return imports.map((item) => (
    <LateImportCard key={item.importId} item={item} onChanged={onChanged} />
  ))
}

function LateImportCard({
  item,
  onChanged,
}: {
  item: LateImport
  onChanged: (message: string) => void
}) {
  const { t, i18n } = useTranslation()
  const [pick, setPick] = useState<FollowUpPick>('1w')
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)
  const titleId = `late-import-${item.importId}`
  const date = formatDate(item.importedAt.slice(0, 10), i18n.language)

  const settle = async (action: 'move' | 'close') => {
    if (
      action === 'close' &&
      !window.confirm(t('today.lateImport.closeConfirm', { count: item.count }))
    )
      return
    setBusy(true)
    const result = await call(
      () =>
        sprokkel().followups.settleImport({
          importId: item.importId,
          action,
          ...(action === 'move' ? { by: pick } : {}),
        }),
      t('errors.unreachable'),
    )
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    onChanged(
      t(action === 'move' ? 'today.lateImport.moved' : 'today.lateImport.closed', {
        count: result.value.count,
      }),
    )
  }

  return (
    <section className="card late-import" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t('today.lateImport.title', { count: item.count, file: item.fileName, date })}
      </h2>
      <p className="muted">{t('today.lateImport.explain')}</p>
      <div className="inline-form">
        <label className="field">
          <span>{t('today.lateImport.moveBy')}</span>
          <select value={pick} onChange={(event) => setPick(event.target.value as FollowUpPick)}>
            {followUpPicks.map((option) => (
              <option key={option} value={option}>
                {t(`followUp.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void settle('move')}
        >
          {t('today.lateImport.move', { count: item.count })}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void settle('close')}
        >
          {t('today.lateImport.close', { count: item.count })}
        </button>
      </div>
      <ErrorBanner message={failure} />
    </section>
  )
}
