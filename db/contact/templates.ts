import type { Kysely } from 'kysely'
import { defaultTemplates, mailTemplateSchema, type MailTemplate } from '../../shared/templates'
import { getSetting, setSetting } from '../ledger/settings'
import type { Database } from '../store/schema'

/** Her mail templates (Instellingen), or the Dutch ones the app starts with. */

const templatesKey = 'mailTemplates'

export async function readTemplates(db: Kysely<Database>): Promise<MailTemplate[]> {
  const stored = await getSetting(db, templatesKey)
  if (stored === undefined) return defaultTemplates
  const parsed = mailTemplateSchema.array().safeParse(JSON.parse(stored))
  return parsed.success ? parsed.data : defaultTemplates
}

export async function saveTemplates(
  db: Kysely<Database>,
  templates: MailTemplate[],
): Promise<MailTemplate[]> {
  await setSetting(db, templatesKey, JSON.stringify(templates))
  return readTemplates(db)
}
