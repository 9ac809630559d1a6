import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InitiativeStatus, InitiativeSummary } from '../../../shared/connect'
import { sprokkel } from '../ui/api'
import { ErrorBanner } from '../ui/FormFooter'
import { useLoad } from '../ui/useLoad'
import { useNavigation } from '../shell/navigation'
import { InitiativeForm } from './InitiativeForm'
import { slotName } from '../ui/slots'
import './connect.css'

type Shown = InitiativeStatus | 'all'

/** Verbinden: the initiatives and places of her wijken, to find, add and open. */
export function ConnectView() {
  const { t } = useTranslation()
  const { go, setUnsaved } = useNavigation()
  const id = useId()
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<Shown>('actief')
  const list = useLoad(() => sprokkel().initiatives.list({ status, query }), [status, query])
  const items: InitiativeSummary[] | undefined = list.value
  const failure = list.failure
  const [adding, setAdding] = useState(false)

  return (
    <section aria-labelledby="view-title" className="view">
      <header className="view-header">
        <h1 id="view-title">{t('connect.title')}</h1>
        <button
          type="button"
          className="secondary header-action"
          aria-expanded={adding}
          onClick={() => setAdding(!adding)}
        >
          {t('connect.addInitiative')}
        </button>
      </header>
      <p className="muted">{t('connect.intro')}</p>
      {adding && (
        <InitiativeForm
          onSaved={(initiative) => {
            // Saved: nothing is lost by going to it.
            setUnsaved(false)
            go('connect', initiative.id)
          }}
        />
      )}
      <div className="connect-tools">
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('connect.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <div className="segmented" role="group" aria-label={t('connect.show')}>
          {(['actief', 'gestopt', 'all'] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={status === option}
              onClick={() => setStatus(option)}
            >
              {t(`connect.shown.${option}`)}
            </button>
          ))}
        </div>
      </div>
      <ErrorBanner message={failure} />
      {items && items.length === 0 && (
        <p className="empty">{query ? t('connect.noneFound') : t('connect.empty')}</p>
      )}
      {items && items.length > 0 && (
        <ul className="people-list" aria-label={t('connect.listLabel')}>
          {items.map((item) => (
            <li key={item.id} className="initiative-row">
              <button
                type="button"
                className="link person-name"
                onClick={() => go('connect', item.id)}
              >
                {item.name}
              </button>
              <span className="muted">
                {[
                  t(`connect.kinds.${item.kind}`),
                  item.wijk,
                  item.status === 'gestopt' && t('connect.initiativeStatuses.gestopt'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span className="chips">
                {item.themes.map((theme) => (
                  <span key={theme} className="chip">
                    {theme}
                  </span>
                ))}
              </span>
              <span className="muted">
                {item.meets.map((slot) => slotName(slot, t)).join(', ')}
                {item.lookingFor ? ` · ${item.lookingFor}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
