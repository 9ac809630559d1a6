import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { wijkNameSchema, type Wijk } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { call, sprokkel } from '../ui/api'
import { Announcements } from '../ui/FormFooter'
import { useLoad } from '../ui/useLoad'

const wijkForm = z.object({ name: wijkNameSchema })
type WijkForm = z.input<typeof wijkForm>

/** Her list of wijken: add one, rename one (everyone in it moves along). */
export function WijkenSettings() {
  const { t } = useTranslation()
  const wijken = useLoad(() => sprokkel().wijken.list(), [])
  const [editing, setEditing] = useState<Wijk>()
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')

  /** What the main side answered: a line for her, and the list read again. */
  const done = (result: Result<Wijk>, saidOk: (wijk: Wijk) => string): boolean => {
    if (!result.ok) {
      setStatus('')
      setFailure(result.error.issues?.[0]?.message ?? result.error.message)
      return false
    }
    setFailure('')
    setStatus(saidOk(result.value))
    wijken.reload()
    return true
  }

  const list = wijken.value ?? []
  return (
    <section className="card" aria-labelledby="wijken-title">
      <h2 id="wijken-title">{t('settings.wijken')}</h2>
      <p className="muted">{t('settings.wijkenHint')}</p>
      {list.length === 0 ? (
        <p className="muted">{t('settings.noWijken')}</p>
      ) : (
        <ul className="wijk-list" aria-label={t('settings.wijken')}>
          {list.map((wijk) =>
            editing?.id === wijk.id ? (
              <li key={wijk.id}>
                <RenameForm
                  wijk={wijk}
                  onCancel={() => setEditing(undefined)}
                  onInvalid={setFailure}
                  onSave={async (name) => {
                    const result = await call(
                      () => sprokkel().wijken.rename({ id: wijk.id, name }),
                      t('errors.unreachable'),
                    )
                    const saved = done(result, (renamed) =>
                      t('settings.renamed', { name: wijk.name, to: renamed.name }),
                    )
                    if (saved) setEditing(undefined)
                  }}
                />
              </li>
            ) : (
              <li key={wijk.id}>
                <span>{wijk.name}</span>
                <button
                  type="button"
                  className="link"
                  aria-label={t('settings.rename', { name: wijk.name })}
                  onClick={() => setEditing(wijk)}
                >
                  {t('settings.renameShort')}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <AddForm
        onInvalid={setFailure}
        onSave={async (name) => {
          const result = await call(
            () => sprokkel().wijken.create({ name }),
            t('errors.unreachable'),
          )
          return done(result, (added) => t('settings.added', { name: added.name }))
        }}
      />
      <Announcements status={status} failure={failure} />
    </section>
  )
}

/** A wijk's name, checked as the main side checks it; what is wrong goes to the section's line. */
function useWijkForm(name: string, onInvalid: (message: string) => void) {
  const { t } = useTranslation()
  const form = useForm<WijkForm, unknown, z.output<typeof wijkForm>>({
    resolver: zodResolver(wijkForm),
    defaultValues: { name },
  })
  const submit = (save: (name: string) => Promise<unknown>) =>
    form.handleSubmit(
      (values) => save(values.name),
      (errors) => onInvalid(t(errors.name?.message ?? 'validation.invalid')),
    )
  return { form, submit }
}

function AddForm({
  onSave,
  onInvalid,
}: {
  onSave: (name: string) => Promise<boolean>
  onInvalid: (message: string) => void
}) {
  const { t } = useTranslation()
  const { form, submit } = useWijkForm('', onInvalid)
  return (
    <form
      onSubmit={submit(async (name) => {
        if (await onSave(name)) form.reset({ name: '' })
      })}
      className="inline-form"
      aria-label={t('settings.add')}
      noValidate
    >
      <label htmlFor="new-wijk">{t('settings.newName')}</label>
      <input id="new-wijk" type="text" maxLength={80} {...form.register('name')} />
      <button type="submit" className="secondary" disabled={form.formState.isSubmitting}>
        {t('settings.add')}
      </button>
    </form>
  )
}

function RenameForm({
  wijk,
  onSave,
  onCancel,
  onInvalid,
}: {
  wijk: Wijk
  onSave: (name: string) => Promise<void>
  onCancel: () => void
  onInvalid: (message: string) => void
}) {
  const { t } = useTranslation()
  const { form, submit } = useWijkForm(wijk.name, onInvalid)
  return (
    <form onSubmit={submit(onSave)} className="inline-form" noValidate>
      <input
        type="text"
        aria-label={t('settings.renameLabel', { name: wijk.name })}
        maxLength={80}
        autoFocus
        {...form.register('name')}
      />
      <button type="submit" className="secondary" disabled={form.formState.isSubmitting}>
        {t('settings.saveName')}
      </button>
      <button type="button" className="link" onClick={onCancel}>
        {t('settings.cancel')}
      </button>
    </form>
  )
}
