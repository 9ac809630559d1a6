import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  address,
  displayName,
  sortName,
  type PeoplePage,
  type PeopleScope,
  peopleScopes,
} from '../../../shared/person'
import { type PeopleFilter } from '../../../shared/people-query'
import type { Result } from '../../../shared/result'
import { call, sprokkel } from '../ui/api'
import { useLoad } from '../ui/useLoad'
import { AddPersonForm } from './AddPersonForm'
import { FilterBar } from './FilterBar'
import { NoticeBanner } from '../ui/NoticeBanner'
import { PeopleSearch } from './PeopleSearch'
import { VirtualPeopleList } from './VirtualPeopleList'
import { useNavigation, type Notice } from '../shell/navigation'
import { formatDate } from '../ui/options'
import './people.css'

export function PeopleView({ notice }: { notice?: Notice | undefined }) {
  const { t, i18n } = useTranslation()
  const { go } = useNavigation()
  const [scope, setScope] = useState<PeopleScope>('active')
  const [message, setMessage] = useState<Notice | undefined>(notice)
  const [searching, setSearching] = useState(false)
  const [filter, setFilter] = useState<PeopleFilter>({})
  // Bumped after every change, so the list is read again from the store.
  const [revision, setRevision] = useState(0)
  const reload = () => setRevision((n) => n + 1)
  // Only the count: the virtual list reads the rows it shows.
  const loaded = useLoad(
    () => sprokkel().people.list({ scope, filter, limit: 1 }),
    [scope, filter],
    revision,
  )
  const page: PeoplePage | undefined = loaded.value
  const error = loaded.failure

  const restore = async (id: string) => {
    const result = await call(() => sprokkel().people.restore({ id }), t('errors.unreachable'))
    setMessage({
      message: result.ok
        ? t('trash.restored', { name: displayName(result.value) })
        : result.error.message,
    })
    reload()
  }

  // Erasing is for good: asked first, then said how many went.
  const erase = async (request: () => Promise<Result<{ count: number }>>, question: string) => {
    if (!window.confirm(question)) return
    const result = await call(request, t('errors.unreachable'))
    setMessage({
      message: result.ok
        ? t('privacy.done.erase', { count: result.value.count })
        : result.error.message,
    })
    reload()
  }

  return (
    <section aria-labelledby="view-title" className="view">
      <header className="view-header">
        <h1 id="view-title">{t('people.title')}</h1>
        {page && <p className="muted">{t('people.count', { count: page.total })}</p>}
        <button type="button" className="secondary header-action" onClick={() => go('import')}>
          {t('import.open')}
        </button>
      </header>
      {message && (
        <NoticeBanner
          notice={message}
          onUndone={() => {
            setMessage(undefined)
            reload()
          }}
        />
      )}
      <div className="segmented" role="group" aria-label={t('scopes.label')}>
        {peopleScopes.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={scope === option}
            onClick={() => setScope(option)}
          >
            {t(`scopes.${option}`)}
          </button>
        ))}
      </div>
      {scope !== 'trash' && (
        <PeopleSearch scope={scope} filter={filter} onSearching={setSearching} />
      )}
      {scope === 'trash' && page && page.total > 0 && (
        <div className="trash-bar">
          <p className="muted">{t('privacy.trashNote')}</p>
          <button
            type="button"
            className="danger"
            onClick={() =>
              void erase(
                () => sprokkel().privacy.emptyTrash(),
                t('privacy.confirm.emptyTrash', { count: page.total }),
              )
            }
          >
            {t('privacy.emptyTrash')}
          </button>
        </div>
      )}
      <FilterBar filter={filter} onChange={setFilter} />
      {scope === 'active' && !searching && <AddPersonForm onSaved={reload} />}
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      {!searching && !page && !error && <p className="muted">{t('people.loading')}</p>}
      {!searching && page && page.total === 0 && <p className="empty">{t('people.empty')}</p>}
      {!searching && page && page.total > 0 && (
        <VirtualPeopleList
          scope={scope}
          filter={filter}
          total={page.total}
          revision={revision}
          renderRow={(person) => (
            <>
              {scope === 'trash' ? (
                <span className="person-name">{sortName(person)}</span>
              ) : (
                <button
                  type="button"
                  className="person-name link"
                  onClick={() => go('people', person.id)}
                >
                  {sortName(person)}
                </button>
              )}
              <span className="person-wijk">
                {[address(person), person.wijk ?? t('people.noWijk')].filter(Boolean).join(' · ')}
              </span>
              <span className="person-contact muted">
                {person.lastContactOn
                  ? t('person.lastContact', {
                      date: formatDate(person.lastContactOn, i18n.language),
                    })
                  : t('person.neverContacted')}
              </span>
              {scope === 'trash' && (
                <span className="row-actions">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void restore(person.id)}
                  >
                    {t('trash.restore')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={t('privacy.eraseNamed', { name: sortName(person) })}
                    onClick={() =>
                      void erase(
                        () => sprokkel().privacy.erase({ ids: [person.id] }),
                        t('privacy.confirm.erase', { name: sortName(person) }),
                      )
                    }
                  >
                    {t('privacy.erase')}
                  </button>
                </span>
              )}
            </>
          )}
        />
      )}
    </section>
  )
}
