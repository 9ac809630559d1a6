import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { Report, ReportExport } from '../../../shared/report'
import { call, sprokkel } from '../ui/api'
import { Announcements, ErrorBanner } from '../ui/FormFooter'
import { useLoad } from '../ui/useLoad'
import { useToday } from '../ui/useToday'
import { ExportLog } from './ExportLog'
import { ReportArticle } from './ReportArticle'
import { StoriesSection } from './StoriesSection'
import { YearSection } from './YearSection'
import {
  ReportForm,
  reportForm,
  requestOf,
  startingValues,
  type ReportFormValues,
} from './ReportForm'
import './report.css'

/**
 * Verantwoording: her work in counts for a period and wijken, with every small count hidden, on
 * screen, as CSV and as PDF. The report is made in the main process; only protected counts come
 * here.
 */
export function ReportView() {
  const { t } = useTranslation()
  const today = useToday()
  return (
    <section aria-labelledby="view-title" className="view report-view">
      <header className="view-header">
        <h1 id="view-title">{t('report.title')}</h1>
      </header>
      <p className="muted">{t('report.intro')}</p>
      {/* The form starts from this month, quarter and year: it waits for her today. */}
      {today ? <ReportWorkspace today={today} /> : <p className="muted">{t('app.loading')}</p>}
    </section>
  )
}

function ReportWorkspace({ today }: { today: string }) {
  const { t } = useTranslation()
  const wijken = useLoad(() => sprokkel().wijken.list(), []).value ?? []
  const exports = useLoad(() => sprokkel().report.exports(), [])
  const stories = useLoad(() => sprokkel().stories.list(), [])
  const form = useForm<ReportFormValues>({
    resolver: zodResolver(reportForm),
    defaultValues: startingValues(today),
  })
  const [report, setReport] = useState<Report>()
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)

  const build = form.handleSubmit(
    async (values) => {
      setBusy(true)
      setStatus('')
      const result = await call(
        () => sprokkel().report.build(requestOf(values)),
        t('errors.unreachable'),
      )
      setBusy(false)
      if (!result.ok) return setFailure(result.error.message)
      setFailure('')
      setReport(result.value)
    },
    (errors) => setFailure(t(Object.values(errors)[0]?.message ?? 'validation.invalid')),
  )

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
    exports.set([result.value, ...(exports.value ?? [])])
    // The stories it held now count it, and a withdrawal later is logged against it.
    stories.reload()
  }

  /** The form set to an earlier export's settings, so the same report can be made again. */
  const applySettingsOf = (entry: ReportExport) => {
    const settings = entry.request
    form.setValue('kind', 'range')
    form.setValue('from', settings.from)
    form.setValue('to', settings.to)
    form.setValue('breakdown', settings.breakdown)
    form.setValue('wijkIds', settings.wijkIds)
    form.setValue('k', settings.k)
    form.setValue('roundTo5', settings.roundTo5)
    form.setValue('storyIds', settings.storyIds ?? [])
    setReport(undefined)
  }

  const storiesBlocked = !!report?.stories.some((story) => story.withoutConsent > 0)

  return (
    <>
      <ReportForm form={form} wijken={wijken} onSubmit={() => void build()}>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('reportView.build')}
          </button>
          {report && !report.blockedBy && !storiesBlocked && (
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
        {storiesBlocked && (
          <div className="notice-warning" role="status">
            <p>{t('stories.reportBlocked')}</p>
          </div>
        )}
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
      </ReportForm>
      <StoriesSection form={form} stories={stories} />
      <YearSection
        form={form}
        wijken={wijken}
        today={today}
        onSaved={(entry) => {
          exports.set([entry, ...(exports.value ?? [])])
          stories.reload()
        }}
      />
      {report && <ReportArticle report={report} />}
      <ExportLog exports={exports.value ?? []} />
    </>
  )
}
