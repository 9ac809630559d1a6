import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import {
  csvEncodings,
  csvSeparators,
  importTargets,
  type CsvEncoding,
  type CsvSeparator,
  type ImportFileView,
  type ImportTarget,
} from '../../../shared/import'
import { ErrorBanner } from '../ui/FormFooter'
import { ProgressLine } from './ProgressLine'

const separatorNames = { ';': 'semicolon', ',': 'comma', '\t': 'tab' } as const

type Configure = {
  sheet?: number
  headerRow?: number
  encoding?: CsvEncoding
  separator?: CsvSeparator
}

/** Step 2: where each column goes, with how the file was read (sheet, header row, CSV details). */
export function ColumnsStep({
  file,
  mapping,
  busy,
  failure,
  onMapping,
  onConfigure,
  onBack,
  onNext,
}: {
  file: ImportFileView
  mapping: ImportTarget[]
  busy: boolean
  failure: string
  onMapping: (mapping: ImportTarget[]) => void
  onConfigure: (change: Configure) => Promise<void>
  onBack: () => void
  onNext: () => void
}) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <>
      <p className="import-file">
        <strong>{t('import.fileSummary', { file: file.fileName, count: file.rowCount })}</strong>
      </p>
      <div className="field-row import-read">
        {file.sheets.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-sheet`}>{t('import.sheet')}</label>
            <select
              id={`${id}-sheet`}
              value={file.sheet}
              onChange={(event) => void onConfigure({ sheet: Number(event.target.value) })}
            >
              {file.sheets.map((name, index) => (
                <option key={name} value={index}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-header`}>{t('import.headerRow')}</label>
          <input
            id={`${id}-header`}
            type="number"
            min={1}
            max={1000}
            value={file.headerRow}
            onChange={(event) => {
              const row = Number(event.target.value)
              if (Number.isInteger(row) && row >= 1) void onConfigure({ headerRow: row })
            }}
          />
        </div>
        {file.format === 'csv' && (
          <>
            <div className="field">
              <label htmlFor={`${id}-encoding`}>{t('import.encoding')}</label>
              <select
                id={`${id}-encoding`}
                value={file.encoding ?? 'utf-8'}
                onChange={(event) =>
                  void onConfigure({ encoding: event.target.value as CsvEncoding })
                }
              >
                {csvEncodings.map((encoding) => (
                  <option key={encoding} value={encoding}>
                    {t(`import.encodings.${encoding}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-separator`}>{t('import.separator')}</label>
              <select
                id={`${id}-separator`}
                value={file.separator ?? ';'}
                onChange={(event) =>
                  void onConfigure({ separator: event.target.value as CsvSeparator })
                }
              >
                {csvSeparators.map((separator) => (
                  <option key={separator} value={separator}>
                    {t(`import.separators.${separatorNames[separator]}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </div>
      <p className="muted">{t('import.columnsIntro')}</p>
      <table className="import-columns">
        <caption className="sr-only">{t('import.columnsTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.examples')}</th>
            <th scope="col">{t('import.goesTo')}</th>
          </tr>
        </thead>
        <tbody>
          {file.columns.map((column, i) => (
            <tr key={`${column.index}-${column.header}`}>
              <th scope="row">{column.header}</th>
              <td className="muted">{column.samples.join(' · ')}</td>
              <td>
                <select
                  aria-label={t('import.goesToFor', { column: column.header })}
                  value={mapping[i] ?? 'ignore'}
                  onChange={(event) => {
                    const next = [...mapping]
                    next[i] = event.target.value as ImportTarget
                    onMapping(next)
                  }}
                >
                  {importTargets.map((target) => (
                    <option key={target} value={target}>
                      {t(`import.target.${target}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onBack} disabled={busy}>
          {t('import.back')}
        </button>
        <button type="button" className="primary" onClick={onNext} disabled={busy}>
          {t('import.toPreview')}
        </button>
      </div>
      <ProgressLine running={busy} label={t('import.checking')} />
      <ErrorBanner message={failure} />
    </>
  )
}
