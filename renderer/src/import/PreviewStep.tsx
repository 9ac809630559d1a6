import { useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type {
  ImportFileView,
  ImportPreview,
  ImportTarget,
  LongNoteChoice,
  PreviewRow,
  ProblemChoice,
  RowDecisionInput,
} from '../../../shared/import'
import { call, sprokkel } from '../ui/api'
import { MeasuredList } from '../ui/MeasuredList'
import type { Decisions } from './decisions'
import { RowSummary } from './RowSummary'

type Show = 'all' | 'problems'

/** Step 3: every row as it will be stored, and what to do where something could not be read. */
export function PreviewStep({
  file,
  mapping,
  preview,
  decisions,
  onDecide,
  onRowChecked,
  onBack,
  onNext,
}: {
  file: ImportFileView
  mapping: ImportTarget[]
  preview: ImportPreview
  decisions: Decisions
  onDecide: (row: number, change: Partial<RowDecisionInput>) => void
  onRowChecked: (row: PreviewRow) => void
  onBack: () => void
  onNext: () => void
}) {
  const { t } = useTranslation()
  const [show, setShow] = useState<Show>('all')
  // A row she fixed stays in the list, so she sees that it is in order now.
  const withProblems = useMemo(
    () =>
      preview.rows.filter((row) => toLookAt(row) || decisions.get(row.row)?.fixes !== undefined),
    [preview.rows, decisions],
  )
  const open = withProblems.filter(toLookAt).length
  const duplicates = preview.rows.filter((row) => row.duplicate).length
  const rows = show === 'all' ? preview.rows : withProblems
  return (
    <>
      <p>
        {t('import.previewSummary', {
          count: preview.rows.length,
          problems: open,
          duplicates,
        })}{' '}
        {preview.emptyRows > 0 && t('import.emptyRows', { count: preview.emptyRows })}
      </p>
      <div className="segmented" role="group" aria-label={t('import.show')}>
        {(['all', 'problems'] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={show === option}
            onClick={() => setShow(option)}
          >
            {option === 'all'
              ? t('import.showAll')
              : t('import.showProblems', { count: withProblems.length })}
          </button>
        ))}
      </div>
      <MeasuredList
        items={rows}
        label={t('import.previewList')}
        estimate={76}
        itemKey={(row) => row.row}
        renderItem={(row) => (
          <PreviewRowView
            row={row}
            file={file}
            mapping={mapping}
            decision={decisions.get(row.row)}
            onDecide={onDecide}
            onRowChecked={onRowChecked}
          />
        )}
      />
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onBack}>
          {t('import.back')}
        </button>
        <button type="button" className="primary" onClick={onNext}>
          {t('import.toDuplicates')}
        </button>
      </div>
    </>
  )
}

/** Something in the row to look at before importing: a problem, a notice, a totals row. */
const toLookAt = (row: PreviewRow) =>
  row.problems.length > 0 || row.notices.length > 0 || row.notResident !== null

