import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AskConsentFirst } from './AskConsentFirst'
import type { PersonSuggestions } from '../../../shared/connect'
import { displayName } from '../../../shared/person'
import { type PersonDetail } from '../../../shared/person-detail'
import { sprokkel } from '../ui/api'
import { useLoad } from '../ui/useLoad'
import { useNavigation } from '../shell/navigation'
import { useToday } from '../ui/useToday'
import { ConnectionCard } from './ConnectionCard'
import { PersonPicker } from './PersonPicker'
import { ProposeForm } from './ProposeForm'
import { reasonsText } from './reasons'
import './connect.css'

type Proposal = { initiativeId: string; name: string } | { otherPersonId: string; name: string }

/**
 * Verbinden, from her side: her connections with their status, initiatives that fit her, residents
 * who share a passion, and a connection with anyone she picks.
 */
export function PersonConnections({
  person,
  onChanged,
}: {
  person: PersonDetail
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const { go } = useNavigation()
  const today = useToday()
  const [proposal, setProposal] = useState<Proposal>()
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null)
  const name = displayName(person)

  // Read again whenever she changes (a new tag, a new connection).
  const suggestions: PersonSuggestions | undefined = useLoad(
    () => sprokkel().people.suggestions({ id: person.id }),
    [person],
  ).value

  if (!today) return null
  const propose = (target: Proposal) =>
    proposal && proposal.name === target.name ? (
      <ProposeForm
        personId={person.id}
        target={
          'initiativeId' in target
            ? { initiativeId: target.initiativeId }
            : { otherPersonId: target.otherPersonId }
        }
        today={today}
        label={t('connect.proposeLabel', { name, initiative: target.name })}
        onCancel={() => setProposal(undefined)}
        onDone={() => {
          setProposal(undefined)
          setPicked(null)
          onChanged()
        }}
      />
    ) : (
      <button
        type="button"
        className="secondary"
        aria-label={t('connect.connectWith', { name: target.name })}
        onClick={() => setProposal(target)}
      >
        {t('connect.propose')}
      </button>
    )

  return (
    <section className="card" aria-labelledby="connect-title">
      <h2 id="connect-title">{t('connect.title')}</h2>
      {person.connections.length > 0 && (
        <ul className="plain-list connections" aria-label={t('connect.connections')}>
          {person.connections.map((connection) => (
            <ConnectionCard
              key={connection.id}
              connection={connection}
              side={{ personId: person.id }}
              today={today}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {suggestions && suggestions.initiatives.length > 0 && (
        <>
          <h3>{t('connect.fitsHer')}</h3>
          {suggestions.askConsentFirst && <AskConsentFirst />}
          <ul className="plain-list matches" aria-label={t('connect.fitsHer')}>
            {suggestions.initiatives.map(({ initiative, reasons }) => (
              <li key={initiative.id} className="match">
                <div className="match-head">
                  <button
                    type="button"
                    className="link person-name"
                    onClick={() => go('connect', initiative.id)}
                  >
                    {initiative.name}
                  </button>
                  <span className="why">{reasonsText(reasons, t)}</span>
                </div>
                {propose({ initiativeId: initiative.id, name: initiative.name })}
              </li>
            ))}
          </ul>
        </>
      )}
      {suggestions && suggestions.people.length > 0 && (
        <>
          <h3>{t('connect.sharesPassion')}</h3>
          <ul className="plain-list matches" aria-label={t('connect.sharesPassion')}>
            {suggestions.people.map(({ person: other, shared, askConsentFirst }) => {
              const otherName = displayName(other)
              return (
                <li key={other.id} className="match">
                  <div className="match-head">
                    <button
                      type="button"
                      className="link person-name"
                      onClick={() => go('people', other.id)}
                    >
                      {otherName}
                    </button>
                    <span className="why">{t('connect.shared', { tags: shared.join(', ') })}</span>
                    {askConsentFirst && <AskConsentFirst />}
                  </div>
                  {propose({ otherPersonId: other.id, name: otherName })}
                </li>
              )
            })}
          </ul>
        </>
      )}
      <PersonPicker
        label={t('connect.withResident')}
        value={picked}
        exclude={person.id}
        onChange={(chosen) => {
          setPicked(chosen)
          setProposal(chosen ? { otherPersonId: chosen.id, name: chosen.name } : undefined)
        }}
      />
      {picked && propose({ otherPersonId: picked.id, name: picked.name })}
    </section>
  )
}
