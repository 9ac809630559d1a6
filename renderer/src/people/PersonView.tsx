import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { displayName } from '../../../shared/person'
import { type PersonDetail } from '../../../shared/person-detail'
import { call, sprokkel } from '../ui/api'
import { useLoad } from '../ui/useLoad'
import { ConsentSection } from './ConsentSection'
import { FollowUpsSection } from './FollowUpsSection'
import { PrivacyActions } from './PrivacyActions'
import { ContactButtons } from '../ui/ContactButtons'
import { channelOfWay } from '../../../shared/contact'
import { PersonForm } from './PersonForm'
import { Timeline } from './Timeline'
import { useNavigation, type Notice } from '../shell/navigation'
import { NoticeBanner } from '../ui/NoticeBanner'
import { DoubleHint } from './Doubles'
import { PersonConnections } from '../connect/PersonConnections'
import { formatDate } from '../ui/options'
import './people.css'

/** One resident: everything about her to read and change, her timeline, archive and delete. */
export function PersonView({
  personId,
  notice,
}: {
  personId: string
  /** What brought her here, with its undo (a merge that kept her). */
  notice?: Notice | undefined
}) {
  const { t, i18n } = useTranslation()
  const { go } = useNavigation()
  const [message, setMessage] = useState<Notice | undefined>(notice)
  // Bumped when her record changed from elsewhere on the page (a merge, its undo): the form starts
  // again from it, and the possible doubles are read again.
  const [revision, setRevision] = useState(0)
  const loaded = useLoad(() => sprokkel().people.get({ id: personId }), [personId])
  const templates = useLoad(() => sprokkel().templates.list(), [])
  const person: PersonDetail | undefined = loaded.value
  const setPerson = loaded.set
  // What went wrong loading her, or with archive or trash.
  const [failure, setFailure] = useState('')
  const error = failure || loaded.failure

  if (error) {
    return (
      <p role="alert" className="error-banner">
        {error}
      </p>
    )
  }
  if (!person) return <p className="muted">{t('people.loading')}</p>

  const name = displayName(person)
  const readAgain = async () => {
    const result = await call(
      () => sprokkel().people.get({ id: person.id }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.message)
    setPerson(result.value)
    setRevision((n) => n + 1)
  }
  const archive = async () => {
    const result = await call(
      () => sprokkel().people.archive({ id: person.id, archived: person.status === 'active' }),
      t('errors.unreachable'),
    )
    if (result.ok) setPerson(result.value)
    else setFailure(result.error.message)
  }
  const trash = async () => {
    const result = await call(
      () => sprokkel().people.trash({ id: person.id }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.message)
    go('people', undefined, {
      message: t('trash.moved', { name }),
      undo: async () => {
        await call(() => sprokkel().people.restore({ id: person.id }), t('errors.unreachable'))
      },
    })
  }

  return (
    <section aria-labelledby="view-title" className="view person-view">
      <button type="button" className="link back" onClick={() => go('people')}>
        ← {t('person.back')}
      </button>
      <header className="view-header person-header">
        <h1 id="view-title">{name}</h1>
        <p className="muted">
          {person.lastContactOn
            ? t('person.lastContact', { date: formatDate(person.lastContactOn, i18n.language) })
            : t('person.neverContacted')}
        </p>
        <ContactButtons
          personId={person.id}
          name={name}
          reach={person.reach}
          templates={templates.value}
          onWorked={async (way) => {
            const today = await call(() => sprokkel().app.today(), t('errors.unreachable'))
            if (!today.ok) return today.error.message
            const result = await call(
              () =>
                sprokkel().moments.add({
                  personId: person.id,
                  date: today.value.today,
                  channel: channelOfWay[way],
                }),
              t('errors.unreachable'),
            )
            if (!result.ok) return result.error.message
            loaded.reload()
          }}
          onNoAnswer={async (way) => {
            const result = await call(
              () =>
                sprokkel().followups.create({
                  personId: person.id,
                  pick: '1w',
                  reason: t('contact.noAnswerReason', { way: t(`contact.${way}`) }),
                }),
              t('errors.unreachable'),
            )
            if (!result.ok) return result.error.message
            loaded.reload()
          }}
        />
        <div className="header-actions">
          <button type="button" className="secondary" onClick={() => void archive()}>
            {person.status === 'active' ? t('person.archive') : t('person.unarchive')}
          </button>
          <button type="button" className="danger" onClick={() => void trash()}>
            {t('person.trash')}
          </button>
        </div>
      </header>
      {message && (
        <NoticeBanner
          notice={message}
          onUndone={() => {
            setMessage(undefined)
            void readAgain()
          }}
        />
      )}
      <DoubleHint
        personId={person.id}
        revision={revision}
        onMerged={(merged, keptId) => {
          if (keptId === person.id) {
            setMessage(merged)
            void readAgain()
          } else go('people', keptId, merged)
        }}
      />
      {person.status === 'archived' && <p className="notice">{t('person.archivedNote')}</p>}
      <div className="person-columns">
        <PersonForm key={revision} person={person} onSaved={setPerson} />
        <div className="person-side">
          <FollowUpsSection
            personId={person.id}
            name={name}
            followUps={person.followUps}
            onChanged={loaded.reload}
          />
          <ConsentSection personId={person.id} onChanged={loaded.reload} />
          <PersonConnections person={person} onChanged={loaded.reload} />
          <Timeline
            personId={person.id}
            moments={person.moments}
            events={person.events}
            onAdded={loaded.reload}
          />
          <PrivacyActions
            personId={person.id}
            name={name}
            onGone={(message) => go('people', undefined, { message })}
          />
        </div>
      </div>
    </section>
  )
}
