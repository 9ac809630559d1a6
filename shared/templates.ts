import { z } from 'zod'

/**
 * Mail templates she edits in Instellingen, in Dutch, with fields filled in from the resident and
 * her work: {{voornaam}}, {{reden}} (the follow-up's), {{mijnNaam}} (Instellingen) and
 * {{initiatief}} (his most recent connection's). db/contact/ fills them in the main process.
 */
export const templateFields = ['voornaam', 'reden', 'mijnNaam', 'initiatief'] as const
export type TemplateField = (typeof templateFields)[number]

export const templateLimits = { name: 60, subject: 150, body: 2000, count: 20 } as const

export const mailTemplateSchema = z.strictObject(
  {
    id: z.string().min(1).max(40),
    name: z
      .string({ error: 'validation.invalid' })
      .trim()
      .min(1, { error: 'validation.required' })
      .max(templateLimits.name, { error: 'validation.tooLong' }),
    subject: z
      .string({ error: 'validation.invalid' })
      .max(templateLimits.subject, { error: 'validation.tooLong' }),
    body: z
      .string({ error: 'validation.invalid' })
      .max(templateLimits.body, { error: 'validation.tooLong' }),
  },
  { error: 'validation.invalid' },
)
export type MailTemplate = z.output<typeof mailTemplateSchema>

export const saveTemplatesSchema = z.strictObject(
  {
    templates: z
      .array(mailTemplateSchema)
      .max(templateLimits.count, { error: 'validation.tooMany' }),
  },
  { error: 'validation.invalid' },
)

export const defaultTemplates: MailTemplate[] = [
  {
    id: 'pensioen',
    name: 'Na je pensioen',
    subject: 'Hoe gaat het, {{voornaam}}?',
    body:
      'Beste {{voornaam}},\n\nEen jaar geleden vertelde je dat je na je pensioen wel iets wilde doen in de wijk. ' +
      'Is dat nog zo? Ik denk graag met je mee.\n\nHartelijke groet,\n{{mijnNaam}}',
  },
  {
    id: 'initiatief',
    name: 'Hoe gaat het bij het initiatief?',
    subject: 'Hoe gaat het bij {{initiatief}}?',
    body: 'Beste {{voornaam}},\n\nHoe gaat het bij {{initiatief}}? Ik hoor graag hoe het je bevalt.\n\nHartelijke groet,\n{{mijnNaam}}',
  },
  {
    id: 'terugkomen',
    name: 'Zoals afgesproken',
    subject: 'Zoals afgesproken',
    body: 'Beste {{voornaam}},\n\nZoals afgesproken kom ik bij je terug: {{reden}}.\n\nHartelijke groet,\n{{mijnNaam}}',
  },
]

/** The text with each {{field}} filled in; a field without a value becomes empty. */
export function fillTemplate(
  text: string,
  values: Partial<Record<TemplateField, string | null>>,
): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, field: string) =>
    (templateFields as readonly string[]).includes(field)
      ? (values[field as TemplateField] ?? '')
      : whole,
  )
}
