import { useId } from 'react'
import { useImportProgress } from './useImportProgress'

/**
 * A progress bar for a long step: how many rows of how many, asked from the main process while
 * the step runs; without a count yet (reading a file) it shows that something is happening.
 */
export function ProgressLine({ running, label }: { running: boolean; label: string }) {
  const id = useId()
  const progress = useImportProgress(running)
  if (!running) return null
  const counted = progress && progress.total > 0
  return (
    <div className="progress-line">
      <label htmlFor={id}>
        {counted
          ? `${label} ${Math.floor((100 * Math.min(progress.done, progress.total)) / progress.total)}%`
          : label}
      </label>
      {counted ? (
        <progress id={id} value={progress.done} max={progress.total} />
      ) : (
        <progress id={id} />
      )}
    </div>
  )
}
