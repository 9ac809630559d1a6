import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { Controller, useForm, type FieldPath } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { tagKinds } from '../../../shared/ledger'
import {
  personLimits,
  updatePersonSchema,
  type UpdatePerson,
  type UpdatePersonInput,
} from '../../../shared/person'
import { type PersonDetail } from '../../../shared/person-detail'
import { call, sprokkel } from '../ui/api'
import { FormFooter } from '../ui/FormFooter'
import { fieldError, showServerErrors } from '../ui/formErrors'
import { useNavigation } from '../shell/navigation'
import { ageBandOptions, cadenceOptions, channelOptions } from '../ui/options'
import { RouteSelect } from '../ui/RouteSelect'
import { SelectField } from '../ui/SelectField'
import { TagInput } from '../ui/TagInput'
import { TextField } from '../ui/TextField'
import { WeekGrid } from '../ui/WeekGrid'
import { WijkList, wijkListId } from '../ui/WijkList'

/** What the form shows for a stored person: empty strings where nothing is known. */
export const toFormValues = (p: PersonDetail): UpdatePersonInput => ({
  id: p.id,
  firstName: p.firstName,
  tussenvoegsel: p.tussenvoegsel ?? '',
  lastName: p.lastName ?? '',
  nickname: p.nickname ?? '',
  street: p.street ?? '',
  houseNumber: p.houseNumber ?? '',
  postcode: p.postcode ?? '',
  wijk: p.wijk ?? '',
  phone: p.phone ?? '',
  email: p.email ?? '',
  wish: p.wish ?? '',
  strength: p.strength ?? '',
  need: p.need ?? '',
  note: p.note ?? '',
  tags: p.tags.map(({ kind, name }) => ({ kind, name })),
  availability: p.availability,
  availableFrom: p.availableFrom ?? '',
  availabilityNote: p.availabilityNote ?? '',
  metChannel: p.metChannel ?? '',
  referredBy: p.referredBy ?? '',
  firstMetOn: p.firstMetOn ?? '',
  ageBand: p.ageBand ?? '',
  cadence: p.cadence ?? '',
})

/** Everything about one person, to read and change; unsaved changes are never silently lost. */
export function PersonForm({
  person,
  onSaved,
}: {
  person: PersonDetail
  onSaved: (person: PersonDetail) => void
}) {
  const { t } = useTranslation()
  const { setUnsaved } = useNavigation()
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const form = useForm<UpdatePersonInput, unknown, UpdatePerson>({
    resolver: zodResolver(updatePersonSchema),
    defaultValues: toFormValues(person),
  })
  const { formState } = form
  const { isDirty, isSubmitting } = formState
  const { register, control } = form

  useEffect(() => {
    setUnsaved(isDirty)
  }, [isDirty, setUnsaved])
  useEffect(() => () => setUnsaved(false), [setUnsaved])

  const error = fieldError(form.getFieldState, formState, t)

  const submit = form.handleSubmit(async (values) => {
    setFailure('')
    const result = await call(() => sprokkel().people.update(values), t('errors.unreachable'))
    if (!result.ok) return setFailure(showServerErrors(form.setError, result.error))
    form.reset(toFormValues(result.value))
    setStatus(t('person.saved'))
    onSaved(result.value)
  })

  const text = (field: FieldPath<UpdatePersonInput>, label: string, max: number, extra = {}) => (
    <TextField label={label} maxLength={max} error={error(field)} {...register(field)} {...extra} />
  )

  return (
    <form className="person-form" onSubmit={submit} noValidate aria-label={t('person.names')}>
      <fieldset className="card">
        <legend>{t('person.names')}</legend>
        <div className="field-row">
          {text('firstName', t('fields.firstName'), personLimits.firstName, { required: true })}
          {text('tussenvoegsel', t('fields.tussenvoegsel'), personLimits.tussenvoegsel)}
          {text('lastName', t('fields.lastName'), personLimits.lastName)}
          {text('nickname', t('fields.nickname'), personLimits.nickname)}
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t('person.where')}</legend>
        <div className="field-row">
          {text('street', t('fields.street'), personLimits.street)}
          {text('houseNumber', t('fields.houseNumber'), personLimits.houseNumber)}
          {text('postcode', t('fields.postcode'), 10)}
          {text('wijk', t('fields.wijk'), personLimits.wijk, { list: wijkListId })}
          {text('phone', t('fields.phone'), personLimits.phone, { type: 'tel' })}
          {text('email', t('fields.email'), personLimits.email, { type: 'email' })}
        </div>
        <WijkList />
      </fieldset>
      <fieldset className="card">
        <legend>{t('person.threeQuestions')}</legend>
        {text('wish', t('person.wish'), personLimits.text, { multiline: true })}
        {text('strength', t('person.strength'), personLimits.text, { multiline: true })}
        {text('need', t('person.need'), personLimits.text, { multiline: true })}
        <Controller
          control={control}
          name="tags"
          render={({ field }) => (
            <div className="tag-row">
              {tagKinds.map((kind) => (
                <TagInput
                  key={kind}
                  kind={kind}
                  value={field.value ?? []}
                  onChange={field.onChange}
                />
              ))}
            </div>
          )}
        />
      </fieldset>
      <fieldset className="card">
        <legend>{t('person.availability')}</legend>
        <Controller
          control={control}
          name="availability"
          render={({ field }) => <WeekGrid value={field.value ?? []} onChange={field.onChange} />}
        />
        <div className="field-row">
          {text('availableFrom', t('fields.availableFrom'), 10, { type: 'date' })}
          {text('availabilityNote', t('fields.availabilityNote'), 500)}
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t('person.meeting')}</legend>
        <div className="field-row">
          <SelectField
            label={t('fields.metChannel')}
            options={channelOptions(t, true)}
            error={error('metChannel')}
            {...register('metChannel')}
          />
          <RouteSelect
            label={t('fields.referredBy')}
            current={person.referredBy}
            error={error('referredBy')}
            {...register('referredBy')}
          />
          {text('firstMetOn', t('fields.firstMetOn'), 10, { type: 'date' })}
          <SelectField
            label={t('cadence.label')}
            options={cadenceOptions(t)}
            error={error('cadence')}
            {...register('cadence')}
          />
          <SelectField
            label={t('person.ageBand')}
            options={ageBandOptions(t)}
            error={error('ageBand')}
            {...register('ageBand')}
          />
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t('fields.note')}</legend>
        {text('note', t('fields.note'), personLimits.note, { multiline: true })}
      </fieldset>
      <FormFooter
        label={t('person.save')}
        busy={isSubmitting}
        // "Saved" holds until she changes something again.
        status={isDirty ? '' : status}
        failure={failure}
        sticky
      />
    </form>
  )
}
