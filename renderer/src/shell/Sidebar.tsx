import { useTranslation } from 'react-i18next'
import type { Language } from '../../../shared/i18n/messages'
import { languages } from '../../../shared/i18n/messages'
import { sprokkel } from '../ui/api'
import { useLoad } from '../ui/useLoad'
import { chooseLanguage } from '../i18n'
import { menuViews, type View } from './views'
import { AppInfoBadge } from './AppInfoBadge'

export function Sidebar({
  current,
  revision,
  onSelect,
  onLock,
}: {
  current: View | undefined
  /** Changes whenever the count of due follow-ups may have. */
  revision: number
  onSelect: (view: View) => void
  /** Locks the app now; only when a lock is set. */
  onLock?: (() => void) | undefined
}) {
  const { t, i18n } = useTranslation()
  const summary = useLoad(() => sprokkel().followups.summary(), [], revision).value
  const due = summary ? summary.overdue + summary.today : 0
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {menuViews.map((view) => {
            return (
              <li key={view}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={view === current ? 'page' : undefined}
                  onClick={() => onSelect(view)}
                >
                  <span>{t(`nav.${view}`)}</span>
                  {view === 'today' && due > 0 && (
                    <span className="badge">
                      <span aria-hidden="true">{due}</span>
                      <span className="sr-only">{t('today.badge', { count: due })}</span>
                    </span>
                  )}
                </button>
              </li>
            )
          })}
        </ul>
      </nav>
      <div className="sidebar-footer">
        <button
          type="button"
          className="nav-item"
          aria-current={current === 'settings' ? 'page' : undefined}
          onClick={() => onSelect('settings')}
        >
          {t('nav.settings')}
        </button>
        {onLock && (
          <button type="button" className="nav-item" onClick={onLock}>
            {t('lock.lockNow')}
          </button>
        )}
        <label className="language">
          <span>{t('language.label')}</span>
          <select
            value={i18n.language}
            onChange={(event) => chooseLanguage(event.target.value as Language)}
          >
            {languages.map((language) => (
              <option key={language} value={language}>
                {t(`language.${language}`)}
              </option>
            ))}
          </select>
        </label>
        <AppInfoBadge />
      </div>
    </aside>
  )
}
