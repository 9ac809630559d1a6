import type { Kysely } from 'kysely'
import type { ContactWay, OpenContact } from '../../shared/contact'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { Log } from '../platform/log'
import type { Platform } from '../platform/platform'
import { StoreError } from '../store/errors'
import type { Database } from '../store/schema'
import { fillTemplate } from '../../shared/templates'
import { readSettings } from '../ledger/settings'
import type { MailMany, MailManyOutcome } from '../../shared/bulk'
import { mailManyLimit } from '../../shared/bulk'
import { localDate } from '../../shared/dates'
import { selectedIds } from '../bulk/actions'
import { inIds } from '../store/in-ids'
import { bccLink, contactLink, mailAddress } from './links'
import { readTemplates } from './templates'

/**
 * Opens her mail client, phone app or WhatsApp for one resident, through the OS: the link is built
 * here from what the ledger holds (links.ts), and the shell opens only links of those shapes. The
 * log says which way, never to whom.
 */
export async function openContact(
  db: Kysely<Database>,
  platform: Pick<Platform, 'openExternal'>,
  log: Log,
  input: OpenContact,
): Promise<{ via: ContactWay }> {
  const person = await db
    .selectFrom('person')
    .select(['first_name', 'nickname', 'email', 'phone'])
    .where('id', '=', input.personId)
    .where('deleted_at', 'is', null)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst()
  if (!person) throw new StoreError('not_found', translate(nl, 'errors.personNotFound'))
  const mail =
    input.via === 'email' && input.templateId
      ? await filledTemplate(db, input.personId, person, input.templateId, input.followUpId)
      : undefined
  const link = contactLink(input.via, person, mail)
  if (!link) {
    throw new StoreError('invalid_input', translate(nl, `contact.cannot.${input.via}`))
  }
  await platform.openExternal(link)
  log.info('contact.opened', { via: input.via, template: mail !== undefined })
  return { via: input.via }
}

/**
 * One mail to the residents she selected, every address as BCC: her mail client opens with the
 * template filled in for them all ("Beste allemaal"); nobody sees another's address. The log says
 * how many, never who.
 */
export async function mailMany(
  db: Kysely<Database>,
  platform: Pick<Platform, 'openExternal' | 'now'>,
  log: Log,
  input: MailMany,
): Promise<MailManyOutcome> {
  const ids = await selectedIds(db, input.selection, localDate(platform.now()))
  const people = await db.selectFrom('person').select('email').where(inIds('id', ids)).execute()
  const addresses = [...new Set(people.flatMap((person) => mailAddress(person.email) ?? []))].sort()
  if (addresses.length === 0)
    throw new StoreError('invalid_input', translate(nl, 'bulk.noAddresses'))
  if (addresses.length > mailManyLimit) {
    throw new StoreError(
      'invalid_input',
      translate(nl, 'bulk.tooManyAddresses', { count: addresses.length, max: mailManyLimit }),
    )
  }
  const mail = input.templateId
    ? await templateFor(db, input.templateId, {
        voornaam: translate(nl, 'bulk.everyone'),
        reden: null,
        initiatief: null,
      })
    : undefined
  const link = bccLink(addresses, mail)
  if (!link) throw new StoreError('invalid_input', translate(nl, 'bulk.noAddresses'))
  await platform.openExternal(link)
  log.info('contact.mailedMany', { count: addresses.length, template: mail !== undefined })
  const reachable = people.filter((person) => mailAddress(person.email) !== null).length
  return { sent: addresses.length, without: ids.length - reachable }
}

/** One of her templates, filled in with these values and her own name. */
async function templateFor(
  db: Kysely<Database>,
  templateId: string,
  values: { voornaam: string; reden: string | null; initiatief: string | null },
): Promise<{ subject: string; body: string }> {
  const template = (await readTemplates(db)).find((candidate) => candidate.id === templateId)
  if (!template) throw new StoreError('not_found', translate(nl, 'contact.noTemplate'))
  const filled = { ...values, mijnNaam: (await readSettings(db)).workerName }
  return {
    subject: fillTemplate(template.subject, filled),
    body: fillTemplate(template.body, filled),
  }
}

/**
 * One of her templates with his first name (or the name he goes by), the follow-up's reason, her
 * name and the initiative of his newest connection filled in.
 */
async function filledTemplate(
  db: Kysely<Database>,
  personId: string,
  person: { first_name: string; nickname: string | null },
  templateId: string,
  followUpId: string | undefined,
): Promise<{ subject: string; body: string }> {
  const followUp = followUpId
    ? await db
        .selectFrom('follow_up')
        .select('reason')
        .where('id', '=', followUpId)
        .where('person_id', '=', personId)
        .executeTakeFirst()
    : undefined
  const initiative = await db
    .selectFrom('connection')
    .innerJoin('initiative', 'initiative.id', 'connection.initiative_id')
    .select('initiative.name')
    .where('connection.person_id', '=', personId)
    .orderBy('connection.date', 'desc')
    .orderBy('connection.created_at', 'desc')
    .executeTakeFirst()
  return templateFor(db, templateId, {
    voornaam: person.nickname || person.first_name,
    reden: followUp?.reason ?? null,
    initiatief: initiative?.name ?? null,
  })
}
