import { useTranslation } from 'react-i18next'
import type { Wijk } from '../../../shared/contract'
import { consentStatuses, dayParts, days } from '../../../shared/ledger'
import { type Tag } from '../../../shared/person'
import { lastContactFilters, type PeopleFilter } from '../../../shared/people-query'
import { sprokkel } from '../ui/api'
import { useLoad } from '../ui/useLoad'

/** Narrow the list (and a search) by wijk, label, day part, consent and last contact. */
export function FilterBar({
  filter,
  onChange,
}: {
  filter: PeopleFilter
  onChange: (filter: PeopleFilter) => void
}) {
  const { t } = useTranslation()
  const wijken: Wijk[] = useLoad(() => sprokkel().wijken.list(), []).value ?? []
  const tags: Tag[] = useLoad(() => sprokkel().tags.list({ limit: 500 }), []).value ?? []

  const set = <K extends keyof PeopleFilter>(key: K, value: string) =>
    onChange({ ...filter, [key]: value === '' ? undefined : value })

  const select = (
    key: keyof PeopleFilter,
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <label className="filter">
      <span>{label}</span>
      <select value={filter[key] ?? ''} onChange={(event) => set(key, event.target.value)}>
        <option value="">{t('filters.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )

  const active = Object.values(filter).some(Boolean)
  return (
    <fieldset className="filter-bar">
      <legend className="sr-only">{t('filters.label')}</legend>
      {select(
        'wijkId',
        t('filters.wijk'),
        wijken.map((w) => ({ value: w.id, label: w.name })),
      )}
      {select(
        'tagId',
        t('filters.tag'),
        tags.map((tag) => ({ value: tag.id, label: tag.name })),
      )}
      {select(
        'slot',
        t('filters.slot'),
        days.flatMap((day) =>
          dayParts.map((part) => ({
            value: `${day}-${part}`,
            label: `${t(`day.${day}`)} ${t(`dayPart.${part}`)}`,
          })),
        ),
      )}
      {select(
        'consent',
        t('filters.consent'),
        consentStatuses.map((c) => ({ value: c, label: t(`consent.${c}`) })),
      )}
      {select(
        'lastContact',
        t('filters.lastContact'),
        lastContactFilters.map((value) => ({ value, label: t(`filters.${value}`) })),
      )}
      {active && (
        <button type="button" className="link" onClick={() => onChange({})}>
          {t('filters.clear')}
        </button>
      )}
    </fieldset>
  )
}
