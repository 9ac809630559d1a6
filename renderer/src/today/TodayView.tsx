import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dueGroups, type TodayView as Today } from '../../../shared/followups'
import { displayName } from '../../../shared/person'
import { channelOfWay } from '../../../shared/contact'
import { call, sprokkel } from '../ui/api'
import { ContactButtons } from '../ui/ContactButtons'
import { useLoad } from '../ui/useLoad'
import { FollowUpActions } from './FollowUpActions'
import { LateGroups, LateImports } from './LateImports'
import { NoticeBanner } from '../ui/NoticeBanner'
import { Announcements } from '../ui/FormFooter'
import { useNavigation, type Notice } from '../shell/navigation'
import { followUpLabel, formatDate } from '../ui/options'
import './today.css'

/** "Vandaag", where the app opens: who to get back to, late ones first. */
export function TodayView() {
  const { t, i18n } = useTranslation()
  const { go, changed } = useNavigation()
  const loaded = useLoad(() => sprokkel().followups.today(), [])
  const templates = useLoad(() => sprokkel().templates.list(), [])
  const view: Today | undefined = loaded.value
  const [status, setStatus] = useState('')
  // A step over many at once, with its undo ("Ongedaan maken").
  const [settled, setSettled] = useState<Notice>()
  const [revision, setRevision] = useState(0)

  const refresh = () => {
    loaded.reload()
    setRevision((n) => n + 1)
    changed()
  }
  const onChanged = (message: string) => {
    setStatus(message)
    setSettled(undefined)
    refresh()
  }
  const onSettled = (notice: Notice) => {
    setStatus('')
    setSettled(notice)
    refresh()
  }

  const total = view ? dueGroups.reduce((sum, group) => sum + view.groups[group].count, 0) : 0
  return (
    <section aria-labelledby="view-title" className="view">
      <header className="view-header">
        <h1 id="view-title">{t('today.title')}</h1>
        {view && <p className="muted">{formatDate(view.today, i18n.language)}</p>}
      </header>
      <Announcements status={status} failure={loaded.failure} />
      {view && total === 0 && <p className="empty">{t('today.allClear')}</p>}
      {settled && (
        <NoticeBanner
          notice={settled}
          onUndone={() => {
            setSettled(undefined)
            refresh()
          }}
        />
      )}
      {view && <LateImports imports={view.lateImports} onSettled={onSettled} />}
      {view && view.groups.overdue.count >= 2 && (
        <LateGroups revision={revision} onSettled={onSettled} />
      )}
      {view &&
        total > 0 &&
        dueGroups.map((group) => {
          const { count, items } = view.groups[group]
          return (
            <section
              key={group}
              className={`card due-group due-${group}`}
              aria-labelledby={`due-${group}`}
            >
              <h2 id={`due-${group}`}>
                {t(`today.groups.${group}`)} <span className="count">{count}</span>
              </h2>
              {count === 0 ? (
                <p className="muted">{t('today.empty')}</p>
              ) : (
                <ul className="due-list" aria-label={t(`today.groups.${group}`)}>
                  {items.map((item) => {
                    const name = displayName(item.person)
                    return (
                      <li key={item.id} className="due-row">
                        <button
                          type="button"
                          className="link person-name"
                          onClick={() => go('people', item.person.id)}
                        >
                          {name}
                        </button>
                        <span>{followUpLabel(item, t)}</span>
                        <span className="muted">
                          {t('today.due', { date: formatDate(item.dueOn, i18n.language) })}
                          {' · '}
                          {item.person.lastContactOn
                            ? t('person.lastContact', {
                                date: formatDate(item.person.lastContactOn, i18n.language),
                              })
                            : t('person.neverContacted')}
                        </span>
                        <ContactButtons
                          personId={item.person.id}
                          name={name}
                          reach={item.reach}
                          templates={templates.value}
                          followUpId={item.id}
                          onWorked={async (way) => {
                            const result = await call(
                              () =>
                                sprokkel().followups.done({
                                  id: item.id,
                                  channel: channelOfWay[way],
                                }),
                              t('errors.unreachable'),
                            )
                            if (!result.ok) return result.error.message
                            onChanged(t('contact.logged', { name }))
                          }}
                          onNoAnswer={async () => {
                            const result = await call(
                              () => sprokkel().followups.snooze({ id: item.id, by: '1w' }),
                              t('errors.unreachable'),
                            )
                            if (!result.ok) return result.error.message
                            onChanged(
                              t('contact.retry', {
                                date: formatDate(result.value.dueOn, i18n.language),
                              }),
                            )
                          }}
                        />
                        <FollowUpActions followUp={item} name={name} onChanged={onChanged} />
                      </li>
                    )
                  })}
                </ul>
              )}
              {count > items.length && (
                <p className="muted">{t('today.more', { count: count - items.length })}</p>
              )}
            </section>
          )
        })}
    </section>
  )
}
