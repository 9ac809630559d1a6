import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AskConsentFirst } from './AskConsentFirst'
import type {
  Connection,
  ConsentFilter,
  Initiative,
  InitiativeMatches,
  PersonMatch,
} from '../../../shared/connect'
import type { Wijk } from '../../../shared/contract'
import { displayName } from '../../../shared/person'
import { sprokkel } from '../ui/api'
import { Announcements, ErrorBanner } from '../ui/FormFooter'
import { useNavigation } from '../shell/navigation'
import { formatDate } from '../ui/options'
import { useLoad } from '../ui/useLoad'
import { useToday } from '../ui/useToday'
import { WijkSelect } from '../ui/WijkSelect'
import { ConnectionCard } from './ConnectionCard'
import { InitiativeForm } from './InitiativeForm'
import { ProposeForm } from './ProposeForm'
import { reasonsText } from './reasons'
import './connect.css'

/** One initiative: its details, who fits it (and why), and the connections made with it. */
export function InitiativeView({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation()
  const { go } = useNavigation()
  const today = useToday()
  // Bumped when someone is proposed: the connections and who fits are read again.
  const [revision, setRevision] = useState(0)
  const loaded = useLoad(() => sprokkel().initiatives.get({ id: initiativeId }), [initiativeId])
  const initiative: Initiative | undefined = loaded.value
  const listed = useLoad(
    () => sprokkel().connections.list({ initiativeId }),
    [initiativeId],
    revision,
  )
  const connections: Connection[] = listed.value ?? []
  const failure = loaded.failure
  const [announcement, setAnnouncement] = useState('')

  return (
    <section aria-labelledby="view-title" className="view">
      <header className="view-header">
        <h1 id="view-title">{initiative?.name ?? t('connect.title')}</h1>
        <button type="button" className="link header-action" onClick={() => go('connect')}>
          {t('connect.back')}
        </button>
      </header>
      <ErrorBanner message={failure} />
      {initiative && (
        <>
          {today && (
            <Matches
              initiative={initiative}
              today={today}
              revision={revision}
              onProposed={(connection) => {
                setAnnouncement(
                  t('connect.proposed', {
                    name: connection.person.name,
                    initiative: initiative.name,
                  }),
                )
                setRevision((n) => n + 1)
              }}
            />
          )}
          <Announcements status={announcement} failure="" />
          <section className="card" aria-labelledby="connections-title">
            <h2 id="connections-title">{t('connect.connections')}</h2>
            {connections.length === 0 ? (
              <p className="muted">{t('connect.noConnections')}</p>
            ) : (
              <ul className="plain-list connections">
                {today &&
                  connections.map((connection) => (
                    <ConnectionCard
                      key={connection.id}
                      connection={connection}
                      side={{ initiativeId }}
                      today={today}
                      onChanged={(changed) =>
                        listed.set(connections.map((c) => (c.id === changed.id ? changed : c)))
                      }
                    />
                  ))}
              </ul>
            )}
          </section>
          <InitiativeForm initiative={initiative} onSaved={loaded.set} />
        </>
      )}
    </section>
  )
}

function Matches({
  initiative,
  today,
  revision,
  onProposed,
}: {
  initiative: Initiative
  today: string
  revision: number
  onProposed: (connection: Connection) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [wijkId, setWijkId] = useState('')
  const [consent, setConsent] = useState<ConsentFilter>('any')
  const wijken: Wijk[] = useLoad(() => sprokkel().wijken.list(), []).value ?? []
  const fits = useLoad(
    () => sprokkel().initiatives.match({ id: initiative.id, wijkId, consent }),
    [initiative, wijkId, consent],
    revision,
  )
  const matches: InitiativeMatches | undefined = fits.value
  const failure = fits.failure

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('connect.whoFits')}</h2>
      <div className="field-row">
        <WijkSelect
          label={t('fields.wijk')}
          allLabel={t('connect.allWijken')}
          wijken={wijken}
          value={wijkId}
          onChange={setWijkId}
        />
        <div className="field">
          <label htmlFor={`${id}-consent`}>{t('fields.consentStatus')}</label>
          <select
            id={`${id}-consent`}
            value={consent}
            onChange={(event) => setConsent(event.target.value as ConsentFilter)}
          >
            <option value="any">{t('connect.consent.any')}</option>
            <option value="given">{t('connect.consent.given')}</option>
          </select>
        </div>
      </div>
      <ErrorBanner message={failure} />
      {initiative.themes.length === 0 && <p className="muted">{t('connect.noThemes')}</p>}
      {matches && initiative.themes.length > 0 && matches.now.length === 0 && (
        <p className="muted">{t('connect.noMatches')}</p>
      )}
      {matches && matches.now.length > 0 && (
        <MatchList
          label={t('connect.whoFits')}
          matches={matches.now}
          initiative={initiative}
          today={today}
          onProposed={onProposed}
        />
      )}
      {matches && matches.soon.length > 0 && (
        <>
          <h3>{t('connect.soon')}</h3>
          <MatchList
            label={t('connect.soon')}
            matches={matches.soon}
            initiative={initiative}
            today={today}
            onProposed={onProposed}
          />
        </>
      )}
    </section>
  )
}

function MatchList({
  label,
  matches,
  initiative,
  today,
  onProposed,
}: {
  label: string
  matches: PersonMatch[]
  initiative: Initiative
  today: string
  onProposed: (connection: Connection) => void
}) {
  const { t, i18n } = useTranslation()
  const { go } = useNavigation()
  const [proposing, setProposing] = useState<string>()
  return (
    <ul className="plain-list matches" aria-label={label}>
      {matches.map((match) => {
        const name = displayName(match.person)
        return (
          <li key={match.person.id} className="match">
            <div className="match-head">
              <button
                type="button"
                className="link person-name"
                onClick={() => go('people', match.person.id)}
              >
                {name}
              </button>
              <span className="why">{reasonsText(match.reasons, t)}</span>
              {match.askConsentFirst && <AskConsentFirst />}
              {match.availableFrom && match.availableFrom > today && (
                <span className="muted">
                  {t('connect.availableFrom', {
                    date: formatDate(match.availableFrom, i18n.language),
                  })}
                </span>
              )}
              {proposing !== match.person.id && (
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('connect.proposeFor', { name })}
                  onClick={() => setProposing(match.person.id)}
                >
                  {t('connect.propose')}
                </button>
              )}
            </div>
            {proposing === match.person.id && (
              <ProposeForm
                personId={match.person.id}
                target={{ initiativeId: initiative.id }}
                today={today}
                label={t('connect.proposeLabel', { name, initiative: initiative.name })}
                onCancel={() => setProposing(undefined)}
                onDone={(connection) => {
                  setProposing(undefined)
                  onProposed(connection)
                }}
              />
            )}
          </li>
        )
      })}
    </ul>
  )
}
