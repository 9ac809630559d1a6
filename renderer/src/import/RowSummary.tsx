import { useTranslation } from 'react-i18next'
import type { PreviewRow } from '../../../shared/import'
import { displayName } from '../../../shared/person'
import { formatDate } from '../ui/options'

/** One row: name, address, contact details, labels and dates as they will be stored. */
export function RowSummary({ row }: { row: PreviewRow }) {
  const { t, i18n } = useTranslation()
  const { person } = row
  const date = (value: string) => formatDate(value, i18n.language)
  const dates = [
    person.contactDate && t('import.dates.contact', { date: date(person.contactDate) }),
    person.followUpOn && t('import.dates.followUp', { date: date(person.followUpOn) }),
    person.availableFrom && t('import.dates.from', { date: date(person.availableFrom) }),
  ].filter(Boolean)
  return (
    <div className="import-row-summary">
      <span className="import-rownum muted">{t('import.row', { row: row.row })}</span>
      <span className="person-name">
        {person.firstName
          ? displayName({ ...person, firstName: person.firstName })
          : t('import.noName')}
      </span>
      <span>
        {[
          [person.street, person.houseNumber].filter(Boolean).join(' '),
          person.postcode,
          person.wijk,
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
      <span>{[person.phone, person.email].filter(Boolean).join(' · ')}</span>
      {(person.tags.length > 0 || dates.length > 0) && (
        <span className="import-row-extra">
          {person.tags.map((tag) => (
            <span key={`${tag.kind}:${tag.name}`} className="chip">
              {tag.name}
            </span>
          ))}
          {dates.length > 0 && <span className="muted">{dates.join(' · ')}</span>}
        </span>
      )}
      {person.note && <span className="import-note muted">{person.note}</span>}
    </div>
  )
}
