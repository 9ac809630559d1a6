import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Wijk } from '../../../shared/contract'
import {
  cellText as shownText,
  kChoices,
  type KChoice,
  type NarrativeFinding,
  type Report,
  type ReportBreakdown,
  type ReportCell,
  type ReportExport,
  type ReportRequestInput,
} from '../../../shared/report'
import { chartBelow, chartOf } from '../../../shared/report-charts'
import { call, sprokkel } from '../ui/api'
import { Announcements, ErrorBanner } from '../ui/FormFooter'
import { useToday } from '../ui/useToday'
import { ReportChart } from './ReportChart'
import './report.css'

type PeriodKind = 'month' | 'quarter' | 'year' | 'range'

/** The months a choice covers: this month, this quarter, this year, or from–to. */
function periodOf(
  kind: PeriodKind,
  month: string,
  year: string,
  quarter: string,
  from: string,
  to: string,
) {
  if (kind === 'month') return { from: month, to: month }
  if (kind === 'year') return { from: `${year}-01`, to: `${year}-12` }
  if (kind === 'quarter') {
    const q = Number(quarter)
    const first = String((q - 1) * 3 + 1).padStart(2, '0')
    const last = String(q * 3).padStart(2, '0')
    return { from: `${year}-${first}`, to: `${year}-${last}` }
  }
  return { from, to }
}

/**
 * Verantwoording: her work in counts for a period and wijken, with every small count hidden, on
 * screen and as CSV. The report is made in the main process; only protected counts come here.
 */
