import { useTranslation } from 'react-i18next'
import type { PreviewRow } from '../../../shared/import'
import { displayName } from '../../../shared/person'
import { formatDate } from '../ui/options'
import { slotName } from '../ui/slots'

/** A long note shows its start in the list; the whole note is what is stored. */
const noteShown = 240

/**
 * One row as it will be stored: the name and how it was split, address, contact details, labels,
 * wil / kan / nodig, when they are free, dates and the note.
 */
export function RowSummary({ row }: { row: PreviewRow }) {
  const { t, i18n } = useTranslation()
  const { person } = row
  const date = (value: string) => formatDate(value, i18n.language)
  const dates = [
    person.contactDate && t('import.dates.contact', { date: date(person.contactDate) }),
    person.followUpOn && t('import.dates.followUp', { date: date(person.followUpOn) }),
    person.availableFrom && t('import.dates.from', { date: date(person.availableFrom) }),
  ].filter(Boolean)
  const texts = [
    person.wish && t('import.wishLine', { text: person.wish }),
    person.strength && t('import.strengthLine', { text: person.strength }),
    person.need && t('import.needLine', { text: person.need }),
    person.availability.length > 0 &&
      t('import.availabilityLine', {
        slots: person.availability.map((slot) => slotName(slot, t)).join(', '),
      }),
  ].filter((text): text is string => !!text)
  const split = person.firstName && (person.tussenvoegsel || person.lastName)
  return (
    <div className="import-row-summary">
      <span className="import-rownum muted">{t('import.row', { row: row.row })}</span>
      <span className="person-name">
        {person.firstName
          ? displayName({ ...person, firstName: person.firstName })
          : t('import.noName')}
      </span>
      {split && (
        <span className="import-name-split muted">
          {t('import.nameSplit', {
            first: person.firstName,
            middle: person.tussenvoegsel ?? '—',
            last: person.lastName ?? '—',
          })}
        </span>
      )}
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
      {texts.map((text) => (
        <span key={text} className="import-row-text">
          {text}
        </span>
      ))}
      {person.note && (
        <span className="import-note muted">
          {person.note.length > noteShown ? `${person.note.slice(0, noteShown)}…` : person.note}
        </span>
      )}
    </div>
  )
}
