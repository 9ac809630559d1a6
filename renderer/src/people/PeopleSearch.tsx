import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { address, sortName } from '../../../shared/person'
import { type PeopleFilter, type PeopleSearchResult } from '../../../shared/people-query'
import { ok } from '../../../shared/result'
import { sprokkel } from '../ui/api'
import { useLoad } from '../ui/useLoad'
import { useNavigation } from '../shell/navigation'
import { Highlight } from '../ui/Highlight'

/**
 * Search as she types, over names, streets, tags, wil/kan/nodig and notes; results in rank order
 * with the matched words marked and what they were found in. Arrows choose, Enter opens, Esc
 * clears (a combobox with a listbox of results).
 */
export function PeopleSearch({
  scope,
  filter,
  onSearching,
  onResults,
}: {
  scope: 'active' | 'archived'
  filter: PeopleFilter
  onSearching: (searching: boolean) => void
  /** The residents found, in order: what "Met de selectie" acts on while she searches. */
  onResults?: (ids: string[]) => void
}) {
  const { t } = useTranslation()
  const { go, takeSearchFocus } = useNavigation()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const searching = query.trim() !== ''

  // Ctrl/Cmd+K: each request takes the focus once, also when it brought her here.
  useEffect(() => {
    if (takeSearchFocus()) input.current?.focus()
  }, [takeSearchFocus])

  useEffect(() => {
    onSearching(searching)
  }, [searching, onSearching])

  // Every keystroke searches; the latest answer wins. Her choice in the list stays where she
  // put it: typing resets it, an answer arriving does not (she may press ↓ before it comes).
  const found = useLoad(
    () =>
      searching
        ? sprokkel().people.search({ query, scope, filter, limit: 100 })
        : Promise.resolve(ok([])),
    [query, scope, filter, searching],
  )
  const results: PeopleSearchResult[] = found.value ?? []
  // Enter pressed before the answer to what she typed came: her choice opens when it does.
  const openWhenFound = useRef(false)

  const shown = searching ? results : []
  const answeredIds = found.loading ? undefined : shown.map((result) => result.person.id).join(',')
  useEffect(() => {
    if (answeredIds !== undefined) onResults?.(answeredIds ? answeredIds.split(',') : [])
  }, [answeredIds, onResults])
  const chosen = Math.max(0, Math.min(active, shown.length - 1))
  const type = (text: string) => {
    setQuery(text)
    setActive(0)
    openWhenFound.current = false
  }

  const answered = found.loading ? undefined : results
  useEffect(() => {
    if (!openWhenFound.current || !answered) return
    openWhenFound.current = false
    const person = answered[Math.max(0, Math.min(active, answered.length - 1))]?.person
    if (person) go('people', person.id)
  }, [answered, active, go])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      // While the answer is on its way, ↓ counts in the list it will bring.
      setActive(found.loading ? active + 1 : Math.min(chosen + 1, shown.length - 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive(Math.max((found.loading ? active : chosen) - 1, 0))
    } else if (event.key === 'Enter' && searching && found.loading) {
      event.preventDefault()
      openWhenFound.current = true
    } else if (event.key === 'Enter' && shown[chosen]) {
      event.preventDefault()
      go('people', shown[chosen].person.id)
    } else if (event.key === 'Escape') {
      type('')
    }
  }

  return (
    <div className="people-search">
      <label htmlFor={`${id}-input`}>{t('search.label')}</label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={searching}
        aria-controls={`${id}-results`}
        aria-activedescendant={shown[chosen] ? `${id}-${shown[chosen].person.id}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        placeholder={t('search.placeholder')}
        value={query}
        maxLength={200}
        onChange={(event) => type(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('search.hint')}
      </p>
      {searching && (
        <>
          <p className="muted" role="status">
            {shown.length === 0
              ? t('search.none', { query: query.trim() })
              : t('search.count', { count: shown.length })}
          </p>
          <ul
            id={`${id}-results`}
            role="listbox"
            aria-label={t('search.results')}
            className="people-list"
          >
            {shown.map((result, index) => (
              <li
                key={result.person.id}
                id={`${id}-${result.person.id}`}
                role="option"
                aria-selected={index === chosen}
                className={index === chosen ? 'person-row active' : 'person-row'}
                onClick={() => go('people', result.person.id)}
              >
                <span className="person-name">
                  <Highlight text={sortName(result.person)} words={result.words} />
                </span>
                <span className="person-wijk">
                  <Highlight
                    text={[address(result.person), result.person.wijk].filter(Boolean).join(' · ')}
                    words={result.words}
                  />
                </span>
                <span className="muted why">
                  {t('search.foundIn', {
                    fields: result.fields.map((field) => t(`search.field.${field}`)).join(', '),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
