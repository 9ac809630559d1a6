import { useId, useState } from 'react'
import { useWatch, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Wijk } from '../../../shared/contract'
import {
  kChoices,
  reportBreakdowns,
  type NarrativeFinding,
  type ReportRequestInput,
} from '../../../shared/report'
import { call, sprokkel } from '../ui/api'

export const periodKinds = ['month', 'quarter', 'year', 'range'] as const

const yearMonth = z
  .string({ error: 'validation.month' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.month' })

/** The report's settings as the form holds them; the main side checks the request again. */
export const reportForm = z.object({
  kind: z.enum(periodKinds),
  month: yearMonth,
  year: z.string().regex(/^\d{4}$/, { error: 'validation.invalid' }),
  quarter: z.enum(['1', '2', '3', '4']),
  from: yearMonth,
  to: yearMonth,
  breakdown: z.enum(reportBreakdowns),
  wijkIds: z.array(z.string()),
  k: z.union(kChoices.map((k) => z.literal(k))),
  roundTo5: z.boolean(),
  narrative: z.string().max(5000, { error: 'validation.tooLong' }),
  /** Her stories with consent to print beside the figures (chosen under the form). */
  storyIds: z.array(z.string()),
})
export type ReportFormValues = z.infer<typeof reportForm>

/** The settings for this month, this quarter and this year: where the form starts. */
export function startingValues(today: string): ReportFormValues {
  const month = today.slice(0, 7)
  return {
    kind: 'quarter',
    month,
    year: today.slice(0, 4),
    quarter: '1',
    from: month,
    to: month,
    breakdown: 'month',
    wijkIds: [],
    k: 5,
    roundTo5: false,
    narrative: '',
    storyIds: [],
  }
}

/** The months a choice covers: this month, this quarter, this year, or from–to. */
export function requestOf(values: ReportFormValues): ReportRequestInput {
  const { kind, month, year, quarter } = values
  const period =
    kind === 'month'
      ? { from: month, to: month }
      : kind === 'year'
        ? { from: `${year}-01`, to: `${year}-12` }
        : kind === 'quarter'
          ? {
              from: `${year}-${String((Number(quarter) - 1) * 3 + 1).padStart(2, '0')}`,
              to: `${year}-${String(Number(quarter) * 3).padStart(2, '0')}`,
            }
          : { from: values.from, to: values.to }
  return {
    ...period,
    breakdown: values.breakdown,
    wijkIds: values.wijkIds,
    k: values.k,
    roundTo5: values.roundTo5,
    narrative: values.narrative,
    storyIds: values.storyIds,
  }
}

/** Period, breakdown, wijken, k, rounding and her stories: what the report is made from. */
export function ReportForm({
  form,
  wijken,
  onSubmit,
  children,
}: {
  form: UseFormReturn<ReportFormValues>
  wijken: Wijk[]
  onSubmit: () => void
  /** Its buttons and messages. */
  children: React.ReactNode
}) {
  const { t } = useTranslation()
  const id = useId()
  const { register, control } = form
  const kind = useWatch({ control, name: 'kind' })
  const chosen = useWatch({ control, name: 'wijkIds' })
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {input}
    </div>
  )
  return (
    <form
      className="card report-form"
      aria-label={t('reportView.settings')}
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit()
      }}
      noValidate
    >
      <div className="field-row">
        {field(
          'kind',
          t('report.period'),
          <select id={`${id}-kind`} {...register('kind')}>
            {periodKinds.map((option) => (
              <option key={option} value={option}>
                {t(`reportView.kind.${option}`)}
              </option>
            ))}
          </select>,
        )}
        {kind === 'month' &&
          field(
            'month',
            t('reportView.month'),
            <input id={`${id}-month`} type="month" {...register('month')} />,
          )}
        {(kind === 'quarter' || kind === 'year') &&
          field(
            'year',
            t('reportView.year'),
            <input id={`${id}-year`} type="number" min={2000} max={2100} {...register('year')} />,
          )}
        {kind === 'quarter' &&
          field(
            'quarter',
            t('reportView.quarter'),
            <select id={`${id}-quarter`} {...register('quarter')}>
              {(['1', '2', '3', '4'] as const).map((q) => (
                <option key={q} value={q}>
                  {t('reportView.quarterName', { q })}
                </option>
              ))}
            </select>,
          )}
        {kind === 'range' && (
          <>
            {field(
              'from',
              t('reportView.from'),
              <input id={`${id}-from`} type="month" {...register('from')} />,
            )}
            {field(
              'to',
              t('reportView.to'),
              <input id={`${id}-to`} type="month" {...register('to')} />,
            )}
          </>
        )}
        {field(
          'breakdown',
          t('reportView.breakdown'),
          <select id={`${id}-breakdown`} {...register('breakdown')}>
            <option value="month">{t('reportView.perMonth')}</option>
            <option value="quarter">{t('reportView.perQuarter')}</option>
          </select>,
        )}
      </div>
      <fieldset className="inline-fieldset">
        <legend>{t('report.wijken')}</legend>
        <p className="field-hint">{t('reportView.allWhenNone')}</p>
        {wijken.map((wijk) => (
          <label key={wijk.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(wijk.id)}
              onChange={(event) =>
                form.setValue(
                  'wijkIds',
                  event.target.checked
                    ? [...chosen, wijk.id]
                    : chosen.filter((other) => other !== wijk.id),
                )
              }
            />{' '}
            {wijk.name}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        {field(
          'k',
          t('reportView.k'),
          <select id={`${id}-k`} {...register('k', { valueAsNumber: true })}>
            {kChoices.map((choice) => (
              <option key={choice} value={choice}>
                {t('reportView.kOption', { k: choice })}
              </option>
            ))}
          </select>,
        )}
        <label className="checkbox">
          <input type="checkbox" {...register('roundTo5')} /> {t('reportView.round')}
        </label>
      </div>
      <Stories form={form} id={`${id}-narrative`} />
      {children}
    </form>
  )
}

/**
 * Her stories for the period, and a check that names any phone number, e-mail address, or first
 * name, last name or street of someone in her ledger found in them.
 */
function Stories({ form, id }: { form: UseFormReturn<ReportFormValues>; id: string }) {
  const { t } = useTranslation()
  const [findings, setFindings] = useState<NarrativeFinding[]>()
  const [failure, setFailure] = useState('')
  const narrative = form.register('narrative', { onChange: () => setFindings(undefined) })
  const check = async () => {
    const text = form.getValues('narrative')
    const result = await call(
      () => sprokkel().report.checkNarrative({ text }),
      t('errors.unreachable'),
    )
    if (result.ok) setFindings(result.value)
    else setFailure(result.error.message)
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t('report.narrativeTitle')}</label>
      <textarea id={id} rows={4} maxLength={5000} aria-describedby={`${id}-hint`} {...narrative} />
      <p id={`${id}-hint`} className="field-hint">
        {t('report.narrativeHint')}
      </p>
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => void check()}>
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
      {failure && (
        <p role="alert" className="error-banner">
          {failure}
        </p>
      )}
    </div>
  )
}
