import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportReport } from '../../../shared/import'
import { call, sprokkel } from '../ui/api'
import { Announcements } from '../ui/FormFooter'

const shownSkipped = 50

/** What an import did: added, merged, skipped and why; and, while it can be, its undo. */
export function ReportView({
  report,
  undoable = true,
  headingLevel = 2,
  onUndone,
  actions,
}: {
  report: ImportReport
  undoable?: boolean
  headingLevel?: 2 | 3
  onUndone: (report: ImportReport) => void
  actions?: ReactNode
}) {
  const { t, i18n } = useTranslation()
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const Heading = headingLevel === 2 ? 'h2' : 'h3'

  const undo = async () => {
    if (!window.confirm(t('import.undoConfirm'))) return
    const result = await call(
      () => sprokkel().import.undo({ id: report.id }),
      t('errors.unreachable'),
    )
    if (!result.ok) {
      setFailure(result.error.message)
      return
    }
    setFailure('')
    setStatus(t('import.undoneNotice', { file: report.fileName }))
    onUndone(result.value)
  }

  return (
    <div className="card import-report">
      <Heading>{t('import.reportTitle', { file: report.fileName })}</Heading>
      <p className="muted">
        {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(
          new Date(report.createdAt),
        )}
      </p>
      <ul>
        <li>{t('import.reportAdded', { count: report.added })}</li>
        <li>{t('import.reportMerged', { count: report.merged })}</li>
        <li>{t('import.reportSkipped', { count: report.skipped.length })}</li>
        {report.keptInNote > 0 && <li>{t('import.reportKept', { count: report.keptInNote })}</li>}
        {report.emptyRows > 0 && <li>{t('import.reportEmpty', { count: report.emptyRows })}</li>}
      </ul>
      {report.skipped.length > 0 && (
        <ul className="plain-list muted">
          {report.skipped.slice(0, shownSkipped).map((skipped) => (
            <li key={skipped.row}>
              {t('import.skippedBecause', {
                row: skipped.row,
                reason: t(`import.skipReason.${skipped.reason}`),
              })}
            </li>
          ))}
          {report.skipped.length > shownSkipped && <li>…</li>}
        </ul>
      )}
      {report.undoneAt ? (
        <p>
          <strong>
            {t('import.undone', {
              date: new Intl.DateTimeFormat(i18n.language, {
                dateStyle: 'long',
                timeStyle: 'short',
              }).format(new Date(report.undoneAt)),
            })}
          </strong>
        </p>
      ) : null}
      <div className="form-actions">
        {actions}
        {!report.undoneAt && undoable && (
          <button type="button" className="danger" onClick={() => void undo()}>
            {t('import.undo')}
          </button>
        )}
      </div>
      <Announcements status={status} failure={failure} />
    </div>
  )
}
