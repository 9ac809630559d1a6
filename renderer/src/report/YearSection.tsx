import { useId, useState } from 'react'
import { useWatch, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { Wijk } from '../../../shared/contract'
import type { ReportExport } from '../../../shared/report'
import { call, sprokkel } from '../ui/api'
import { Announcements, ErrorBanner } from '../ui/FormFooter'
import { WijkSelect } from '../ui/WijkSelect'
import type { ReportFormValues } from './ReportForm'

/**
 * Het jaaroverzicht: one A4 for a year and a wijk, with the stories she ticked above (two at most),
 * saved as a PDF where she chooses. Made and checked in the main process like every export.
 */
export function YearSection({
  form,
  wijken,
  today,
  onSaved,
}: {
  form: UseFormReturn<ReportFormValues>
  wijken: Wijk[]
  today: string
  onSaved: (entry: ReportExport) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const storyIds = useWatch({ control: form.control, name: 'storyIds' })
  const k = useWatch({ control: form.control, name: 'k' })
  // Early in the year she accounts for the year before.
  const [year, setYear] = useState(
    String(Number(today.slice(0, 4)) - (today < `${today.slice(0, 4)}-03` ? 1 : 0)),
  )
  const [wijkId, setWijkId] = useState('')
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)

  const make = async () => {
    setBusy(true)
    setStatus('')
    const result = await call(
      () => sprokkel().report.exportYear({ year, wijkId: wijkId || null, k, storyIds }),
      t('errors.unreachable'),
    )
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    setFailure('')
    if (!result.value) return
    setStatus(t('reportView.saved', { name: result.value.fileName }))
    onSaved(result.value)
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('year.section')}</h2>
      <p className="field-hint">{t('year.intro')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('year.yearField')}</label>
          <input
            id={`${id}-year`}
            inputMode="numeric"
            maxLength={4}
            value={year}
            onChange={(event) => setYear(event.target.value.trim())}
          />
        </div>
        <WijkSelect
          label={t('year.wijk')}
          allLabel={t('report.allWijken')}
          wijken={wijken}
          value={wijkId}
          onChange={setWijkId}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => void make()}>
          {t('year.make')}
        </button>
      </div>
      <Announcements status={status} failure="" />
      <ErrorBanner message={failure} />
    </section>
  )
}
