import { useId, useState, type FormEvent, type ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { mergeFields, type MergeField, type PossibleDouble } from '../../../shared/bulk'
import { address, displayName, sortName, type PersonSummary } from '../../../shared/person'
import type { PersonDetail } from '../../../shared/person-detail'
import { ErrorBanner } from '../ui/FormFooter'
import { call, sprokkel } from '../ui/api'
import { formatDate } from '../ui/options'
import { slotName } from '../ui/slots'
import { useLoad } from '../ui/useLoad'
import type { Notice } from '../shell/navigation'

/**
 * "Mogelijk dubbel": records with the same name and the same phone, e-mail or address, each pair
 * to compare and merge. The main side finds them (db/ledger/merge.ts); a name alone never counts.
 */
export function Doubles({
  revision,
  onMerged,
}: {
  /** Changes after every write (an undo too): the pairs are read again. */
  revision: number
  onMerged: (notice: Notice, keptId: string) => void
}) {
  const { t } = useTranslation()
  const doubles = useLoad(() => sprokkel().people.doubles(), [], revision)
  const pairs = doubles.value ?? []
  return (
    <Comparing
      onMerged={onMerged}
      list={(compare) => (
        <section className="card doubles" aria-labelledby="doubles-title">
          <h2 id="doubles-title">{t('merge.doubles')}</h2>
          <p className="muted">{t('merge.doublesHint')}</p>
          <ErrorBanner message={doubles.failure ?? ''} />
          {doubles.value && pairs.length === 0 && <p className="empty">{t('merge.noDoubles')}</p>}
          <ul className="people-list">
            {pairs.map((pair) => (
              <li key={`${pair.a.id}-${pair.b.id}`} className="person-row double-row">
                <span className="person-name">{sortName(pair.a)}</span>
                <span className="person-wijk">
                  {[line(pair.a), line(pair.b)].filter(Boolean).join(' / ')}
                </span>
                <span className="muted">{t('merge.reasons', { reasons: reasonsOf(pair, t) })}</span>
                <CompareButton pair={pair} compare={compare} />
              </li>
            ))}
          </ul>
        </section>
      )}
    />
  )
}

/** Why two records may be one: "telefoonnummer, adres". */
const reasonsOf = (pair: PossibleDouble, t: (key: string) => string) =>
  pair.reasons.map((reason) => t(`merge.reason.${reason}`)).join(', ')

function CompareButton({
  pair,
  compare,
}: {
  pair: PossibleDouble
  compare: (pair: PossibleDouble) => void
}) {
  const { t } = useTranslation()
  return (
    <button type="button" className="secondary" onClick={() => compare(pair)}>
      {t('merge.compare', { a: sortName(pair.a), b: sortName(pair.b) })}
    </button>
  )
}

/** Pairs with "Vergelijken": the pair she chooses opens the merge panel in their place. */
function Comparing({
  onMerged,
  list,
}: {
  onMerged: (notice: Notice, keptId: string) => void
  list: (compare: (pair: PossibleDouble) => void) => ReactNode
}) {
  const [comparing, setComparing] = useState<PossibleDouble>()
  if (!comparing) return list(setComparing)
  return (
    <MergePanel
      pair={comparing}
      onCancel={() => setComparing(undefined)}
      onMerged={(notice, keptId) => {
        setComparing(undefined)
        onMerged(notice, keptId)
      }}
    />
  )
}

const line = (person: PersonSummary) => [address(person), person.wijk].filter(Boolean).join(' · ')

/** A field's value as she reads it. */
function shown(person: PersonDetail, field: MergeField, t: TFunction): string {
  const value = person[field]
  if (value === null || value === undefined || value === '') return ''
  if (Array.isArray(value)) return value.map((slot) => slotName(slot, t)).join(', ')
  if (field === 'metChannel') return t(`channel.${String(value)}`)
  if (field === 'ageBand') return t(`ageBand.${String(value)}`)
  if (field === 'cadence') return t(`cadence.${String(value)}`)
  return String(value)
}

/**
 * Side by side: which record stays, and for each field where they differ, whose value. Everything
 * else of the other record comes along (moments, follow-ups, connections, labels, consents).
 */
export function MergePanel({
  pair,
  onCancel,
  onMerged,
}: {
  pair: PossibleDouble
  onCancel: () => void
  onMerged: (notice: Notice, keptId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const a = useLoad(() => sprokkel().people.get({ id: pair.a.id }), [pair.a.id]).value
  const b = useLoad(() => sprokkel().people.get({ id: pair.b.id }), [pair.b.id]).value
  const [keepA, setKeepA] = useState(true)
  // Per field: true = the value of record A. Unset: the kept record's, unless it has none.
  const [fromA, setFromA] = useState<Partial<Record<MergeField, boolean>>>({})
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)
  if (!a || !b) return <p className="muted">{t('people.loading')}</p>

  // Two records of one name: told apart by when she entered them and what they hold.
  const record = (person: PersonDetail) =>
    t('merge.record', {
      name: sortName(person),
      date: formatDate(person.createdAt.slice(0, 10), i18n.language),
      count: person.moments.length,
    })
  const differing = mergeFields.filter((field) => shown(a, field, t) !== shown(b, field, t))
  const takesA = (field: MergeField) =>
    fromA[field] ?? (keepA ? shown(a, field, t) !== '' : shown(b, field, t) === '')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const [keep, other] = keepA ? [a, b] : [b, a]
    if (!window.confirm(t('merge.confirm', { keep: displayName(keep), other: displayName(other) })))
      return
    setBusy(true)
    const result = await call(
      () =>
        sprokkel().people.merge({
          keepId: keep.id,
          otherId: other.id,
          fromOther: differing.filter((field) => takesA(field) !== keepA),
        }),
      t('errors.unreachable'),
    )
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    const undoId = result.value.undoId
    onMerged(
      {
        message: t('merge.done', result.value.moved),
        undo: async () => {
          await call(() => sprokkel().bulk.undo({ id: undoId }), t('errors.unreachable'))
        },
      },
      keep.id,
    )
  }

  return (
    <form className="card merge" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('merge.title')}</h2>
      <p className="muted">{t('merge.hint')}</p>
      <fieldset className="inline-fieldset merge-keep">
        <legend>{t('merge.keepWhich')}</legend>
        {[a, b].map((person, index) => (
          <label key={person.id} className="checkbox">
            <input
              type="radio"
              name={`${id}-keep`}
              checked={keepA === (index === 0)}
              onChange={() => setKeepA(index === 0)}
            />
            {t('merge.keepThis', { name: record(person) })}
          </label>
        ))}
      </fieldset>
      <table className="merge-table">
        <thead>
          <tr>
            <th scope="col">{t('merge.field')}</th>
            <th scope="col">{record(a)}</th>
            <th scope="col">{record(b)}</th>
          </tr>
        </thead>
        <tbody>
          {differing.map((field) => (
            <tr key={field}>
              <th scope="row" id={`${id}-${field}`}>
                {t(`fields.${field}`)}
              </th>
              {[a, b].map((person, index) => (
                <td key={person.id}>
                  <label className="checkbox">
                    <input
                      type="radio"
                      name={`${id}-${field}`}
                      aria-describedby={`${id}-${field}`}
                      checked={takesA(field) === (index === 0)}
                      onChange={() => setFromA({ ...fromA, [field]: index === 0 })}
                    />
                    {shown(person, field, t) || t('merge.empty')}
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('merge.merge')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('merge.back')}
        </button>
      </div>
      <ErrorBanner message={failure} />
    </form>
  )
}

/**
 * On his page: who he may also be (the same name and phone, e-mail or address), each with
 * "Vergelijken" to merge the two right here.
 */
export function DoubleHint({
  personId,
  revision,
  onMerged,
}: {
  personId: string
  revision: number
  onMerged: (notice: Notice, keptId: string) => void
}) {
  const { t } = useTranslation()
  const doubles = useLoad(() => sprokkel().people.doublesOf({ id: personId }), [personId], revision)
  return (
    <Comparing
      onMerged={onMerged}
      list={(compare) =>
        (doubles.value ?? []).map((pair) => (
          <div key={pair.b.id} role="note" className="notice double-hint">
            <span>
              {t('merge.hintOne', { name: sortName(pair.b), reasons: reasonsOf(pair, t) })}
            </span>
            <CompareButton pair={pair} compare={compare} />
          </div>
        ))
      }
    />
  )
}
