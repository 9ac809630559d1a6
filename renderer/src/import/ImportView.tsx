import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ImportFileView,
  ImportPreview,
  ImportReport,
  ImportTarget,
  PreviewRow,
  RowDecisionInput,
} from '../../../shared/import'
import type { Result } from '../../../shared/result'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner } from '../ui/FormFooter'
import { useNavigation } from '../shell/navigation'
import { ColumnsStep } from './ColumnsStep'
import type { Decisions } from './decisions'
import { DuplicatesStep } from './DuplicatesStep'
import { ImportHistory } from './ImportHistory'
import { ReceiveHandover } from './ReceiveHandover'
import { PreviewStep } from './PreviewStep'
import { ProgressLine } from './ProgressLine'
import { ReportView } from './ImportReport'
import './import.css'

const steps = ['file', 'columns', 'preview', 'duplicates', 'done'] as const
type Step = (typeof steps)[number]

/**
 * Bringing her Excel list in, step by step: choose the file, map its columns, look at every row,
 * decide on duplicates, import (all or nothing), read the report, undo if she wants.
 */
export function ImportView() {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [step, setStep] = useState<Step>('file')
  const [file, setFile] = useState<ImportFileView>()
  const [mapping, setMapping] = useState<ImportTarget[]>([])
  const [preview, setPreview] = useState<ImportPreview>()
  const [decisions, setDecisions] = useState<Decisions>(new Map())
  const [report, setReport] = useState<ImportReport>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState('')
  const [notice, setNotice] = useState('')
  const stopped = useRef(false)
  // Read again after a handover went in (it is in the history, to undo like an import).
  const [historyKey, setHistoryKey] = useState(0)

  // Leaving halfway loses her mapping and choices: ask first.
  const { setUnsaved } = navigation
  useEffect(() => {
    setUnsaved(step !== 'file' && step !== 'done')
    return () => setUnsaved(false)
  }, [step, setUnsaved])

  const run = async <T,>(work: () => Promise<Result<T>>) => {
    setBusy(true)
    setFailure('')
    const result = await call(work, t('errors.unreachable'))
    setBusy(false)
    if (!result.ok) {
      setFailure(result.error.message)
      return undefined
    }
    return result.value
  }

  const takeFile = (view: ImportFileView) => {
    setFile(view)
    setMapping(view.columns.map((column) => column.suggested))
    setPreview(undefined)
    setDecisions(new Map())
  }

  const chooseFile = async () => {
    setNotice('')
    stopped.current = false
    const view = await run(() => sprokkel().import.open())
    // Null: she cancelled the dialog, or stopped the reading.
    if (view === null && stopped.current) setNotice(t('import.readingStopped'))
    if (!view) return
    takeFile(view)
    setStep('columns')
  }

  const toPreview = async () => {
    if (!file) return
    const result = await run(() =>
      sprokkel().import.preview({ sessionId: file.sessionId, mapping }),
    )
    if (!result) return
    setPreview(result)
    setDecisions(new Map())
    setStep('preview')
  }

  const decide = (row: number, change: Partial<RowDecisionInput>) =>
    setDecisions((current) => {
      const next = new Map(current)
      next.set(row, { ...(current.get(row) ?? { row }), ...change })
      return next
    })

  const decideMany = (rows: number[], change: Partial<RowDecisionInput>) =>
    setDecisions((current) => {
      const next = new Map(current)
      for (const row of rows) next.set(row, { ...(current.get(row) ?? { row }), ...change })
      return next
    })

  const replaceRow = (row: PreviewRow) =>
    setPreview(
      (current) =>
        current && { ...current, rows: current.rows.map((r) => (r.row === row.row ? row : r)) },
    )

  const commit = async () => {
    if (!file) return
    const result = await run(() =>
      sprokkel().import.commit({
        sessionId: file.sessionId,
        mapping,
        decisions: [...decisions.values()],
      }),
    )
    if (!result) return
    setReport(result)
    setStep('done')
    navigation.changed()
  }

  const restart = () => {
    setFile(undefined)
    setPreview(undefined)
    setReport(undefined)
    setStep('file')
  }

  return (
    <section aria-labelledby="view-title" className="view import-view">
      <header className="view-header">
        <h1 id="view-title">{t('import.title')}</h1>
      </header>
      <ol className="steps" aria-label={t('import.steps.label')}>
        {steps.map((name, i) => (
          <li
            key={name}
            aria-current={name === step ? 'step' : undefined}
            className={steps.indexOf(step) > i ? 'step-done' : undefined}
          >
            {t(`import.steps.${name}`)}
            {name === step && <span className="sr-only"> {t('import.current')}</span>}
          </li>
        ))}
      </ol>
      {step === 'file' && (
        <>
          <p>{t('import.intro')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              onClick={() => void chooseFile()}
              disabled={busy}
            >
              {t('import.choose')}
            </button>
          </div>
          <ProgressLine
            running={busy}
            label={t('import.reading')}
            onStop={() => (stopped.current = true)}
          />
          {notice && (
            <p role="status" className="status">
              {notice}
            </p>
          )}
          <ErrorBanner message={failure} />
          <ReceiveHandover
            onTaken={() => {
              setHistoryKey((key) => key + 1)
              navigation.changed()
            }}
          />
          <ImportHistory key={historyKey} onUndone={() => navigation.changed()} />
        </>
      )}
      {step === 'columns' && file && (
        <ColumnsStep
          file={file}
          mapping={mapping}
          busy={busy}
          failure={failure}
          onMapping={setMapping}
          onConfigure={async (change) => {
            const view = await run(() =>
              sprokkel().import.configure({ sessionId: file.sessionId, ...change }),
            )
            if (view) takeFile(view)
          }}
          onBack={restart}
          onNext={() => void toPreview()}
        />
      )}
      {step === 'preview' && file && preview && (
        <PreviewStep
          file={file}
          mapping={mapping}
          preview={preview}
          decisions={decisions}
          onDecide={decide}
          onRowChecked={replaceRow}
          onBack={() => setStep('columns')}
          onNext={() => setStep('duplicates')}
        />
      )}
      {step === 'duplicates' && preview && (
        <DuplicatesStep
          preview={preview}
          decisions={decisions}
          busy={busy}
          failure={failure}
          onDecide={decide}
          onDecideMany={decideMany}
          onBack={() => setStep('preview')}
          onCommit={() => void commit()}
        />
      )}
      {step === 'done' && report && (
        <ReportView
          report={report}
          onUndone={(undone) => {
            setReport(undone)
            navigation.changed()
          }}
          actions={
            <>
              <button type="button" className="primary" onClick={() => navigation.go('people')}>
                {t('import.toPeople')}
              </button>
              <button type="button" className="secondary" onClick={restart}>
                {t('import.another')}
              </button>
            </>
          }
        />
      )}
    </section>
  )
}
