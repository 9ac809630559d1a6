import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { handoverExportSchema } from '../../../shared/handover'
import { call, sprokkel } from '../ui/api'
import { FormFooter } from '../ui/FormFooter'
import { fieldError } from '../ui/formErrors'
import { TextField } from '../ui/TextField'
import { useLoad } from '../ui/useLoad'

const handoverForm = z
  .object({
    all: z.boolean(),
    wijkIds: z.array(z.string()),
    includeNotes: z.boolean(),
    password: handoverExportSchema.shape.password,
    again: z.string(),
  })
  .refine((form) => form.password === form.again, {
    error: 'validation.pinsDiffer',
    path: ['again'],
  })
  .refine((form) => form.all || form.wijkIds.length > 0, {
    error: 'validation.chooseWijk',
    path: ['wijkIds'],
  })

/**
 * Overdragen: the residents of the wijken she chooses (or all), with or without the notes of
 * contact moments, in one file sealed with a password, saved where she chooses.
 */
export function HandoverSettings() {
  const { t } = useTranslation()
  const wijken = useLoad(() => sprokkel().wijken.list(), [])
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const form = useForm<z.input<typeof handoverForm>, unknown, z.output<typeof handoverForm>>({
    resolver: zodResolver(handoverForm),
    defaultValues: { all: true, wijkIds: [], includeNotes: true, password: '', again: '' },
  })
  const error = fieldError(form.getFieldState, form.formState, t)
  const all = useWatch({ control: form.control, name: 'all' })
  const submit = form.handleSubmit(async ({ all, wijkIds, includeNotes, password }) => {
    setStatus('')
    const result = await call(
      () => sprokkel().handover.export({ wijkIds: all ? null : wijkIds, includeNotes, password }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.issues?.[0]?.message ?? result.error.message)
    setFailure('')
    if (!result.value) return
    form.reset({ all, wijkIds, includeNotes, password: '', again: '' })
    setStatus(t('handover.saved', { file: result.value.fileName, count: result.value.people }))
  })
  return (
    <section className="card" aria-labelledby="handover-title">
      <h2 id="handover-title">{t('handover.title')}</h2>
      <p className="muted">{t('handover.hint')}</p>
      <form onSubmit={(event) => void submit(event)} aria-label={t('handover.make')} noValidate>
        <fieldset
          className="inline-fieldset"
          aria-describedby={error('wijkIds') ? 'handover-wijken-error' : undefined}
        >
          <legend>{t('handover.wijken')}</legend>
          <label className="checkbox">
            <input type="checkbox" {...form.register('all')} /> {t('handover.all')}
          </label>
          {!all &&
            (wijken.value ?? []).map((wijk) => (
              <label key={wijk.id} className="checkbox">
                <input type="checkbox" value={wijk.id} {...form.register('wijkIds')} /> {wijk.name}
              </label>
            ))}
          {error('wijkIds') && (
            <p id="handover-wijken-error" className="field-error">
              {error('wijkIds')}
            </p>
          )}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" {...form.register('includeNotes')} /> {t('handover.includeNotes')}
        </label>
        <div className="field-row">
          <TextField
            type="password"
            label={t('handover.password')}
            error={error('password')}
            {...form.register('password')}
          />
          <TextField
            type="password"
            label={t('handover.again')}
            error={error('again')}
            {...form.register('again')}
          />
        </div>
        <FormFooter
          label={t('handover.make')}
          busy={form.formState.isSubmitting}
          status={status}
          failure={failure}
          primary={false}
        />
      </form>
    </section>
  )
}
