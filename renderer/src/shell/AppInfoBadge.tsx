import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../shared/contract'
import { sprokkel } from '../ui/api'
import { useLoad } from '../ui/useLoad'

/** Tells her, in a word, that her ledger is encrypted on this machine and which version runs. */
export function AppInfoBadge() {
  const { t } = useTranslation()
  const info: AppInfo | undefined = useLoad(() => sprokkel().app.info(), []).value
  if (!info) return null
  return (
    <div className="app-info">
      <span className={info.encrypted ? 'lock lock-on' : 'lock lock-off'}>
        {t(info.encrypted ? 'info.encrypted' : 'info.notEncrypted')}
      </span>
      {info.keyProtection === 'file-only' && <span className="muted">{t('info.keyFileOnly')}</span>}
      <span className="muted">{t('info.version', { version: info.version })}</span>
    </div>
  )
}
