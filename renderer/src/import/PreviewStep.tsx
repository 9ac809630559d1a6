import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ImportFileView,
  ImportPreview,
  ImportTarget,
  PreviewRow,
  ProblemChoice,
  RowDecisionInput,
} from '../../../shared/import'
import { displayName } from '../../../shared/person'
import { call, sprokkel } from '../ui/api'
import { MeasuredList } from '../ui/MeasuredList'
import { formatDate } from '../ui/options'
import type { Decisions } from './ImportView'

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
      preview.rows.filter(
        (row) => row.problems.length > 0 || decisions.get(row.row)?.fixes !== undefined,
      ),
    [preview.rows, decisions],
  )
  const open = withProblems.filter((row) => row.problems.length > 0).length
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

/** One row: name, address, contact details, labels and dates as they will be stored. */
export function RowSummary({ row }: { row: PreviewRow }) {
  const { t, i18n } = useTranslation()
  const { person } = row
  const date = (value: string) => formatDate(value, i18n.language)
  const dates = [
    person.contactDate && t('import.dates.contact', { date: date(person.contactDate) }),
    person.followUpOn && t('import.dates.followUp', { date: date(person.followUpOn) }),
    person.availableFrom && t('import.dates.from', { date: date(person.availableFrom) }),
  ].filter(Boolean)
  return (
    <div className="import-row-summary">
      <span className="import-rownum muted">{t('import.row', { row: row.row })}</span>
      <span className="person-name">
        {person.firstName
          ? displayName({ ...person, firstName: person.firstName })
          : t('import.noName')}
      </span>
      <span>
        {[
          [person.street, person.houseNumber].filter(Boolean).join(' '),
          person.postcode,
          person.wijk,
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
      <span>{[person.phone, person.email].filter(Boolean).join(' · ')}</span>
      {(person.tags.length > 0 || dates.length > 0) && (
        <span className="import-row-extra">
          {person.tags.map((tag) => (
            <span key={`${tag.kind}:${tag.name}`} className="chip">
              {tag.name}
            </span>
          ))}
          {dates.length > 0 && <span className="muted">{dates.join(' · ')}</span>}
        </span>
      )}
      {person.note && <span className="import-note muted">{person.note}</span>}
    </div>
  )
}

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
  const fixable = row.problems.filter((problem) => problem.column >= 0)
  const [fixes, setFixes] = useState<Record<string, string>>(() =>
    Object.fromEntries(fixable.map((problem) => [String(problem.column), problem.raw])),
  )

  const check = async () => {
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
    const fine = result.value.problems.length === 0
    setStatus(fine ? t('import.fixed', { row: row.row }) : t('import.stillWrong', { row: row.row }))
    if (fine) setFixing(false)
  }

  return (
    <>
      <RowSummary row={row} />
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
            {fixable.length > 0 && (
              <button
                type="button"
                className="secondary"
                aria-expanded={fixing}
                onClick={() => setFixing(!fixing)}
              >
                {t('import.fix')}
              </button>
            )}
          </div>
          {fixing && (
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault()
                void check()
              }}
            >
              {fixable.map((problem) => (
                <label key={problem.column} className="field">
                  <span>{t('import.fixField', { header: problem.header, row: row.row })}</span>
                  <input
                    value={fixes[String(problem.column)] ?? ''}
                    onChange={(event) =>
                      setFixes({ ...fixes, [String(problem.column)]: event.target.value })
                    }
                  />
                </label>
              ))}
              <button type="submit" className="secondary">
                {t('import.check')}
              </button>
            </form>
          )}
        </div>
      )}
      {status && (
        <p role="status" className="status">
          {status}
        </p>
      )}
    </>
  )
}
