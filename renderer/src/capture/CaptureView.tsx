import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useRef, useState } from 'react'
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import {
  address,
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
import { RouteSelect } from '../ui/RouteSelect'
import { SelectField } from '../ui/SelectField'
import { keepDraft, takeDraft } from '../ui/drafts'
import { SimilarWarning, similarShortcut } from './SimilarWarning'
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
  phone: '',
  email: '',
  wish: '',
  strength: '',
  need: '',
  tags: [],
  referredBy: '',
  moment: { date: round.date, channel: round.channel, place: '', note: '' },
  followUpPick: '',
  followUpReason: '',
})

/** Someone recorded this round: a link to them, and their street to tell namesakes apart. */
interface Recorded {
  id: string
  name: string
  street: string
}

/** What Na de ronde keeps when she goes elsewhere halfway: her typing, the round, its list. */
interface CaptureDraft {
  values: NewPersonInput
  round: RoundDefaults
  recorded: Recorded[]
}

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
  // Back from opening a namesake (or anywhere else): what she typed is still here.
  const [draft] = useState(() => takeDraft<CaptureDraft>('capture'))
  const [round, setRound] = useState<RoundDefaults>(
    draft?.round ?? { date: today, channel: 'straat', wijk: '' },
  )
  const [recorded, setRecorded] = useState<Recorded[]>(draft?.recorded ?? [])
  const [status, setStatus] = useState(draft ? t('capture.draftBack') : '')
  const [failure, setFailure] = useState('')
  const form = useForm<NewPersonInput, unknown, NewPerson>({
    resolver: zodResolver(newPersonSchema),
    defaultValues: blank(round),
    ...(draft ? { values: draft.values, resetOptions: { keepDefaultValues: true } } : {}),
  })
  const { register, control, formState } = form

  // Nothing she typed is lost by leaving: it is kept as a draft (see ui/drafts.ts), so leaving
  // asks nothing; closing the window still does.
  const kept = useRef({ round, recorded })
  useEffect(() => {
    kept.current = { round, recorded }
  }, [round, recorded])
  useEffect(() => {
    setUnsaved(formState.isDirty ? 'kept' : false)
  }, [formState.isDirty, setUnsaved])
  useEffect(
    () => () => {
      setUnsaved(false)
      if (form.formState.isDirty || kept.current.recorded.length > 0) {
        keepDraft<CaptureDraft>('capture', { values: form.getValues(), ...kept.current })
      }
    },
    [form, setUnsaved],
  )

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
      setRecorded((list) => [{ id: result.value.id, name, street: address(result.value) }, ...list])
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
    setRecorded((list) => [{ id: match.person.id, name, street: address(match.person) }, ...list])
    next(t('capture.momentAdded', { name }), moment, form.getValues('wijk'))
  }

  // Alt+L goes to the "lijkt op" warning on purpose; Esc there comes back to where she typed.
  const [inWarning, setInWarning] = useState(false)
  const typingIn = useRef<HTMLElement | null>(null)
  const toWarning = () => {
    const first = document.querySelector<HTMLButtonElement>('.similar button')
    if (!first) return
    typingIn.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setInWarning(true)
    first.focus()
  }
  const leaveWarning = (back: boolean) => {
    setInWarning(false)
    if (!back) return
    if (typingIn.current?.isConnected) typingIn.current.focus()
    else form.setFocus('firstName')
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
        aria-keyshortcuts={similar.length > 0 ? similarShortcut.label : undefined}
        onKeyDown={(event) => {
          if (event.altKey && event.key.toLowerCase() === similarShortcut.key) {
            event.preventDefault()
            toWarning()
            return
          }
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
          entered={inWarning}
          onLeave={leaveWarning}
          onOpen={(id) => go('people', id)}
          onAddMoment={(match) => void addToExisting(match)}
        />
        <div className="field-row">
          {text('phone', t('fields.phone'), personLimits.phone, { type: 'tel' })}
          {text('email', t('fields.email'), personLimits.email, { type: 'email' })}
        </div>
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
          {text('followUpReason', t('capture.followUpReason'), 200)}
        </div>
        <fieldset className="inline-fieldset">
          <legend>{t('capture.contact')}</legend>
          {/* The note first: the day and how carry over from the person before. */}
          <div className="field-row">
            {text('moment.note', t('moment.note'), personLimits.text)}
            {text('moment.date', t('moment.date'), 10, { type: 'date' })}
            <SelectField
              label={t('moment.channel')}
              options={channelOptions(t)}
              error={error('moment.channel')}
              {...register('moment.channel')}
            />
            <RouteSelect
              label={t('fields.referredBy')}
              error={error('referredBy')}
              {...register('referredBy')}
            />
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
            {recorded.map((person, index) => (
              <li key={`${recorded.length - index}`}>
                <button
                  type="button"
                  className="link person-name"
                  aria-label={t('capture.openRecorded', { name: person.name })}
                  onClick={() => go('people', person.id)}
                >
                  {person.name}
                </button>
                {person.street && <span className="muted"> · {person.street}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  )
}