function PreviewRowView({
  row,
  file,
  mapping,
  decision,
  onDecide,
  onRowChecked,
}: {
  row: PreviewRow
  file: ImportFileView
  mapping: ImportTarget[]
  decision: RowDecisionInput | undefined
  onDecide: (row: number, change: Partial<RowDecisionInput>) => void
  onRowChecked: (row: PreviewRow) => void
}) {
  const { t } = useTranslation()
  const [fixing, setFixing] = useState(false)
  const [status, setStatus] = useState('')
  // What she can correct here: unreadable values, and letters the CSV lost.
  const fixable = [
    ...row.problems.filter((problem) => problem.column >= 0),
    ...row.notices.filter((notice) => notice.kind === 'lostLetter'),
  ].filter((item, i, all) => all.findIndex((other) => other.column === item.column) === i)
  const longNote = row.notices.some((notice) => notice.kind === 'noteTooLong')
  // Each field keyed by its column: "c3" (a bare number would make react-hook-form an array).
  const form = useForm<{ fixes: Record<string, string> }>({
    defaultValues: {
      fixes: Object.fromEntries(fixable.map((problem) => [`c${problem.column}`, problem.raw])),
    },
  })

  const check = form.handleSubmit(async (values) => {
    const fixes = Object.fromEntries(
      Object.entries(values.fixes).map(([column, value]) => [column.slice(1), value]),
    )
    const result = await call(
      () => sprokkel().import.checkRow({ sessionId: file.sessionId, mapping, row: row.row, fixes }),
      t('errors.unreachable'),
    )
    if (!result.ok) {
      setStatus(result.error.message)
      return
    }
    onDecide(row.row, { fixes })
    onRowChecked(result.value)
    const fine =
      result.value.problems.length === 0 &&
      !result.value.notices.some((notice) => notice.kind === 'lostLetter')
    setStatus(fine ? t('import.fixed', { row: row.row }) : t('import.stillWrong', { row: row.row }))
    if (fine) setFixing(false)
  })

  // "Verbeteren": opens the fields she can correct, under the problems or the notices.
  const fixToggle = (
    <button
      type="button"
      className="secondary"
      aria-expanded={fixing}
      onClick={() => setFixing(!fixing)}
    >
      {t('import.fix')}
    </button>
  )

  return (
    <>
      <RowSummary row={row} />
      {row.notResident && (
        <div
          className="import-problems"
          role="group"
          aria-label={t('import.noticesLabel', { row: row.row })}
        >
          <p className="field-error">{t('import.notResident')}</p>
          <label className="check">
            <input
              type="checkbox"
              checked={decision?.skip === false}
              onChange={(event) =>
                onDecide(row.row, { skip: event.target.checked ? false : undefined })
              }
            />
            {t('import.importAnyway', { row: row.row })}
          </label>
        </div>
      )}
      {row.notices.length > 0 && (
        <div
          className="import-notices"
          role="group"
          aria-label={t('import.noticesLabel', { row: row.row })}
        >
          <ul className="plain-list">
            {row.notices.map((notice) => (
              <li key={`${notice.column}-${notice.kind}`}>
                {t('import.noticeLine', { raw: notice.raw, message: notice.message })}
              </li>
            ))}
          </ul>
          {longNote && (
            <select
              aria-label={t('import.longNoteLabel', { row: row.row })}
              value={decision?.longNote ?? 'moment'}
              onChange={(event) =>
                onDecide(row.row, { longNote: event.target.value as LongNoteChoice })
              }
            >
              {(['moment', 'shorten'] as const).map((choice) => (
                <option key={choice} value={choice}>
                  {t(`import.longNoteChoice.${choice}`)}
                </option>
              ))}
            </select>
          )}
          {fixable.length > 0 && row.problems.length === 0 && (
            <div className="inline-form">{fixToggle}</div>
          )}
        </div>
      )}
      {row.problems.length > 0 && (
        <div
          className="import-problems"
          role="group"
          aria-label={t('import.problemsLabel', { row: row.row })}
        >
          <ul className="plain-list">
            {row.problems.map((problem) => (
              <li key={`${problem.column}-${problem.kind}`} className="field-error">
                {problem.kind === 'nameMissing'
                  ? `${t('import.willSkip')}: ${problem.message}`
                  : t('import.problemLine', {
                      header: problem.header,
                      raw: problem.raw,
                      message: problem.message,
                    })}
              </li>
            ))}
          </ul>
          <div className="inline-form">
            {!row.blocked && (
              <select
                aria-label={t('import.onProblem', { row: row.row })}
                value={decision?.problems ?? 'note'}
                onChange={(event) =>
                  onDecide(row.row, { problems: event.target.value as ProblemChoice })
                }
              >
                {(['note', 'skip'] as const).map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`import.problemChoice.${choice}`)}
                  </option>
                ))}
              </select>
            )}
            {fixable.length > 0 && fixToggle}
          </div>
        </div>
      )}
      {fixing && (
        <form className="inline-form import-fix" onSubmit={check} noValidate>
          {fixable.map((problem) => (
            <label key={problem.column} className="field">
              <span>{t('import.fixField', { header: problem.header, row: row.row })}</span>
              <input {...form.register(`fixes.c${problem.column}`)} />
            </label>
          ))}
          <button type="submit" className="secondary" disabled={form.formState.isSubmitting}>
            {t('import.check')}
          </button>
        </form>
      )}
      {status && (
        <p role="status" className="status">
          {status}
        </p>
      )}
    </>
  )
}
