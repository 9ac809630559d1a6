import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  duplicateChoices,
  type DuplicateChoice,
  type DuplicateMatch,
  type ImportPreview,
  type PreviewRow,
  type RowDecisionInput,
} from '../../../shared/import'
import { Announcements, ErrorBanner } from '../ui/FormFooter'
import { MeasuredList } from '../ui/MeasuredList'
import type { Decisions } from './decisions'
import { RowSummary } from './RowSummary'
import { ProgressLine } from './ProgressLine'

/** Rows are "similar" when they match the same way: in the ledger or the file, on the same keys. */
const kindOf = (match: DuplicateMatch) => `${match.kind}:${match.reasons.join('+')}`

/**
 * Step 4: the rows that may be someone already known. She decides per row (merge, add as new,
 * skip), or for all similar rows at once; nothing merges on a name alone, and nothing is chosen
 * for her. Then the import itself, with its progress.
 */
export function DuplicatesStep({
  preview,
  decisions,
  busy,
  failure,
  onDecide,
  onDecideMany,
  onBack,
  onCommit,
}: {
  preview: ImportPreview
  decisions: Decisions
  busy: boolean
  failure: string
  onDecide: (row: number, change: Partial<RowDecisionInput>) => void
  onDecideMany: (rows: number[], change: Partial<RowDecisionInput>) => void
  onBack: () => void
  onCommit: () => void
}) {
  const { t } = useTranslation()
  const [status, setStatus] = useState('')
  const [refused, setRefused] = useState('')
  // Rows she already skips (or skips for their problems) need no decision.
  const rows = useMemo(
    () =>
      preview.rows.filter((row) => {
        const decision = decisions.get(row.row)
        const skipped =
          decision?.skip ||
          (decision?.problems === 'skip' && row.problems.some((p) => p.kind !== 'nameMissing'))
        return row.duplicate && !row.blocked && !skipped
      }),
    [preview, decisions],
  )
  const undecided = rows.filter((row) => !decisions.get(row.row)?.duplicate)

  const applyToSimilar = (row: PreviewRow, choice: DuplicateChoice) => {
    const similar = undecided
      .filter((other) => kindOf(other.duplicate!) === kindOf(row.duplicate!))
      .map((other) => other.row)
    onDecideMany(similar, { duplicate: choice })
    setStatus(t('import.appliedToSimilar', { count: similar.length }))
  }

  return (
    <>
      <p>{rows.length > 0 ? t('import.duplicatesIntro') : t('import.noDuplicates')}</p>
      {rows.length > 0 && (
        <MeasuredList
          items={rows}
          label={t('import.steps.duplicates')}
          estimate={120}
          itemKey={(row) => row.row}
          renderItem={(row) => (
            <DuplicateRow
              row={row}
              choice={decisions.get(row.row)?.duplicate}
              onChoose={(choice) => onDecide(row.row, { duplicate: choice })}
              onApplyToSimilar={(choice) => applyToSimilar(row, choice)}
            />
          )}
        />
      )}
      {undecided.length > 0 && (
        <p className="muted">{t('import.undecided', { count: undecided.length })}</p>
      )}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onBack} disabled={busy}>
          {t('import.back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            if (undecided.length > 0) {
              setRefused(t('import.undecided', { count: undecided.length }))
              return
            }
            setRefused('')
            onCommit()
          }}
        >
          {t('import.commit')}
        </button>
      </div>
      <ProgressLine running={busy} label={t('import.importing')} />
      <Announcements status={status} failure={refused} />
      <ErrorBanner message={failure} />
    </>
  )
}

function DuplicateRow({
  row,
  choice,
  onChoose,
  onApplyToSimilar,
}: {
  row: PreviewRow
  choice: DuplicateChoice | undefined
  onChoose: (choice: DuplicateChoice) => void
  onApplyToSimilar: (choice: DuplicateChoice) => void
}) {
  const { t } = useTranslation()
  const match = row.duplicate!
  const other =
    match.kind === 'existing'
      ? t('import.inLedger', { name: match.name })
      : t('import.earlierRow', { name: match.name, row: match.row })
  const reasons = match.reasons.map((reason) => t(`import.reasons.${reason}`)).join(', ')
  const legend = t('import.duplicateChoiceLabel', { row: row.row })
  return (
    <>
      <p className="duplicate-title">
        <strong>{t('import.duplicateOf', { row: row.row, name: match.name, other })}</strong>{' '}
        <span className="muted">({t('import.because', { reasons })})</span>
      </p>
      <RowSummary row={row} />
      <fieldset className="inline-fieldset duplicate-choice">
        <legend className="sr-only">{legend}</legend>
        {duplicateChoices.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={`duplicate-${row.row}`}
              value={option}
              checked={choice === option}
              onChange={() => onChoose(option)}
            />{' '}
            {t(`import.duplicateChoice.${option}`)}
          </label>
        ))}
        {choice && (
          <button type="button" className="link" onClick={() => onApplyToSimilar(choice)}>
            {t('import.applyToSimilar')}
          </button>
        )}
      </fieldset>
    </>
  )
}
