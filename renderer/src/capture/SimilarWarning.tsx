import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { address, displayName, type SimilarPerson } from '../../../shared/person'

/** Alt+L ("lijkt op"): from anywhere in the form to the warning, and Esc back. */
export const similarShortcut = { key: 'l', label: 'Alt+L' } as const

/**
 * "Lijkt op: Fatima el Amrani, Kerkstraat 12", with what she can do about it. Tab never lands here
 * while she types: the warning is announced, and she goes to it on purpose with Alt+L; Tab then
 * moves between its buttons and Esc takes her back to where she was typing.
 */
export function SimilarWarning({
  similar,
  entered,
  onLeave,
  onOpen,
  onAddMoment,
}: {
  similar: SimilarPerson[]
  /** She went here with the shortcut: its buttons are in the Tab order until she leaves. */
  entered: boolean
  onLeave: (back: boolean) => void
  onOpen: (id: string) => void
  onAddMoment: (match: SimilarPerson) => void
}) {
  const { t } = useTranslation()
  const region = useRef<HTMLDivElement>(null)
  if (similar.length === 0) return null
  // A live status: read out when the names change, not on every keystroke that finds the same.
  const names = similar.map((match) => displayName(match.person)).join(', ')
  return (
    <div
      ref={region}
      className="similar"
      role="region"
      aria-label={t('capture.similar')}
      aria-keyshortcuts={similarShortcut.label}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onLeave(true)
        }
      }}
      onBlur={(event) => {
        if (!region.current?.contains(event.relatedTarget as Node | null)) onLeave(false)
      }}
    >
      <p className="similar-title">
        {t('capture.similar')}{' '}
        <span className="muted">{t('capture.similarHint', { keys: similarShortcut.label })}</span>
      </p>
      <p className="sr-only" role="status">
        {t('capture.similarAnnounce', { names, keys: similarShortcut.label })}
      </p>
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
                <button
                  type="button"
                  className="secondary"
                  tabIndex={entered ? 0 : -1}
                  onClick={() => onOpen(match.person.id)}
                >
                  {t('capture.open', { name })}
                </button>
                <button
                  type="button"
                  className="secondary"
                  tabIndex={entered ? 0 : -1}
                  onClick={() => onAddMoment(match)}
                >
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
