import { useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TagKind } from '../../../shared/ledger'
import type { TagRef } from '../../../shared/person'
import { foldKey } from '../../../shared/text'
import { sprokkel } from './api'
import { useLoad } from './useLoad'

interface Props {
  kind: TagKind
  /** All of the person's tags; this input shows and changes those of its own kind. */
  value: TagRef[]
  onChange: (tags: TagRef[]) => void
  /** Instead of the kind's name ("Thema's van dit initiatief"). */
  label?: string
  /** Suggest tags of every kind (an initiative's themes come from people's tags too). */
  suggestAllKinds?: boolean
}

/**
 * Tags of one kind as chips, typed with suggestions from the tags she already has. Enter or a comma
 * adds what is typed; with nothing typed Enter saves the form as usual; Backspace removes the last.
 */
export function TagInput({ kind, value, onChange, label, suggestAllKinds = false }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const mine = value.filter((tag) => tag.kind === kind)
  const tags = useLoad(
    () =>
      sprokkel().tags.list({
        prefix: text.trim(),
        limit: 20,
        ...(suggestAllKinds ? {} : { kind }),
      }),
    [kind, text, suggestAllKinds],
  ).value
  const suggestions = [...new Set((tags ?? []).map((tag) => tag.name))]

  const add = (name: string) => {
    const trimmed = name.trim()
    setText('')
    if (!trimmed || mine.some((tag) => foldKey(tag.name) === foldKey(trimmed))) return
    onChange([...value, { kind, name: trimmed }])
  }
  const remove = (name: string) =>
    onChange(value.filter((tag) => !(tag.kind === kind && tag.name === name)))

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',') && text.trim()) {
      event.preventDefault()
      add(text)
    } else if (event.key === 'Backspace' && !text && mine.length > 0) {
      remove(mine.at(-1)!.name)
    }
  }

  return (
    <div className="field tag-input">
      <label htmlFor={id}>{label ?? t(`tagKind.${kind}`)}</label>
      <div className="chips">
        {mine.map((tag) => (
          <span key={tag.name} className="chip">
            {tag.name}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('tags.remove', { name: tag.name })}
              onClick={() => remove(tag.name)}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          type="text"
          list={`${id}-suggestions`}
          value={text}
          maxLength={60}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            const typed = event.target.value
            // A pick from the suggestion list arrives as a whole name: take it as a tag at once.
            if (suggestions.includes(typed) && typed.length - text.length > 1) add(typed)
            else setText(typed)
          }}
          onKeyDown={onKeyDown}
          onBlur={() => add(text)}
        />
      </div>
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <p id={`${id}-hint`} className="field-hint">
        {t('tags.hint')}
      </p>
    </div>
  )
}
