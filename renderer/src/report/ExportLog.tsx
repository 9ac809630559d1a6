import { useTranslation } from 'react-i18next'
import type { ReportExport } from '../../../shared/report'

/** Every export she made, newest first: when, which format, period, wijken, k and file. */
export function ExportLog({ exports }: { exports: ReportExport[] }) {
  const { t, i18n } = useTranslation()
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <section aria-labelledby="exports-title">
      <h2 id="exports-title">{t('reportView.exports')}</h2>
      {exports.length === 0 ? (
        <p className="muted">{t('reportView.noExports')}</p>
      ) : (
        <ul className="plain-list">
          {exports.map((entry) => (
            <li key={entry.id}>
              {t('reportView.exportLine', {
                at: when.format(new Date(entry.at)),
                format: entry.format.toUpperCase(),
                period: entry.periodLabel,
                wijken: entry.wijken.join(', '),
                k: entry.k,
                file: entry.fileName,
              })}
              {entry.roundTo5 ? ` · ${t('reportView.rounded')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