export function ReportView() {
  const { t, i18n } = useTranslation()
  const id = useId()
  const today = useToday()
  const thisMonth = today?.slice(0, 7) ?? '2026-01'
  const [kind, setKind] = useState<PeriodKind>('quarter')
  const [month, setMonth] = useState('')
  const [year, setYear] = useState('')
  const [quarter, setQuarter] = useState('1')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [breakdown, setBreakdown] = useState<ReportBreakdown>('month')
  const [wijken, setWijken] = useState<Wijk[]>([])
  const [chosen, setChosen] = useState<string[]>([])
  const [k, setK] = useState<KChoice>(5)
  const [roundTo5, setRoundTo5] = useState(false)
  const [narrative, setNarrative] = useState('')
  const [findings, setFindings] = useState<NarrativeFinding[]>()
  const [report, setReport] = useState<Report>()
  const [exports, setExports] = useState<ReportExport[]>([])
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void call(() => sprokkel().wijken.list(), '').then((result) => {
      if (result.ok) setWijken(result.value)
    })
    void call(() => sprokkel().report.exports(), '').then((result) => {
      if (result.ok) setExports(result.value)
    })
  }, [])

  const request = (): ReportRequestInput => ({
    ...periodOf(
      kind,
      month || thisMonth,
      year || thisMonth.slice(0, 4),
      quarter,
      from || thisMonth,
      to || thisMonth,
    ),
    breakdown,
    wijkIds: chosen,
    k,
    roundTo5,
    narrative,
  })

  /** The form set to an earlier export's settings, so the same report can be made again. */
  const applySettingsOf = (entry: ReportExport) => {
    setKind('range')
    setFrom(entry.request.from)
    setTo(entry.request.to)
    setBreakdown(entry.request.breakdown)
    setChosen(entry.request.wijkIds)
    setK(entry.request.k)
    setRoundTo5(entry.request.roundTo5)
    setReport(undefined)
  }

  const checkNarrative = async () => {
    const result = await call(
      () => sprokkel().report.checkNarrative({ text: narrative }),
      t('errors.unreachable'),
    )
    if (result.ok) setFindings(result.value)
    else setFailure(result.error.message)
  }

  const build = async () => {
    setBusy(true)
    setStatus('')
    const result = await call(() => sprokkel().report.build(request()), t('errors.unreachable'))
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    setFailure('')
    setReport(result.value)
  }

  /** Exports the report on screen, made again from its own settings. */
  const exportAs = async (shown: Report, format: 'csv' | 'pdf') => {
    setBusy(true)
    const result = await call(
      () =>
        format === 'csv'
          ? sprokkel().report.exportCsv(shown.request)
          : sprokkel().report.exportPdf(shown.request),
      t('errors.unreachable'),
    )
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    if (!result.value) return
    setFailure('')
    setStatus(t('reportView.saved', { name: result.value.fileName }))
    setExports((list) => [result.value!, ...list])
  }

  const cellText = (cell: ReportCell | null) =>
    cell?.kind === 'count'
      ? cell.value.toLocaleString(i18n.language)
      : shownText(cell, report?.request.k ?? k)

  return (
    <section aria-labelledby="view-title" className="view report-view">
      <header className="view-header">
        <h1 id="view-title">{t('report.title')}</h1>
      </header>
      <p className="muted">{t('report.intro')}</p>
      <form
        className="card report-form"
        aria-label={t('reportView.settings')}
        onSubmit={(event) => {
          event.preventDefault()
          void build()
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('report.period')}</label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(e) => setKind(e.target.value as PeriodKind)}
            >
              {(['month', 'quarter', 'year', 'range'] as const).map((option) => (
                <option key={option} value={option}>
                  {t(`reportView.kind.${option}`)}
                </option>
              ))}
            </select>
          </div>
          {kind === 'month' && (
            <div className="field">
              <label htmlFor={`${id}-month`}>{t('reportView.month')}</label>
              <input
                id={`${id}-month`}
                type="month"
                value={month || thisMonth}
                onChange={(e) => setMonth(e.target.value)}
              />
            </div>
          )}
          {(kind === 'quarter' || kind === 'year') && (
            <div className="field">
              <label htmlFor={`${id}-year`}>{t('reportView.year')}</label>
              <input
                id={`${id}-year`}
                type="number"
                min={2000}
                max={2100}
                value={year || thisMonth.slice(0, 4)}
                onChange={(e) => setYear(e.target.value)}
              />
            </div>
          )}
          {kind === 'quarter' && (
            <div className="field">
              <label htmlFor={`${id}-quarter`}>{t('reportView.quarter')}</label>
              <select
                id={`${id}-quarter`}
                value={quarter}
                onChange={(e) => setQuarter(e.target.value)}
              >
                {['1', '2', '3', '4'].map((q) => (
                  <option key={q} value={q}>
                    {t('reportView.quarterName', { q })}
                  </option>
                ))}
              </select>
            </div>
          )}
          {kind === 'range' && (
            <>
              <div className="field">
                <label htmlFor={`${id}-from`}>{t('reportView.from')}</label>
                <input
                  id={`${id}-from`}
                  type="month"
                  value={from || thisMonth}
                  onChange={(e) => setFrom(e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>{t('reportView.to')}</label>
                <input
                  id={`${id}-to`}
                  type="month"
                  value={to || thisMonth}
                  onChange={(e) => setTo(e.target.value)}
                />
              </div>
            </>
          )}
          <div className="field">
            <label htmlFor={`${id}-breakdown`}>{t('reportView.breakdown')}</label>
            <select
              id={`${id}-breakdown`}
              value={breakdown}
              onChange={(e) => setBreakdown(e.target.value as ReportBreakdown)}
            >
              <option value="month">{t('reportView.perMonth')}</option>
              <option value="quarter">{t('reportView.perQuarter')}</option>
            </select>
          </div>
        </div>
        <fieldset className="inline-fieldset">
          <legend>{t('report.wijken')}</legend>
          <p className="field-hint">{t('reportView.allWhenNone')}</p>
          {wijken.map((wijk) => (
            <label key={wijk.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(wijk.id)}
                onChange={(e) =>
                  setChosen(
                    e.target.checked ? [...chosen, wijk.id] : chosen.filter((w) => w !== wijk.id),
                  )
                }
              />{' '}
              {wijk.name}
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-k`}>{t('reportView.k')}</label>
            <select
              id={`${id}-k`}
              value={k}
              onChange={(e) => setK(Number(e.target.value) as KChoice)}
            >
              {kChoices.map((choice) => (
                <option key={choice} value={choice}>
                  {t('reportView.kOption', { k: choice })}
                </option>
              ))}
            </select>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={roundTo5}
              onChange={(e) => setRoundTo5(e.target.checked)}
            />{' '}
            {t('reportView.round')}
          </label>
        </div>
        <div className="field">
          <label htmlFor={`${id}-narrative`}>{t('report.narrativeTitle')}</label>
          <textarea
            id={`${id}-narrative`}
            rows={4}
            maxLength={5000}
            value={narrative}
            aria-describedby={`${id}-narrative-hint`}
            onChange={(e) => {
              setNarrative(e.target.value)
              setFindings(undefined)
            }}
          />
          <p id={`${id}-narrative-hint`} className="field-hint">
            {t('report.narrativeHint')}
          </p>
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => void checkNarrative()}>
              {t('report.narrativeCheck')}
            </button>
          </div>
          <div role="status">
            {findings && findings.length === 0 && (
              <p className="status">{t('report.narrativeClean')}</p>
            )}
            {findings && findings.length > 0 && (
              <div className="notice-warning">
                <p>{t('report.narrativeFound')}</p>
                <ul>
                  {findings.map((finding) => (
                    <li key={`${finding.kind}:${finding.text}`}>
                      {finding.text} ({t(`report.finding.${finding.kind}`)})
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || !today}>
            {t('reportView.build')}
          </button>
          {report && !report.blockedBy && (
            <>
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => void exportAs(report, 'csv')}
              >
                {t('reportView.exportCsv')}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => void exportAs(report, 'pdf')}
              >
                {t('reportView.exportPdf')}
              </button>
            </>
          )}
        </div>
        {report?.blockedBy && (
          <div className="notice-warning" role="status">
            <p>
              {t('report.sameDay', {
                period: report.blockedBy.periodLabel,
                wijken: report.blockedBy.wijken.join(', '),
                k: report.blockedBy.k,
              })}
            </p>
            <button
              type="button"
              className="secondary"
              onClick={() => applySettingsOf(report.blockedBy!)}
            >
              {t('reportView.sameSettings')}
            </button>
          </div>
        )}
        <Announcements status={status} failure="" />
        <ErrorBanner message={failure} />
      </form>

      {report && (
        <article className="report" aria-labelledby="report-title">
          <h2 id="report-title">
            {t('report.title')}: {report.periodLabel}
          </h2>
          <p className="muted">
            {[report.organisation, `${t('report.wijken')}: ${report.wijken.join(', ')}`]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <p className="field-hint">{t('reportView.legend', { k: report.request.k })}</p>
          {report.tables.map((table) => {
            const hasTotal = table.rows.some((row) => row.total !== null)
            const chart = chartOf(table, report.request.k)
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
      )}

      <section aria-labelledby="exports-title">
        <h2 id="exports-title">{t('reportView.exports')}</h2>
        {exports.length === 0 ? (
          <p className="muted">{t('reportView.noExports')}</p>
        ) : (
          <ul className="plain-list">
            {exports.map((entry) => (
              <li key={entry.id}>
                {t('reportView.exportLine', {
                  at: new Intl.DateTimeFormat(i18n.language, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }).format(new Date(entry.at)),
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
    </section>
  )
}
