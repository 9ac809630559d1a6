import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportHistoryItem, ImportReport } from '../../../shared/import'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner } from '../ui/FormFooter'
import { useLoad } from '../ui/useLoad'
import { ReportView } from './ImportReport'

/** Earlier imports, newest first: each report can be read again, and the last one undone. */
export function ImportHistory({ onUndone }: { onUndone: () => void }) {
  const { t, i18n } = useTranslation()
  const history = useLoad(() => sprokkel().import.history(), [])
  const items: ImportHistoryItem[] | undefined = history.value
  const [open, setOpen] = useState<{ report: ImportReport; undoable: boolean }>()
  const [shownFailure, setFailure] = useState('')
  const failure = shownFailure || history.failure

  const show = useCallback(
    async (item: ImportHistoryItem) => {
      const result = await call(
        () => sprokkel().import.report({ id: item.id }),
        t('errors.unreachable'),
      )
      if (result.ok) setOpen({ report: result.value, undoable: item.undoable })
      else setFailure(result.error.message)
    },
    [t],
  )

  return (
    <section aria-labelledby="import-history" className="import-history">
      <h2 id="import-history">{t('import.history')}</h2>
      <ErrorBanner message={failure} />
      {items && items.length === 0 && <p className="muted">{t('import.historyEmpty')}</p>}
      {items && items.length > 0 && (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.id} className="history-item">
              <span>
                {t('import.historyItem', {
                  date: new Intl.DateTimeFormat(i18n.language, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }).format(new Date(item.createdAt)),
                  file: item.fileName,
                  added: item.added,
                  merged: item.merged,
                  skipped: item.skipped,
                })}
                {item.undoneAt && ` · ${t('import.undoneShort')}`}
              </span>
              <button
                type="button"
                className="link"
                aria-expanded={open?.report.id === item.id}
                onClick={() => (open?.report.id === item.id ? setOpen(undefined) : void show(item))}
              >
                {t('import.showReport')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <ReportView
          report={open.report}
          undoable={open.undoable}
          headingLevel={3}
          onUndone={(report) => {
            setOpen({ report, undoable: false })
            history.reload()
            onUndone()
          }}
        />
      )}
    </section>
  )
}
