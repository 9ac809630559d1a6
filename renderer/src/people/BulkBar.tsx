import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { mailManyLimit, type BulkAction, type Selection } from '../../../shared/bulk'
import type { InitiativeSummary } from '../../../shared/connect'
import { followUpPicks, tagKinds, type FollowUpPick, type TagKind } from '../../../shared/ledger'
import type { Tag } from '../../../shared/person'
import {
  consentHows,
  consentPurposes,
  type ConsentHow,
  type ConsentPurpose,
} from '../../../shared/privacy'
import type { MailTemplate } from '../../../shared/templates'
import { ErrorBanner } from '../ui/FormFooter'
import { call, sprokkel } from '../ui/api'
import { useLoad } from '../ui/useLoad'
import { useToday } from '../ui/useToday'
import type { Notice } from '../shell/navigation'

const choices = [
  'label',
  'unlabel',
  'followUp',
  'propose',
  'archive',
  'trash',
  'mail',
  'keep',
  'consent',
] as const
type Choice = (typeof choices)[number]

/**
 * "Met de selectie": one action on the residents she ticked, or, with none ticked, on everyone the
 * list (filtered) or the search shows. One transaction on the main side; the message says how
 * many changed, with "Ongedaan maken".
 */
export function BulkBar({
  selection,
  count,
  describe,
  archived,
  onDone,
}: {
  selection: Selection
  count: number
  /** Who it is for, in words: "3 bewoners aangevinkt", "Alle 250 bewoners in deze lijst". */
  describe: ReactNode
  /** The list shows archived residents: the archive action brings them back. */
  archived: boolean
  onDone: (notice: Notice) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const today = useToday()
  const [choice, setChoice] = useState<Choice>('label')
  const [tagKind, setTagKind] = useState<TagKind>('theme')
  const [tagName, setTagName] = useState('')
  const [tagId, setTagId] = useState('')
  const [pick, setPick] = useState<FollowUpPick>('1w')
  const [reason, setReason] = useState('')
  const [initiativeId, setInitiativeId] = useState('')
  const [templateId, setTemplateId] = useState('')
  const [until, setUntil] = useState('')
  const [purpose, setPurpose] = useState<ConsentPurpose>('contact')
  const [given, setGiven] = useState(true)
  const [how, setHow] = useState<ConsentHow>('schriftelijk')
  const [date, setDate] = useState('')
  const [words, setWords] = useState('')
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)

  const tags: Tag[] = useLoad(() => sprokkel().tags.list({ limit: 500 }), [], choice).value ?? []
  const initiatives: InitiativeSummary[] =
    useLoad(() => sprokkel().initiatives.list({}), [], choice).value ?? []
  const templates: MailTemplate[] = useLoad(() => sprokkel().templates.list(), []).value ?? []

  const action = (): BulkAction | undefined => {
    switch (choice) {
      case 'label':
        return { kind: 'label', tag: { kind: tagKind, name: tagName } }
      case 'unlabel':
        return { kind: 'unlabel', tagId: tagId || (tags[0]?.id ?? '') }
      case 'followUp':
        return { kind: 'followUp', pick, reason }
      case 'propose':
        return {
          kind: 'propose',
          initiativeId: initiativeId || (initiatives[0]?.id ?? ''),
          date: today ?? '',
        }
      case 'archive':
        return { kind: 'archive', archived: !archived }
      case 'trash':
        return { kind: 'trash' }
      case 'keep':
        return { kind: 'keep', until, reason }
      case 'consent':
        return { kind: 'consent', purpose, given, how, date: date || (today ?? ''), words }
      case 'mail':
        return undefined
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setFailure('')
    if (choice === 'trash' && !window.confirm(t('bulk.confirmTrash', { count }))) return
    setBusy(true)
    const wanted = action()
    if (!wanted) {
      const result = await call(
        () => sprokkel().contact.mailMany({ selection, ...(templateId ? { templateId } : {}) }),
        t('errors.unreachable'),
      )
      setBusy(false)
      if (!result.ok) return setFailure(result.error.message)
      const { sent, without } = result.value
      return onDone({
        message: t(without > 0 ? 'bulk.mailedWithout' : 'bulk.mailed', { sent, without }),
      })
    }
    const result = await call(
      () => sprokkel().bulk.apply({ selection, action: wanted }),
      t('errors.unreachable'),
    )
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    const outcome = result.value
    const done = wanted.kind === 'archive' && archived ? 'unarchive' : wanted.kind
    const undoId = outcome.undoId
    onDone({
      message:
        outcome.changed > 0
          ? t(`bulk.done.${done}`, { count: outcome.changed, date: until })
          : t('bulk.unchanged', { count: outcome.selected }),
      ...(undoId
        ? {
            undo: async () => {
              await call(() => sprokkel().bulk.undo({ id: undoId }), t('errors.unreachable'))
            },
          }
        : {}),
    })
    setTagName('')
  }

  const select = <T extends string>(
    label: string,
    value: T,
    onChange: (value: T) => void,
    options: readonly { value: T; label: string }[],
  ) => (
    <label className="filter">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
  const text = (label: string, value: string, onChange: (value: string) => void, type = 'text') => (
    <label className="filter">
      <span>{label}</span>
      <input type={type} value={value} onChange={(event) => onChange(event.target.value)} />
    </label>
  )

  const fields: Record<Choice, ReactNode> = {
    label: (
      <>
        {select(
          t('bulk.tagKind'),
          tagKind,
          setTagKind,
          tagKinds.map((kind) => ({ value: kind, label: t(`tagKind.${kind}`) })),
        )}
        {text(t('bulk.tagName'), tagName, setTagName)}
      </>
    ),
    unlabel:
      tags.length === 0 ? (
        <p className="muted">{t('bulk.noTags')}</p>
      ) : (
        select(
          t('bulk.tag'),
          tagId || tags[0]!.id,
          setTagId,
          tags.map((tag) => ({ value: tag.id, label: tag.name })),
        )
      ),
    followUp: (
      <>
        {select(
          t('bulk.when'),
          pick,
          setPick,
          followUpPicks.map((option) => ({ value: option, label: t(`followUp.${option}`) })),
        )}
        {text(t('bulk.reason'), reason, setReason)}
      </>
    ),
    propose:
      initiatives.length === 0 ? (
        <p className="muted">{t('bulk.noInitiatives')}</p>
      ) : (
        select(
          t('bulk.initiative'),
          initiativeId || initiatives[0]!.id,
          setInitiativeId,
          initiatives.map((initiative) => ({ value: initiative.id, label: initiative.name })),
        )
      ),
    archive: null,
    trash: null,
    mail: (
      <>
        {select(t('contact.template'), templateId, setTemplateId, [
          { value: '', label: t('contact.withoutTemplate') },
          ...templates.map((template) => ({ value: template.id, label: template.name })),
        ])}
        <p className="field-hint">{t('bulk.mailHint', { max: mailManyLimit })}</p>
      </>
    ),
    keep: (
      <>
        {text(t('bulk.keepUntil'), until, setUntil, 'date')}
        {text(t('bulk.keepReason'), reason, setReason)}
      </>
    ),
    consent: (
      <>
        {select(
          t('bulk.purpose'),
          purpose,
          setPurpose,
          consentPurposes.map((p) => ({ value: p, label: t(`privacy.purpose.${p}`) })),
        )}
        {select(t('bulk.decision'), given ? 'given' : 'refused', (v) => setGiven(v === 'given'), [
          { value: 'given', label: t('privacy.given') },
          { value: 'refused', label: t('privacy.refused') },
        ])}
        {select(
          t('bulk.how'),
          how,
          setHow,
          consentHows.map((h) => ({ value: h, label: t(`privacy.how.${h}`) })),
        )}
        {text(t('bulk.date'), date || (today ?? ''), setDate, 'date')}
        {text(t('bulk.words'), words, setWords)}
      </>
    ),
  }

  return (
    <form className="card bulk-bar" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <div className="bulk-head">
        <h2 id={`${id}-title`}>{t('bulk.title')}</h2>
        <span className="muted">{describe}</span>
      </div>
      <div className="filter-bar">
        {select(
          t('bulk.action'),
          choice,
          (value) => {
            setChoice(value)
            setFailure('')
          },
          choices.map((value) => ({
            value,
            label: t(`bulk.actions.${value === 'archive' && archived ? 'unarchive' : value}`),
          })),
        )}
        {fields[choice]}
        <button
          type="submit"
          className={choice === 'trash' ? 'danger' : 'primary'}
          disabled={busy || count === 0}
        >
          {t('bulk.apply', { count })}
        </button>
      </div>
      <ErrorBanner message={failure} />
    </form>
  )
}
