import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { displayName, type PersonSummary } from '../../../shared/person'
import { ok } from '../../../shared/result'
import { sprokkel } from '../ui/api'
import { useLoad } from '../ui/useLoad'

/** Choosing a resident from the ledger by typing part of her name; the choice shows as a chip. */
export function PersonPicker({
  label,
  value,
  onChange,
  exclude,
}: {
  label: string
  value: { id: string; name: string } | null
  onChange: (person: { id: string; name: string } | null) => void
  exclude?: string
}) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const hits = useLoad(
    () =>
      text.trim() ? sprokkel().people.search({ query: text, limit: 6 }) : Promise.resolve(ok([])),
    [text],
  ).value
  const found: PersonSummary[] = (hits ?? [])
    .map((hit) => hit.person)
    .filter((person) => person.id !== exclude)

  if (value) {
    return (
      <div className="field">
        <span className="field-label" id={id}>
          {label}
        </span>
        <span className="chip" aria-labelledby={id}>
          {value.name}
          <button
            type="button"
            className="chip-remove"
            aria-label={t('tags.remove', { name: value.name })}
            onClick={() => onChange(null)}
          >
            ×
          </button>
        </span>
      </div>
    )
  }
  return (
    <div className="field person-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={text}
        autoComplete="off"
        placeholder={t('connect.pickerPlaceholder')}
        onChange={(event) => setText(event.target.value)}
      />
      {text.trim() && found.length > 0 && (
        <ul className="plain-list picker-results" aria-label={t('connect.pickerResults')}>
          {found.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  onChange({ id: person.id, name: displayName(person) })
                  setText('')
                }}
              >
                {displayName(person)}
                {person.wijk ? ` · ${person.wijk}` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
