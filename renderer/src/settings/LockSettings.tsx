import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { setLockSchema, type LockState } from '../../../shared/lock'
import { call, lockChanged, sprokkel } from '../ui/api'
import { FormFooter } from '../ui/FormFooter'
import { fieldError } from '../ui/formErrors'
import { TextField } from '../ui/TextField'
import { useLoad } from '../ui/useLoad'

const turnOnForm = z
  .object({
    pin: setLockSchema.shape.pin,
    again: z.string(),
    idleMinutes: setLockSchema.shape.idleMinutes,
  })
  .refine((form) => form.pin === form.again, { error: 'validation.pinsDiffer', path: ['again'] })

const turnOffForm = z.object({ currentPin: z.string().min(1, { error: 'validation.required' }) })

/**
 * Vergrendelen: a pincode or password at start and after her idle minutes. Turned on with the
 * pincode twice; turned off (or changed: off, then on) only with the current one.
 */
export function LockSettings() {
  const { t } = useTranslation()
  const state = useLoad(() => sprokkel().lock.state(), [])
  const lock = state.value
  return (
    <section className="card" aria-labelledby="lock-title">
      <h2 id="lock-title">{t('lock.settingsTitle')}</h2>
      <p className="muted">{t('lock.settingsHint')}</p>
      {lock &&
        (lock.enabled ? (
          <TurnOff minutes={lock.idleMinutes ?? 0} onDone={state.set} />
        ) : (
          <TurnOn onDone={state.set} />
        ))}
    </section>
  )
}

function TurnOn({ onDone }: { onDone: (state: LockState) => void }) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState('')
  const form = useForm<z.input<typeof turnOnForm>, unknown, z.output<typeof turnOnForm>>({
    resolver: zodResolver(turnOnForm),
    defaultValues: { pin: '', again: '', idleMinutes: 5 },
  })
  const error = fieldError(form.getFieldState, form.formState, t)
  const submit = form.handleSubmit(async ({ pin, idleMinutes }) => {
    const result = await call(
      () => sprokkel().lock.set({ pin, idleMinutes }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.issues?.[0]?.message ?? result.error.message)
    setFailure('')
    onDone(result.value)
    lockChanged()
  })
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('lock.turnOn')} noValidate>
      <div className="field-row">
        <TextField
          type="password"
          label={t('lock.newPin')}
          error={error('pin')}
          {...form.register('pin')}
        />
        <TextField
          type="password"
          label={t('lock.again')}
          error={error('again')}
          {...form.register('again')}
        />
        <TextField
          type="number"
          label={t('lock.idleMinutes')}
          error={error('idleMinutes')}
          {...form.register('idleMinutes', { valueAsNumber: true })}
        />
      </div>
      <FormFooter
        label={t('lock.turnOn')}
        busy={form.formState.isSubmitting}
        status=""
        failure={failure}
        primary={false}
      />
    </form>
  )
}

function TurnOff({ minutes, onDone }: { minutes: number; onDone: (state: LockState) => void }) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState('')
  const form = useForm<z.input<typeof turnOffForm>, unknown, z.output<typeof turnOffForm>>({
    resolver: zodResolver(turnOffForm),
    defaultValues: { currentPin: '' },
  })
  const error = fieldError(form.getFieldState, form.formState, t)
  const submit = form.handleSubmit(async ({ currentPin }) => {
    const result = await call(() => sprokkel().lock.remove({ currentPin }), t('errors.unreachable'))
    form.reset({ currentPin: '' })
    if (!result.ok) return setFailure(result.error.message)
    setFailure('')
    onDone(result.value)
    lockChanged()
  })
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('lock.turnOff')} noValidate>
      <p role="status">{t('lock.isOn', { minutes })}</p>
      <TextField
        type="password"
        label={t('lock.currentPin')}
        error={error('currentPin')}
        {...form.register('currentPin')}
      />
      <FormFooter
        label={t('lock.turnOff')}
        busy={form.formState.isSubmitting}
        status=""
        failure={failure}
        primary={false}
      />
    </form>
  )
}
