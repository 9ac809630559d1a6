import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { sortName, type PeoplePage } from '../../../shared/person'
import { call, sprokkel } from '../api'
import { AddPersonForm } from '../components/AddPersonForm'

export function PeopleView() {
  const { t } = useTranslation()
  const [page, setPage] = useState<PeoplePage>()
  const [error, setError] = useState<string>()

  // Bumped after every change, so the list is read again from the store.
  const [revision, setRevision] = useState(0)

  useEffect(() => {
    let current = true
    void call(() => sprokkel().people.list(), t('errors.unreachable')).then((result) => {
      if (!current) return
      setPage(result.ok ? result.value : undefined)
      setError(result.ok ? undefined : result.error.message)
    })
    return () => {
      current = false
    }
  }, [revision, t])

  return (
    <section aria-labelledby="view-title" className="view">
      <header className="view-header">
        <h1 id="view-title">{t('people.title')}</h1>
        {page && <p className="muted">{t('people.count', { count: page.total })}</p>}
      </header>
      <AddPersonForm onSaved={() => setRevision((n) => n + 1)} />
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      {!page && !error && <p className="muted">{t('people.loading')}</p>}
      {page && page.items.length === 0 && <p className="empty">{t('people.empty')}</p>}
      {page && page.items.length > 0 && (
        <ul className="people-list" aria-label={t('people.listLabel')}>
          {page.items.map((person) => (
            <li key={person.id} className="person-row">
              <span className="person-name">{sortName(person)}</span>
              <span className="person-wijk">{person.wijk ?? t('people.noWijk')}</span>
              {person.note && <span className="person-note">{person.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {page && page.total > page.items.length && (
        <p className="muted">
          {t('people.showingFirst', { shown: page.items.length, total: page.total })}
        </p>
      )}
    </section>
  )
}
