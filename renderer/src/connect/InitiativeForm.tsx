import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { Controller, useForm, type FieldPath } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import {
  initiativeFieldsSchema,
  initiativeKinds,
  initiativeLimits,
  initiativeStatuses,
  type Initiative,
  type InitiativeFields,
  type InitiativeFieldsInput,
} from '../../../shared/connect'
import { call, sprokkel } from '../ui/api'
import { FormFooter } from '../ui/FormFooter'
import { SelectField } from '../ui/SelectField'
import { TagInput } from '../ui/TagInput'
import { TextField } from '../ui/TextField'
import { WeekGrid } from '../ui/WeekGrid'
import { WijkList, wijkListId } from '../ui/WijkList'
import { fieldError, showServerErrors } from '../ui/formErrors'
import { useNavigation } from '../shell/navigation'
import { PersonPicker } from './PersonPicker'

const toFormValues = (initiative?: Initiative): InitiativeFieldsInput => ({
  name: initiative?.name ?? '',
  kind: initiative?.kind ?? 'activiteit',
  wijk: initiative?.wijk ?? '',
  themes: initiative?.themes ?? [],
  meets: initiative?.meets ?? [],
  meetsNote: initiative?.meetsNote ?? '',
  contactPersonId: initiative?.contactPerson?.id ?? '',
  contactName: initiative?.contactName ?? '',
  lookingFor: initiative?.lookingFor ?? '',
  status: initiative?.status ?? 'actief',
  note: initiative?.note ?? '',
})

/** An initiative or place, new or to change: name, kind, wijk, themes, when it meets, contact. */
export function InitiativeForm({
  initiative,
  onSaved,
}: {
  initiative?: Initiative
  onSaved: (initiative: Initiative) => void
}) {
  const { t } = useTranslation()
  const { setUnsaved } = useNavigation()
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const [contact, setContact] = useState(initiative?.contactPerson ?? null)
  const form = useForm<InitiativeFieldsInput, unknown, InitiativeFields>({
    resolver: zodResolver(initiativeFieldsSchema),
    defaultValues: toFormValues(initiative),
  })
  const { formState, register, control } = form
  const { isDirty, isSubmitting } = formState
  useEffect(() => {
    setUnsaved(isDirty)
  }, [isDirty, setUnsaved])
  useEffect(() => () => setUnsaved(false), [setUnsaved])
  const error = fieldError(form.getFieldState, formState, t)

  const submit = form.handleSubmit(async (values) => {
    setFailure('')
    const result = await call(
      () =>
        initiative
          ? sprokkel().initiatives.update({ ...values, id: initiative.id })
          : sprokkel().initiatives.create(values),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(showServerErrors(form.setError, result.error))
    form.reset(toFormValues(result.value))
    setStatus(t('connect.saved', { name: result.value.name }))
    onSaved(result.value)
  })

  const text = (
    field: FieldPath<InitiativeFieldsInput>,
    label: string,
    max: number,
    extra = {},
  ) => (
    <TextField label={label} maxLength={max} error={error(field)} {...register(field)} {...extra} />
  )

  return (
    <form
      className="initiative-form"
      onSubmit={submit}
      noValidate
      aria-label={initiative ? t('connect.editTitle') : t('connect.newTitle')}
    >
      <fieldset className="card">
        <legend>{initiative ? t('connect.editTitle') : t('connect.newTitle')}</legend>
        <div className="field-row">
          {text('name', t('connect.name'), initiativeLimits.name, {
            required: true,
            autoFocus: !initiative,
          })}
          <SelectField
            label={t('connect.kind')}
            options={initiativeKinds.map((kind) => ({
              value: kind,
              label: t(`connect.kinds.${kind}`),
            }))}
            {...register('kind')}
          />
          {text('wijk', t('fields.wijk'), 80, { list: wijkListId })}
          <SelectField
            label={t('connect.initiativeStatus')}
            options={initiativeStatuses.map((value) => ({
              value,
              label: t(`connect.initiativeStatuses.${value}`),
            }))}
            {...register('status')}
          />
        </div>
        <WijkList />
        <Controller
          control={control}
          name="themes"
          render={({ field }) => (
            <TagInput
              kind="theme"
              label={t('connect.themes')}
              suggestAllKinds
              value={(field.value ?? []).map((name) => ({ kind: 'theme' as const, name }))}
              onChange={(tags) => field.onChange(tags.map((tag) => tag.name))}
            />
          )}
        />
        {text('lookingFor', t('connect.lookingFor'), 500, {
          placeholder: t('connect.lookingForHint'),
        })}
        <Controller
          control={control}
          name="meets"
          render={({ field }) => (
            <WeekGrid
              legend={t('connect.meets')}
              value={field.value ?? []}
              onChange={field.onChange}
            />
          )}
        />
        {text('meetsNote', t('connect.meetsNote'), 200)}
        <div className="field-row">
          {text('contactName', t('connect.contactName'), 120)}
          <PersonPicker
            label={t('connect.contactPerson')}
            value={contact}
            onChange={(person) => {
              setContact(person)
              form.setValue('contactPersonId', person?.id ?? '', { shouldDirty: true })
            }}
          />
        </div>
        {text('note', t('fields.note'), 5000, { multiline: true })}
      </fieldset>
      <FormFooter
        label={initiative ? t('connect.save') : t('connect.add')}
        busy={isSubmitting}
        status={isDirty ? '' : status}
        failure={failure}
      />
    </form>
  )
}
