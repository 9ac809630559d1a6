import { useTranslation } from 'react-i18next'
import { cellText as shownText, type Report, type ReportCell } from '../../../shared/report'
import { chartBelow, chartOf } from '../../../shared/report-charts'
import { ReportChart } from './ReportChart'

/** The protected report: each table with its chart, her stories and the method in plain Dutch. */
export function ReportArticle({ report }: { report: Report }) {
  const { t, i18n } = useTranslation()
  const k = report.request.k
  const cellText = (cell: ReportCell | null) =>
    cell?.kind !== 'count'
      ? shownText(cell, k)
      : cell.share === undefined
        ? cell.value.toLocaleString(i18n.language)
        : `${cell.value.toLocaleString(i18n.language)} (${cell.share}%)`
  return (
    <article className="report" aria-labelledby="report-title">
      <h2 id="report-title">
        {t('report.title')}: {report.periodLabel}
      </h2>
      <p className="muted">
        {[report.organisation, `${t('report.wijken')}: ${report.wijken.join(', ')}`]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className="field-hint">{t('reportView.legend', { k })}</p>
      {report.tables.map((table) => {
        const hasTotal = table.rows.some((row) => row.total !== null)
        const chart = chartOf(table, k)
        return (
          <section key={table.id} className="card report-table">
            <div className={chartBelow(table) ? 'report-pair wide' : 'report-pair'}>
              <table>
                <caption>{table.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{table.rowHeader}</th>
                    {table.columns.map((column) => (
                      <th key={column.key} scope="col">
                        {column.label}
                      </th>
                    ))}
                    {hasTotal && <th scope="col">{t('report.total')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {[...table.rows, ...(table.totals ? [table.totals] : [])].map((row) => (
                    <tr key={row.key} className={row.key === 'total' ? 'total-row' : undefined}>
                      <th scope="row">{row.label}</th>
                      {row.cells.map((cell, i) => (
                        <td key={table.columns[i]!.key}>{cellText(cell)}</td>
                      ))}
                      {hasTotal && <td>{cellText(row.total)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
              {chart && <ReportChart chart={chart} />}
            </div>
            {table.rows.length === 0 && <p className="muted">{t('reportView.nothing')}</p>}
            {table.note && <p className="field-hint">{table.note}</p>}
          </section>
        )
      })}
      {report.stories.length > 0 && (
        <section className="card report-stories">
          <h3>{t('report.storiesTitle')}</h3>
          {report.stories.map((story) => (
            <div key={story.id}>
              <h4>{story.title}</h4>
              {story.text.split(/\n+/).map((paragraph, i) => (
                <p key={i}>{paragraph}</p>
              ))}
              {story.withoutConsent > 0 && (
                <p className="field-error">
                  {t('stories.blocked', { count: story.withoutConsent })}
                </p>
              )}
            </div>
          ))}
        </section>
      )}
      {report.narrative && (
        <section className="card">
          <h3>{t('report.narrativeTitle')}</h3>
          {report.narrative.split(/\n+/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </section>
      )}
      <section className="card">
        <h3>{t('report.methodTitle')}</h3>
        {report.method.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>
    </article>
  )
}
