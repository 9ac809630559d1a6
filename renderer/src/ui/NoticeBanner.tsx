import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Notice } from '../shell/navigation'

/** A short message where she lands, with "Ongedaan maken" when the step can be taken back. */
export function NoticeBanner({ notice, onUndone }: { notice: Notice; onUndone: () => void }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  return (
    <div role="status" className="notice">
      <span>{notice.message}</span>
      {notice.undo && (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={async () => {
            setBusy(true)
            await notice.undo?.()
            onUndone()
          }}
        >
          {t('trash.undo')}
        </button>
      )}
    </div>
  )
}
