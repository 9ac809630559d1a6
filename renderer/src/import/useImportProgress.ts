import { useEffect, useState } from 'react'
import type { ImportProgress } from '../../../shared/import'
import { call, sprokkel } from '../ui/api'

/** While a long step runs, asks the main process how far it is, a few times a second. */
export function useImportProgress(running: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  useEffect(() => {
    if (!running) return
    let live = true
    const ask = () =>
      void call(() => sprokkel().import.progress(), '').then((result) => {
        if (live && result.ok) setProgress(result.value)
      })
    const timer = window.setInterval(ask, 250)
    return () => {
      live = false
      window.clearInterval(timer)
      setProgress(null)
    }
  }, [running])
  return progress
}
