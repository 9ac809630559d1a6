import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import {
  displayName,
  newPersonSchema,
  personLimits,
  type NewPerson,
  type NewPersonInput,
  type Person,
} from '../../../shared/person'
import { call, sprokkel } from '../ui/api'
import { FormFooter } from '../ui/FormFooter'
import { fieldError, showServerErrors } from '../ui/formErrors'
import { TextField } from '../ui/TextField'

const empty: NewPersonInput = { firstName: '', tussenvoegsel: '', lastName: '', wijk: '', note: '' }

export function AddPersonForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation()
  // The person saved last: announced, and the signal to clear the form for the next one.
  const [saved, setSaved] = useState<Person>()
  const [failure, setFailure] = useState('')
  const form = useForm<NewPersonInput, unknown, NewPerson>({
    resolver: zodResolver(newPersonSchema),
    defaultValues: empty,
  })
  const { isSubmitting } = form.formState
  // A message about the previous person must not stand beside an error about this one.
  const clearSaved = () => setSaved(undefined)

  // Ready for the next person at once: empty form, cursor in the first field. Done after the submit
  // has settled, because the form is still busy (and the button disabled) inside the handler.
  const { reset, setFocus } = form
  useEffect(() => {
    if (!saved) return
    // keepFieldsRef: a plain reset forgets the inputs until the next render, and focus would miss.
    reset(empty, { keepFieldsRef: true })
    setFocus('firstName')
  }, [saved, reset, setFocus])

  const submit = form.handleSubmit(async (person) => {
    setSaved(undefined)
    setFailure('')
    const result = await call(() => sprokkel().people.create(person), t('errors.unreachable'))
    // The main side checks again; where it names a field, show it there, in her language.
    if (!result.ok) return setFailure(showServerErrors(form.setError, result.error))
    setSaved(result.value)
    onSaved()
  }, clearSaved)

  const message = fieldError(form.getFieldState, form.formState, t)

  return (
    <form
      className="card add-person"
      aria-labelledby="add-person-title"
      onSubmit={submit}
      noValidate
    >
      <h2 id="add-person-title">{t('addPerson.title')}</h2>
      <div className="field-row">
        <TextField
          label={t('addPerson.firstName')}
          required
          maxLength={personLimits.firstName}
          error={message('firstName')}
          autoFocus
          {...form.register('firstName')}
        />
        <TextField
          label={t('addPerson.tussenvoegsel')}
          maxLength={personLimits.tussenvoegsel}
          error={message('tussenvoegsel')}
          className="narrow"
          {...form.register('tussenvoegsel')}
        />
        <TextField
          label={t('addPerson.lastName')}
          maxLength={personLimits.lastName}
          error={message('lastName')}
          {...form.register('lastName')}
        />
        <TextField
          label={t('addPerson.wijk')}
          maxLength={personLimits.wijk}
          error={message('wijk')}
          {...form.register('wijk')}
        />
      </div>
      <TextField
        label={t('addPerson.note')}
        multiline
        maxLength={personLimits.note}
        placeholder={t('addPerson.notePlaceholder')}
        error={message('note')}
        {...form.register('note')}
      />
      <FormFooter
        label={isSubmitting ? t('addPerson.saving') : t('addPerson.submit')}
        busy={isSubmitting}
        status={saved ? t('addPerson.saved', { name: displayName(saved) }) : ''}
        failure={failure}
      />
    </form>
  )
}
