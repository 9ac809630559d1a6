import { useCallback, useState } from 'react'
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
import type { Selection } from '../../../shared/bulk'
import { AddPersonForm } from './AddPersonForm'
import { BulkBar } from './BulkBar'
import { Doubles } from './Doubles'
import { FilterBar } from './FilterBar'
import { NoticeBanner } from '../ui/NoticeBanner'
import { PeopleSearch } from './PeopleSearch'
import { VirtualPeopleList } from './VirtualPeopleList'
import { useNavigation, type Notice } from '../shell/navigation'
import { formatDate } from '../ui/options'
import './people.css'

export function PeopleView({ notice }: { notice?: Notice | undefined }) {
  const { t, i18n } = useTranslation()
  const { go, changed } = useNavigation()
  const [scope, setScope] = useState<PeopleScope>('active')
  const [message, setMessage] = useState<Notice | undefined>(notice)
  const [searching, setSearching] = useState(false)
  const [filter, setFilter] = useState<PeopleFilter>({})
  const [doubles, setDoubles] = useState(false)
  // The rows she ticked in this list; with none, an action is for everyone the list or the
  // search shows. Another scope, filter or a search starts with none ticked.
  const list = JSON.stringify([scope, filter, searching])
  const [tickedIn, setTickedIn] = useState<{ list: string; ids: ReadonlySet<string> }>({
    list,
    ids: new Set(),
  })
  const ticked = tickedIn.list === list ? tickedIn.ids : new Set<string>()
  const setTicked = (ids: ReadonlySet<string>) => setTickedIn({ list, ids })
  const [found, setFound] = useState<string[]>([])
  const onResults = useCallback((ids: string[]) => setFound(ids), [])
  const tick = (id: string) => {
    const next = new Set(ticked)
    if (!next.delete(id)) next.add(id)
    setTicked(next)
  }
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

  const selecting = scope !== 'trash' && !doubles
  const selection: Selection | undefined = !selecting
    ? undefined
    : ticked.size > 0
      ? { ids: [...ticked] }
      : searching
        ? found.length > 0
          ? { ids: found }
          : undefined
        : { scope, filter }
  const selected = ticked.size > 0 ? ticked.size : searching ? found.length : (page?.total ?? 0)

  return (
    <section aria-labelledby="view-title" className="view">
      <header className="view-header">
        <h1 id="view-title">{t('people.title')}</h1>
        {page && <p className="muted">{t('people.count', { count: page.total })}</p>}
        <div className="header-actions">
          <button
            type="button"
            className="secondary"
            aria-pressed={doubles}
            onClick={() => setDoubles(!doubles)}
          >
            {t('merge.doubles')}
          </button>
          <button type="button" className="secondary" onClick={() => go('import')}>
            {t('import.open')}
          </button>
        </div>
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
      {doubles && (
        <Doubles
          revision={revision}
          onMerged={(merged) => {
            setMessage(merged)
            reload()
          }}
        />
      )}
      {!doubles && (
        <>
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
            <PeopleSearch
              scope={scope}
              filter={filter}
              onSearching={setSearching}
              onResults={onResults}
            />
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
          {selection && selected > 0 && (
            <BulkBar
              selection={selection}
              count={selected}
              archived={scope === 'archived'}
              describe={
                ticked.size > 0 ? (
                  <>
                    {t('bulk.ticked', { count: ticked.size })}{' '}
                    <button type="button" className="link" onClick={() => setTicked(new Set())}>
                      {t('bulk.untick')}
                    </button>
                  </>
                ) : searching ? (
                  t('bulk.found', { count: found.length })
                ) : (
                  t('bulk.all', { count: selected })
                )
              }
              onDone={(done) => {
                setMessage(done)
                setTicked(new Set())
                reload()
                changed()
              }}
            />
          )}
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
              selectable={selecting}
              renderRow={(person) => (
                <>
                  {selecting && (
                    <input
                      type="checkbox"
                      className="row-tick"
                      aria-label={t('bulk.choose', { name: sortName(person) })}
                      checked={ticked.has(person.id)}
                      onChange={() => tick(person.id)}
                    />
                  )}
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
                    {[address(person), person.wijk ?? t('people.noWijk')]
                      .filter(Boolean)
                      .join(' · ')}
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
        </>
      )}
    </section>
  )
}
