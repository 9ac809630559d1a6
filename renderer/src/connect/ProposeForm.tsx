import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addDays } from '../../../shared/calendar'
import { proposers, type Connection, type Proposer } from '../../../shared/connect'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner } from '../ui/FormFooter'
import { useNavigation } from '../shell/navigation'

/**
 * Proposing a connection: when, who proposed it, a note, and "vraag over 3 weken hoe het gaat" (a
 * follow-up, on by default). `target` is the initiative, or the other resident.
 */
export function ProposeForm({
  personId,
  target,
  today,
  label,
  onDone,
  onCancel,
}: {
  personId: string
  target: { initiativeId: string } | { otherPersonId: string }
  today: string
  /** "Ans Bakker voorstellen bij Wandelgroep": names the form for screen readers. */
  label: string
  onDone: (connection: Connection) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const id = useId()
  const [date, setDate] = useState(today)
  const [proposedBy, setProposedBy] = useState<Proposer>('ik')
  const [note, setNote] = useState('')
  const [askLater, setAskLater] = useState(true)
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setBusy(true)
    const result = await call(
      () =>
        sprokkel().connections.create({
          personId,
          ...target,
          date,
          proposedBy,
          note,
          followUpOn: askLater ? addDays(date, 21) : '',
        }),
      t('errors.unreachable'),
    )
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    navigation.changed()
    onDone(result.value)
  }

  return (
    <form
      className="propose-form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('fields.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-by`}>{t('connect.proposedBy')}</label>
          <select
            id={`${id}-by`}
            value={proposedBy}
            onChange={(event) => setProposedBy(event.target.value as Proposer)}
          >
            {proposers.map((who) => (
              <option key={who} value={who}>
                {t(`connect.proposer.${who}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('fields.note')}</label>
          <input
            id={`${id}-note`}
            value={note}
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={askLater}
          onChange={(event) => setAskLater(event.target.checked)}
        />{' '}
        {t('connect.askLater')}
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('connect.propose')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('connect.cancel')}
        </button>
      </div>
      <ErrorBanner message={failure} />
    </form>
  )
}
