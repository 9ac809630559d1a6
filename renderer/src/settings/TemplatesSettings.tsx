import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useFieldArray, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import {
  saveTemplatesSchema,
  templateFields,
  templateLimits,
  type MailTemplate,
} from '../../../shared/templates'
import { call, sprokkel } from '../ui/api'
import { FormFooter } from '../ui/FormFooter'
import { fieldError } from '../ui/formErrors'
import { TextField } from '../ui/TextField'
import { useLoad } from '../ui/useLoad'

type TemplatesForm = z.input<typeof saveTemplatesSchema>

/** The fields as she types them in a template, for the hint ("{{voornaam}}"). */
const placeholders: Record<string, string> = Object.fromEntries(
  templateFields.map((field) => [field, `{{${field}}}`]),
)

/** Her mail templates: a name, a subject and a text with {{voornaam}} and the like in it. */
export function TemplatesSettings() {
  const { t } = useTranslation()
  const stored = useLoad(() => sprokkel().templates.list(), [])
  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templates.title')}</h2>
      <p className="muted">{t('templates.hint')}</p>
      {stored.value && <TemplatesEditor stored={stored.value} />}
    </section>
  )
}

function TemplatesEditor({ stored }: { stored: MailTemplate[] }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const form = useForm<TemplatesForm, unknown, z.output<typeof saveTemplatesSchema>>({
    resolver: zodResolver(saveTemplatesSchema),
    defaultValues: { templates: stored },
  })
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'templates' })
  const error = fieldError(form.getFieldState, form.formState, t)
  const save = form.handleSubmit(async ({ templates }) => {
    setStatus('')
    const result = await call(
      () => sprokkel().templates.save({ templates }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.issues?.[0]?.message ?? result.error.message)
    setFailure('')
    form.reset({ templates: result.value })
    setStatus(t('templates.saved'))
  })
  return (
    <form onSubmit={(event) => void save(event)} aria-label={t('templates.title')} noValidate>
      {fields.map((field, index) => (
        <fieldset key={field.id} className="inline-fieldset template">
          <legend>{form.getValues(`templates.${index}.name`) || t('templates.new')}</legend>
          <TextField
            label={t('templates.name')}
            maxLength={templateLimits.name}
            error={error(`templates.${index}.name`)}
            {...form.register(`templates.${index}.name`)}
          />
          <TextField
            label={t('templates.subject')}
            maxLength={templateLimits.subject}
            error={error(`templates.${index}.subject`)}
            {...form.register(`templates.${index}.subject`)}
          />
          <TextField
            multiline
            label={t('templates.body')}
            hint={t('templates.fields', placeholders)}
            maxLength={templateLimits.body}
            error={error(`templates.${index}.body`)}
            {...form.register(`templates.${index}.body`)}
          />
          <button type="button" className="link" onClick={() => remove(index)}>
            {t('templates.remove', {
              name: form.getValues(`templates.${index}.name`) || t('templates.new'),
            })}
          </button>
        </fieldset>
      ))}
      {fields.length < templateLimits.count && (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            append({ id: `eigen-${Date.now().toString(36)}`, name: '', subject: '', body: '' })
          }
        >
          {t('templates.add')}
        </button>
      )}
      <FormFooter
        label={t('templates.save')}
        busy={form.formState.isSubmitting}
        status={status}
        failure={failure}
        primary={false}
      />
    </form>
  )
}
