import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Wijk } from '../../../shared/contract'
import { call, sprokkel } from '../ui/api'
import { Announcements } from '../ui/FormFooter'

/** Her list of wijken: add one, rename one (everyone in it moves along). */
export function WijkenSettings() {
  const { t } = useTranslation()
  const [wijken, setWijken] = useState<Wijk[]>([])
  const [newName, setNewName] = useState('')
  const [editing, setEditing] = useState<Wijk>()
  const [editName, setEditName] = useState('')
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const [revision, setRevision] = useState(0)

  useEffect(() => {
    let current = true
    void call(() => sprokkel().wijken.list(), t('errors.unreachable')).then((result) => {
      if (current && result.ok) setWijken(result.value)
    })
    return () => {
      current = false
    }
  }, [revision, t])

  const add = async (event: FormEvent) => {
    event.preventDefault()
    setStatus('')
    const result = await call(
      () => sprokkel().wijken.create({ name: newName }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.issues?.[0]?.message ?? result.error.message)
    setFailure('')
    setNewName('')
    setStatus(t('settings.added', { name: result.value.name }))
    setRevision((n) => n + 1)
  }

  const rename = async (event: FormEvent) => {
    event.preventDefault()
    if (!editing) return
    const result = await call(
      () => sprokkel().wijken.rename({ id: editing.id, name: editName }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.issues?.[0]?.message ?? result.error.message)
    setFailure('')
    setEditing(undefined)
    setStatus(t('settings.renamed', { name: editing.name, to: result.value.name }))
    setRevision((n) => n + 1)
  }

  return (
    <section className="card" aria-labelledby="wijken-title">
      <h2 id="wijken-title">{t('settings.wijken')}</h2>
      <p className="muted">{t('settings.wijkenHint')}</p>
      {wijken.length === 0 ? (
        <p className="muted">{t('settings.noWijken')}</p>
      ) : (
        <ul className="wijk-list" aria-label={t('settings.wijken')}>
          {wijken.map((wijk) =>
            editing?.id === wijk.id ? (
              <li key={wijk.id}>
                <form onSubmit={rename} className="inline-form">
                  <input
                    type="text"
                    aria-label={t('settings.renameLabel', { name: wijk.name })}
                    value={editName}
                    maxLength={80}
                    autoFocus
                    onChange={(event) => setEditName(event.target.value)}
                  />
                  <button type="submit" className="secondary">
                    {t('settings.saveName')}
                  </button>
                  <button type="button" className="link" onClick={() => setEditing(undefined)}>
                    {t('settings.cancel')}
                  </button>
                </form>
              </li>
            ) : (
              <li key={wijk.id}>
                <span>{wijk.name}</span>
                <button
                  type="button"
                  className="link"
                  aria-label={t('settings.rename', { name: wijk.name })}
                  onClick={() => {
                    setEditing(wijk)
                    setEditName(wijk.name)
                  }}
                >
                  {t('settings.renameShort')}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <form onSubmit={add} className="inline-form" aria-label={t('settings.add')}>
        <label htmlFor="new-wijk">{t('settings.newName')}</label>
        <input
          id="new-wijk"
          type="text"
          maxLength={80}
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
        />
        <button type="submit" className="secondary">
          {t('settings.add')}
        </button>
      </form>
      <Announcements status={status} failure={failure} />
    </section>
  )
}
