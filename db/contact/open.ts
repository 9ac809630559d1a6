import type { Kysely } from 'kysely'
import type { ContactWay } from '../../shared/contact'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { Log } from '../platform/log'
import type { Platform } from '../platform/platform'
import { StoreError } from '../store/errors'
import type { Database } from '../store/schema'
import { contactLink } from './links'

/**
 * Opens her mail client, phone app or WhatsApp for one resident, through the OS: the link is built
 * here from what the ledger holds (links.ts), and the shell opens only links of those shapes. The
 * log says which way, never to whom.
 */
export async function openContact(
  db: Kysely<Database>,
  platform: Pick<Platform, 'openExternal'>,
  log: Log,
  input: { personId: string; via: ContactWay },
): Promise<{ via: ContactWay }> {
  const person = await db
    .selectFrom('person')
    .select(['email', 'phone'])
    .where('id', '=', input.personId)
    .where('deleted_at', 'is', null)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst()
  if (!person) throw new StoreError('not_found', translate(nl, 'errors.personNotFound'))
  const link = contactLink(input.via, person)
  if (!link) {
    throw new StoreError('invalid_input', translate(nl, `contact.cannot.${input.via}`))
  }
  await platform.openExternal(link)
  log.info('contact.opened', { via: input.via })
  return { via: input.via }
}
