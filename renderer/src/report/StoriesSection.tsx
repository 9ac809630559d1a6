import { useId, useState } from 'react'
import { useWatch, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { storyLimits, type StoriesView, type Story } from '../../../shared/stories'
import { PersonPicker } from '../connect/PersonPicker'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner } from '../ui/FormFooter'
import { formatDate } from '../ui/options'
import type { Loaded } from '../ui/useLoad'
import type { ReportFormValues } from './ReportForm'

/**
 * Verhalen met toestemming: her stories, each with the residents it is about and where their
 * consent "opnemen in verhalen" stands; the ones she ticks go into the report beside the figures.
 * A story about someone without that consent can be ticked and seen, never exported (the main side
 * refuses). Consent withdrawn after an export shows here, for her to act on.
 */
export function StoriesSection({
  form,
  stories,
}: {
  form: UseFormReturn<ReportFormValues>
  stories: Loaded<StoriesView>
}) {
  const { t, i18n } = useTranslation()
  const chosen = useWatch({ control: form.control, name: 'storyIds' })
  const [editing, setEditing] = useState<Story | 'new' | null>(null)
  const [failure, setFailure] = useState('')
  const view = stories.value

  const toggle = (id: string, on: boolean) =>
    form.setValue('storyIds', on ? [...chosen, id] : chosen.filter((other) => other !== id))

  const remove = async (story: Story) => {
    const result = await call(
      () => sprokkel().stories.delete({ id: story.id }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.message)
    setFailure('')
    toggle(story.id, false)
    stories.set(result.value)
  }

  return (
    <section className="card stories" aria-labelledby="stories-title">
      <h2 id="stories-title">{t('stories.title')}</h2>
      <p className="field-hint">{t('stories.intro')}</p>
      {view && view.withdrawals.length > 0 && (
        <div className="notice-warning" role="status">
          <p>{t('stories.withdrawnTitle')}</p>
          <ul>
            {view.withdrawals.map((entry) => (
              <li key={entry.id}>
                {t('stories.withdrawn', {
                  date: formatDate(entry.at.slice(0, 10), i18n.language),
                  title: entry.storyTitle ?? t('stories.deleted'),
                  file: entry.exportFileName ?? '',
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {view && view.stories.length === 0 && <p className="muted">{t('stories.none')}</p>}
      <ul className="story-list">
        {view?.stories.map((story) => (
          <li key={story.id} className="story">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(story.id)}
                onChange={(event) => toggle(story.id, event.target.checked)}
              />
              {t('stories.include', { title: story.title })}
            </label>
            <p>{story.text}</p>
            {story.people.length > 0 && (
              <ul className="story-people" aria-label={t('stories.about', { title: story.title })}>
                {story.people.map((person) => (
                  <li key={person.id} className={person.consent === 'given' ? '' : 'missing'}>
                    {person.name}: {t(`stories.consent.${person.consent}`)}
                  </li>
                ))}
              </ul>
            )}
            {story.withoutConsent > 0 && (
              <p className="field-error">{t('stories.blocked', { count: story.withoutConsent })}</p>
            )}
            {story.findings.length > 0 && (
              <p className="field-hint">
                {t('stories.findings', {
                  list: story.findings
                    .map((f) => `${f.text} (${t(`report.finding.${f.kind}`)})`)
                    .join(', '),
                })}
              </p>
            )}
            <div className="form-actions">
              <button
                type="button"
                className="link"
                aria-label={t('stories.editNamed', { title: story.title })}
                onClick={() => setEditing(story)}
              >
                {t('stories.edit')}
              </button>
              <button
                type="button"
                className="link"
                aria-label={t('stories.deleteNamed', { title: story.title })}
                onClick={() => void remove(story)}
              >
                {t('stories.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {editing ? (
        <StoryForm
          key={editing === 'new' ? 'new' : editing.id}
          story={editing === 'new' ? null : editing}
          onSaved={(saved) => {
            stories.set(saved)
            setEditing(null)
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="secondary" onClick={() => setEditing('new')}>
          {t('stories.new')}
        </button>
      )}
      <ErrorBanner message={failure} />
    </section>
  )
}

/** A story's title, text and who it is about. */
function StoryForm({
  story,
  onSaved,
  onCancel,
}: {
  story: Story | null
  onSaved: (view: StoriesView) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [title, setTitle] = useState(story?.title ?? '')
  const [text, setText] = useState(story?.text ?? '')
  const [people, setPeople] = useState(
    story?.people.map((person) => ({ id: person.id, name: person.name })) ?? [],
  )
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)

  const save = async () => {
    setBusy(true)
    const result = await call(
      () =>
        sprokkel().stories.save({
          ...(story ? { id: story.id } : {}),
          title,
          text,
          personIds: people.map((person) => person.id),
        }),
      t('errors.unreachable'),
    )
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    onSaved(result.value)
  }

  return (
    <form
      className="story-form"
      aria-label={story ? t('stories.editNamed', { title: story.title }) : t('stories.new')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('stories.titleField')}</label>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={storyLimits.title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('stories.textField')}</label>
        <textarea
          id={`${id}-text`}
          rows={4}
          value={text}
          maxLength={storyLimits.text}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
        />
        <p id={`${id}-hint`} className="field-hint">
          {t('stories.textHint')}
        </p>
      </div>
      {people.length > 0 && (
        <ul className="story-people" aria-label={t('stories.aboutField')}>
          {people.map((person) => (
            <li key={person.id} className="chip">
              {person.name}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('tags.remove', { name: person.name })}
                onClick={() => setPeople(people.filter((other) => other.id !== person.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {people.length < storyLimits.people && (
        <PersonPicker
          label={t('stories.aboutField')}
          value={null}
          onChange={(person) => {
            if (person && !people.some((other) => other.id === person.id)) {
              setPeople([...people, person])
            }
          }}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('stories.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('stories.cancel')}
        </button>
      </div>
      <ErrorBanner message={failure} />
    </form>
  )
}
