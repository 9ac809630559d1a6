import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import {
  displayName,
  momentFieldsSchema,
  newPersonSchema,
  personLimits,
  type NewPerson,
  type MomentFields,
  type NewPersonInput,
  type SimilarPerson,
} from '../../../shared/person'
import { call, sprokkel } from '../ui/api'
import { useLoad } from '../ui/useLoad'
import { FormFooter } from '../ui/FormFooter'
import { fieldError, showServerErrors } from '../ui/formErrors'
import { SelectField } from '../ui/SelectField'
import { SimilarWarning } from './SimilarWarning'
import { TagInput } from '../ui/TagInput'
import { TextField } from '../ui/TextField'
import { WijkList, wijkListId } from '../ui/WijkList'
import { useNavigation } from '../shell/navigation'
import { channelOptions, followUpOptions } from '../ui/options'
import { useToday } from '../ui/useToday'
import './capture.css'

/** What a round shares from one person to the next: the day, how, and where. */
interface RoundDefaults {
  date: string
  channel: NonNullable<NewPersonInput['moment']>['channel']
  wijk: string
}

const blank = (round: RoundDefaults): NewPersonInput => ({
  firstName: '',
  tussenvoegsel: '',
  lastName: '',
  street: '',
  houseNumber: '',
  wijk: round.wijk,
  wish: '',
  strength: '',
  need: '',
  tags: [],
  moment: { date: round.date, channel: round.channel, place: '', note: '' },
  followUpPick: '',
})

/** "Na de ronde": several people in a row, keyboard only; Enter saves and starts the next one. */
export function CaptureView() {
  const today = useToday()
  const { t } = useTranslation()
  // The form waits for the main side's today, so the round starts on the right day.
  return today ? <CaptureForm today={today} /> : <p className="muted">{t('people.loading')}</p>
}

function CaptureForm({ today }: { today: string }) {
  const { t } = useTranslation()
  const { go, setUnsaved } = useNavigation()
  const [round, setRound] = useState<RoundDefaults>({ date: today, channel: 'straat', wijk: '' })
  const [recorded, setRecorded] = useState<string[]>([])
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const form = useForm<NewPersonInput, unknown, NewPerson>({
    resolver: zodResolver(newPersonSchema),
    defaultValues: blank(round),
  })
  const { register, control, formState } = form

  useEffect(() => {
    setUnsaved(formState.isDirty)
  }, [formState.isDirty, setUnsaved])
  useEffect(() => () => setUnsaved(false), [setUnsaved])

  // "Lijkt op" while she types the name and street: the latest answer wins.
  const [firstName, tussenvoegsel, lastName, street, houseNumber] = useWatch({
    control,
    name: ['firstName', 'tussenvoegsel', 'lastName', 'street', 'houseNumber'],
  })
  const similar: SimilarPerson[] =
    useLoad(
      () => sprokkel().people.similar({ firstName, tussenvoegsel, lastName, street, houseNumber }),
      [firstName, tussenvoegsel, lastName, street, houseNumber],
    ).value ?? []

  /** Clears the form for the next person, keeping what the round shares. */
  const next = (message: string, moment: MomentFields | undefined, wijk: string | undefined) => {
    const carried: RoundDefaults = {
      date: moment?.date ?? round.date,
      channel: moment?.channel ?? round.channel,
      wijk: wijk ?? '',
    }
    setRound(carried)
    form.reset(blank(carried), { keepFieldsRef: true })
    setStatus(message)
    form.setFocus('firstName')
  }

  const error = fieldError(form.getFieldState, formState, t)

  const save = form.handleSubmit(
    async (values) => {
      setFailure('')
      const result = await call(() => sprokkel().people.create(values), t('errors.unreachable'))
      if (!result.ok) return setFailure(showServerErrors(form.setError, result.error))
      const name = displayName(result.value)
      setRecorded((list) => [name, ...list])
      next(t('capture.saved', { name }), values.moment, values.wijk)
    },
    () => setStatus(''),
  )

  const addToExisting = async (match: SimilarPerson) => {
    const parsed = momentFieldsSchema.safeParse(form.getValues('moment'))
    if (!parsed.success) return void form.trigger('moment')
    const moment = parsed.data
    const result = await call(
      () => sprokkel().moments.add({ personId: match.person.id, ...moment }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.message)
    const name = displayName(match.person)
    setRecorded((list) => [name, ...list])
    next(t('capture.momentAdded', { name }), moment, form.getValues('wijk'))
  }

  const text = (field: FieldPath<NewPersonInput>, label: string, max: number, extra = {}) => (
    <TextField label={label} maxLength={max} error={error(field)} {...register(field)} {...extra} />
  )

  return (
    <section aria-labelledby="view-title" className="view">
      <header className="view-header">
        <h1 id="view-title">{t('capture.title')}</h1>
      </header>
      <p className="muted">{t('capture.intro')}</p>
      <form
        className="card capture"
        onSubmit={save}
        noValidate
        aria-label={t('capture.title')}
        onKeyDown={(event) => {
          // Browsers submit on Enter only from text fields; here Enter saves from a choice too.
          if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
            event.preventDefault()
            event.currentTarget.requestSubmit()
          }
        }}
      >
        <div className="field-row">
          {text('firstName', t('fields.firstName'), personLimits.firstName, {
            required: true,
            autoFocus: true,
          })}
          {text('tussenvoegsel', t('fields.tussenvoegsel'), personLimits.tussenvoegsel)}
          {text('lastName', t('fields.lastName'), personLimits.lastName)}
        </div>
        <div className="field-row">
          {text('street', t('fields.street'), personLimits.street)}
          {text('houseNumber', t('fields.houseNumber'), personLimits.houseNumber)}
          {text('wijk', t('fields.wijk'), personLimits.wijk, { list: wijkListId })}
        </div>
        <WijkList />
        <SimilarWarning
          similar={similar}
          onOpen={(id) => go('people', id)}
          onAddMoment={(match) => void addToExisting(match)}
        />
        <div className="field-row">
          {text('wish', t('person.wish'), personLimits.text)}
          {text('strength', t('person.strength'), personLimits.text)}
          {text('need', t('person.need'), personLimits.text)}
        </div>
        <div className="field-row">
          <Controller
            control={control}
            name="tags"
            render={({ field }) => (
              <TagInput kind="passion" value={field.value ?? []} onChange={field.onChange} />
            )}
          />
          {/* Right after the passions: one Tab away, chosen with the arrow keys. */}
          <SelectField
            label={t('capture.followUp')}
            options={followUpOptions(t)}
            error={error('followUpPick')}
            {...register('followUpPick')}
          />
        </div>
        <fieldset className="inline-fieldset">
          <legend>{t('capture.contact')}</legend>
          <div className="field-row">
            {text('moment.date', t('moment.date'), 10, { type: 'date' })}
            <SelectField
              label={t('moment.channel')}
              options={channelOptions(t)}
              error={error('moment.channel')}
              {...register('moment.channel')}
            />
            {text('moment.note', t('moment.note'), personLimits.text)}
          </div>
        </fieldset>
        <FormFooter
          label={similar.length > 0 ? t('capture.saveAsNew') : t('capture.save')}
          busy={formState.isSubmitting}
          status={status}
          failure={failure}
        />
      </form>
      {recorded.length > 0 && (
        <section className="card" aria-labelledby="recorded-title">
          <h2 id="recorded-title">{t('capture.thisRound')}</h2>
          <ol className="recorded">
            {recorded.map((name, index) => (
              <li key={`${recorded.length - index}`}>{name}</li>
            ))}
          </ol>
        </section>
      )}
    </section>
  )
}
