import { useTranslation } from 'react-i18next'
import { dayParts, days, type Slot } from '../../../shared/ledger'

/** The week in three parts a day, as checkboxes: "dinsdag ochtend" and so on. */
export function WeekGrid({
  value,
  onChange,
  legend,
}: {
  value: Slot[]
  onChange: (slots: Slot[]) => void
  /** Instead of "Wanneer heeft deze bewoner tijd?" ("Wanneer komt het samen?"). */
  legend?: string
}) {
  const { t } = useTranslation()
  const toggle = (slot: Slot, on: boolean) =>
    onChange(on ? [...value, slot] : value.filter((chosen) => chosen !== slot))
  return (
    <fieldset className="week-grid">
      <legend>{legend ?? t('person.availabilityGrid')}</legend>
      <table>
        <thead>
          <tr>
            <td />
            {dayParts.map((part) => (
              <th key={part} scope="col">
                {t(`dayPart.${part}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day}>
              <th scope="row">{t(`day.${day}`)}</th>
              {dayParts.map((part) => {
                const slot: Slot = `${day}-${part}`
                return (
                  <td key={part}>
                    <input
                      type="checkbox"
                      aria-label={`${t(`day.${day}`)} ${t(`dayPart.${part}`)}`}
                      checked={value.includes(slot)}
                      onChange={(event) => toggle(slot, event.target.checked)}
                    />
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  )
}
