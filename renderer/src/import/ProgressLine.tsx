import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { call, sprokkel } from '../ui/api'
import { useImportProgress } from './useImportProgress'

/**
 * A progress bar for a long step: how far, asked from the main process while the step runs;
 * without a count yet it shows that something is happening. While a file is being read she can
 * stop it: the reader ends at once and nothing changes.
 */
export function ProgressLine({
  running,
  label,
  onStop,
}: {
  running: boolean
  label: string
  /** Heard when she stops the reading. */
  onStop?: () => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const progress = useImportProgress(running)
  if (!running) return null
  const counted = progress && progress.total > 0
  const shown = progress?.phase === 'reading' ? t('import.reading') : label
  return (
    <div className="progress-line">
      <label htmlFor={id}>
        {counted
          ? `${shown} ${Math.floor((100 * Math.min(progress.done, progress.total)) / progress.total)}%`
          : shown}
      </label>
      {counted ? (
        <progress id={id} value={progress.done} max={progress.total} />
      ) : (
        <progress id={id} />
      )}
      {progress?.phase === 'reading' && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            onStop?.()
            void call(() => sprokkel().import.cancel(), '')
          }}
        >
          {t('import.stopReading')}
        </button>
      )}
    </div>
  )
}
