import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { registerSections, type ReviewItem } from '../../../shared/privacy'
import { address, sortName } from '../../../shared/person'
import { call, sprokkel } from '../ui/api'
import { Announcements } from '../ui/FormFooter'
import { AnonymiseErase } from './AnonymiseErase'
import { formatDate } from '../ui/options'
import { useLoad } from '../ui/useLoad'
import { useToday } from '../ui/useToday'
import { useNavigation } from '../shell/navigation'
import { addInterval } from '../../../shared/calendar'
import './privacy.css'

/**
 * Beschermen: the bewaartermijn review (nothing happens without her decision), the
 * verwerkingsregister her privacy officer reads, and the log of what she did.
 */
export function PrivacyView() {
  const { t } = useTranslation()
  const [revision, setRevision] = useState(0)
  return (
    <section aria-labelledby="view-title" className="view privacy-view">
      <header className="view-header">
        <h1 id="view-title">{t('nav.privacy')}</h1>
        <p className="muted">{t('privacy.intro')}</p>
      </header>
      <Review onChanged={() => setRevision((n) => n + 1)} />
      <Register />
      <PrivacyLog revision={revision} />
    </section>
  )
}

function Review({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation()
  const today = useToday()
  const { changed } = useNavigation()
  const review = useLoad(() => sprokkel().privacy.review(), [])
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [reason, setReason] = useState('')
  const [until, setUntil] = useState('')
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const view = review.value

  const toggle = (id: string, on: boolean) =>
    setSelected((now) => {
      const next = new Set(now)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  const done = (message: string) => {
    setFailure('')
    setStatus(message)
    setSelected(new Set())
    review.reload()
    onChanged()
    changed()
  }

  const act = async (kind: 'anonymise' | 'erase') => {
    const ids = [...selected]
    if (!window.confirm(t(`privacy.confirm.${kind}Many`, { count: ids.length }))) return
    const result = await call(() => sprokkel().privacy[kind]({ ids }), t('errors.unreachable'))
    if (!result.ok) return setFailure(result.error.message)
    done(t(`privacy.done.${kind}`, { count: result.value.count }))
  }

  const keep = async () => {
    const ids = [...selected]
    const result = await call(
      () => sprokkel().privacy.keep({ ids, reason, until }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.issues?.[0]?.message ?? result.error.message)
    setReason('')
    done(t('privacy.done.keep', { count: result.value.count }))
  }

  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">{t('privacy.reviewTitle')}</h2>
      {view && (
        <p className="muted">{t('privacy.reviewIntro', { months: view.retentionMonths })}</p>
      )}
      {view && (
        <>
          <ReviewList
            title={t('privacy.past', { count: view.past.count })}
            items={view.past.items}
            selected={selected}
            onToggle={toggle}
          />
          <ReviewList
            title={t('privacy.soon', { count: view.soon.count })}
            items={view.soon.items}
            selected={selected}
            onToggle={toggle}
          />
        </>
      )}
      <fieldset className="review-actions" disabled={selected.size === 0}>
        <legend>{t('privacy.selection', { count: selected.size })}</legend>
        <div className="inline-form">
          <label>
            {t('privacy.keepReason')}{' '}
            <input
              type="text"
              maxLength={300}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <label>
            {t('privacy.keepUntil')}{' '}
            <input
              type="date"
              min={today && addInterval(today, { count: 1, unit: 'day' })}
              value={until}
              onChange={(event) => setUntil(event.target.value)}
            />
          </label>
          <button type="button" className="secondary" onClick={() => void keep()}>
            {t('privacy.keep')}
          </button>
        </div>
        <div className="button-row">
          <AnonymiseErase onAct={(kind) => void act(kind)} />
        </div>
      </fieldset>
      <Announcements status={status} failure={failure || review.failure} />
    </section>
  )
}

function ReviewList({
  title,
  items,
  selected,
  onToggle,
}: {
  title: string
  items: ReviewItem[]
  selected: ReadonlySet<string>
  onToggle: (id: string, on: boolean) => void
}) {
  const { t, i18n } = useTranslation()
  const { go } = useNavigation()
  const date = (iso: string) => formatDate(iso, i18n.language)
  return (
    <section className="review-list" aria-label={title}>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('privacy.nobody')}</p>
      ) : (
        <ul className="plain-list">
          {items.map((item) => {
            const name = sortName(item.person)
            return (
              <li key={item.person.id} className="review-row">
                <input
                  type="checkbox"
                  aria-label={t('privacy.select', { name })}
                  checked={selected.has(item.person.id)}
                  onChange={(event) => onToggle(item.person.id, event.target.checked)}
                />
                <button type="button" className="link" onClick={() => go('people', item.person.id)}>
                  {name}
                </button>
                <span className="muted">
                  {[address(item.person), item.person.wijk].filter(Boolean).join(' · ')}
                </span>
                <span>
                  {item.person.lastContactOn
                    ? t('person.lastContact', { date: date(item.person.lastContactOn) })
                    : t('privacy.cameIn', { date: date(item.since) })}
                </span>
                {item.keepReason && (
                  <span className="muted">
                    {t('privacy.keptBecause', { reason: item.keepReason })}
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

function Register() {
  const { t, i18n } = useTranslation()
  const register = useLoad(() => sprokkel().privacy.register(), [])
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const view = register.value
  const save = async () => {
    const result = await call(() => sprokkel().privacy.exportRegister(), t('errors.unreachable'))
    if (!result.ok) return setFailure(result.error.message)
    setFailure('')
    setStatus(result.value ? t('register.saved', { file: result.value.fileName }) : '')
  }
  return (
    <section className="card register" aria-labelledby="register-title">
      <h2 id="register-title">{t('register.title')}</h2>
      {view && (
        <>
          <p className="muted">
            {t('register.madeOn', { date: formatDate(view.madeOn, i18n.language) })}
          </p>
          {registerSections(view, (key, values) => t(key, values ?? {})).map((section) => (
            <section key={section.title}>
              <h3>{section.title}</h3>
              {section.paragraphs.map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
            </section>
          ))}
        </>
      )}
      <button type="button" className="secondary" onClick={() => void save()}>
        {t('register.savePdf')}
      </button>
      <Announcements status={status} failure={failure || register.failure} />
    </section>
  )
}

function PrivacyLog({ revision }: { revision: number }) {
  const { t, i18n } = useTranslation()
  const log = useLoad(() => sprokkel().privacy.log(), [], revision)
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const entries = log.value ?? []
  return (
    <section className="card" aria-labelledby="privacy-log-title">
      <h2 id="privacy-log-title">{t('privacy.logTitle')}</h2>
      <p className="muted">{t('privacy.logIntro')}</p>
      {entries.length === 0 ? (
        <p className="muted">{t('privacy.logEmpty')}</p>
      ) : (
        <ul className="plain-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              {when.format(new Date(entry.at))}: {t(`privacy.log.${entry.kind}`)}
              {entry.count > 1 ? ` (${entry.count})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
