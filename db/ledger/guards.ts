import type { Kysely } from 'kysely'
import { nl } from '../../shared/i18n/nl'
import { translate } from '../../shared/i18n/messages'
import { StoreError } from '../store/errors'
import type { Database } from '../store/schema'

export const personNotFound = () =>
  new StoreError('not_found', translate(nl, 'errors.personNotFound'))

/** The person, not in the trash; otherwise a "not found" the user can read. */
export async function requirePerson(db: Kysely<Database>, id: string): Promise<void> {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw personNotFound()
}
