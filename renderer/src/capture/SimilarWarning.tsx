import { useTranslation } from 'react-i18next'
import { address, displayName, type SimilarPerson } from '../../../shared/person'

/** "Lijkt op: Fatima el Amrani, Kerkstraat 12", with what she can do about it. */
export function SimilarWarning({
  similar,
  onOpen,
  onAddMoment,
}: {
  similar: SimilarPerson[]
  onOpen: (id: string) => void
  onAddMoment: (match: SimilarPerson) => void
}) {
  const { t } = useTranslation()
  if (similar.length === 0) return null
  return (
    <div className="similar" role="region" aria-label={t('capture.similar')}>
      <p className="similar-title">{t('capture.similar')}</p>
      <ul>
        {similar.map((match) => {
          const name = displayName(match.person)
          const where = [address(match.person), match.person.wijk].filter(Boolean).join(', ')
          return (
            <li key={match.person.id}>
              <span>
                <strong>{name}</strong>
                {where ? `, ${where}` : ''}{' '}
                <span className="muted">({t(`capture.similarReason_${match.reason}`)})</span>
              </span>
              <span className="similar-actions">
                <button type="button" className="secondary" onClick={() => onOpen(match.person.id)}>
                  {t('capture.open', { name })}
                </button>
                <button type="button" className="secondary" onClick={() => onAddMoment(match)}>
                  {t('capture.addMoment', { name })}
                </button>
              </span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
