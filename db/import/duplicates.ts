import type { Kysely } from 'kysely'
import type { DuplicateMatch, DuplicateReason, PreviewPerson } from '../../shared/import'
import { phoneDigits } from '../../shared/ledger'
import { displayName } from '../../shared/person'
import { foldKey } from '../../shared/text'
import type { Database } from '../store/schema'
import { inIds } from '../store/in-ids'

/** What of a person the finder reads: a row of a file, or a resident of a handover. */
export type Findable = Pick<
  PreviewPerson,
  'firstName' | 'tussenvoegsel' | 'lastName' | 'phone' | 'email' | 'street' | 'houseNumber'
>

/** What two records are compared on. The name alone never makes a match. */
interface Keys {
  name: string
  nameKey: string
  phone: string | null
  email: string | null
  address: string | null
}

interface Known extends Keys {
  personId?: string
  row?: number
  /** In the order they were added: the ledger first, then the file's rows from the top. */
  order: number
}
const phoneKey = phoneDigits

const addressKey = (street: string | null | undefined, houseNumber: string | null | undefined) =>
  street && houseNumber ? foldKey(`${street} ${houseNumber}`) : null

function keysOf(person: {
  firstName: string
  tussenvoegsel: string | null
  lastName: string | null
  phone: string | null
  email: string | null
  street: string | null
  houseNumber: string | null
}): Keys {
  const name = displayName(person)
  return {
    name,
    nameKey: foldKey(name),
    phone: phoneKey(person.phone),
    email: person.email ? foldKey(person.email) : null,
    address: addressKey(person.street, person.houseNumber),
  }
}

function reasons(a: Keys, b: Keys): DuplicateReason[] {
  const found: DuplicateReason[] = []
  if (a.phone && a.phone === b.phone) found.push('phone')
  if (a.email && a.email === b.email) found.push('email')
  if (a.address && a.address === b.address) found.push('address')
  return found
}

/** The keys a match can be found by: the name with one of phone, e-mail, street + number. */
const matchKeys = (keys: Keys) =>
  [
    keys.phone && `${keys.nameKey}\u0000p${keys.phone}`,
    keys.email && `${keys.nameKey}\u0000e${keys.email}`,
    keys.address && `${keys.nameKey}\u0000a${keys.address}`,
  ].filter((key): key is string => !!key)

/**
 * Everyone in her ledger (archived ones too, not the trash) as the finder compares them. An
 * anonymised resident has nothing left to match on.
 */
export async function ledgerPeople(
  db: Kysely<Database>,
  ids?: readonly string[],
): Promise<(Findable & { id: string; firstName: string })[]> {
  let query = db
    .selectFrom('person')
    .select(['id', 'first_name', 'tussenvoegsel', 'last_name', 'phone', 'email', 'street'])
    .select('house_number')
    .where('deleted_at', 'is', null)
    .where('anonymised_at', 'is', null)
  if (ids) query = query.where(inIds('id', ids))
  const rows = await query.execute()
  return rows.map((p) => ({
    id: p.id,
    firstName: p.first_name,
    tussenvoegsel: p.tussenvoegsel,
    lastName: p.last_name,
    phone: p.phone,
    email: p.email,
    street: p.street,
    houseNumber: p.house_number,
  }))
}

/**
 * Finds who a row may already be: the same name and the same phone, e-mail or street + number,
 * first among the people in her ledger (archived ones too), then among earlier rows of the file.
 * Looked up by those pairs, so a list of 100,000 with many namesakes stays as quick as a short one.
 */
export class DuplicateFinder {
  private readonly byKey = new Map<string, Known[]>()
  private added = 0

  static async forLedger(db: Kysely<Database>): Promise<DuplicateFinder> {
    const finder = new DuplicateFinder()
    for (const { id, ...person } of await ledgerPeople(db)) {
      finder.add({ personId: id, ...keysOf(person) })
    }
    return finder
  }

  private add(keys: Omit<Known, 'order'>) {
    const known: Known = { ...keys, order: this.added++ }
    for (const key of matchKeys(known)) {
      const list = this.byKey.get(key)
      if (list) list.push(known)
      else this.byKey.set(key, [known])
    }
  }

  /** Who this row may be: someone in the ledger, else an earlier row of the file. */
  match(row: number, person: Findable): DuplicateMatch | null {
    if (!person.firstName) return null
    const keys = keysOf({ ...person, firstName: person.firstName })
    let ledger: Known | undefined
    let file: Known | undefined
    for (const key of matchKeys(keys)) {
      for (const known of this.byKey.get(key) ?? []) {
        if (known.personId) {
          if (!ledger || known.order < ledger.order) ledger = known
        } else if (known.row !== undefined && known.row < row) {
          if (!file || known.order < file.order) file = known
        }
      }
    }
    if (ledger) {
      const why = reasons(keys, ledger)
      return { kind: 'existing', personId: ledger.personId!, name: ledger.name, reasons: why }
    }
    if (file) return { kind: 'file', row: file.row!, name: file.name, reasons: reasons(keys, file) }
    return null
  }

  /** Remembers a row of the file, so that the rows after it are compared with it too. */
  remember(row: number, person: Findable): void {
    if (person.firstName) this.add({ row, ...keysOf({ ...person, firstName: person.firstName }) })
  }
}

/**
 * The pairs among these people that may be one resident (the "Mogelijk dubbel" list): the same
 * name and the same phone, e-mail or street + number, found by those keys, never by name alone.
 */
export function doublesAmong(
  people: readonly (Findable & { id: string; firstName: string })[],
): { a: string; b: string; reasons: DuplicateReason[] }[] {
  const byKey = new Map<string, number[]>()
  const keys = people.map((person) => keysOf(person))
  keys.forEach((key, index) => {
    for (const match of matchKeys(key)) {
      const group = byKey.get(match)
      if (group) group.push(index)
      else byKey.set(match, [index])
    }
  })
  const pairs = new Map<string, { a: string; b: string; reasons: DuplicateReason[] }>()
  for (const group of byKey.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [people[group[i]!]!, people[group[j]!]!]
        const id = a.id < b.id ? `${a.id}:${b.id}` : `${b.id}:${a.id}`
        if (!pairs.has(id)) {
          pairs.set(id, { a: a.id, b: b.id, reasons: reasons(keys[group[i]!]!, keys[group[j]!]!) })
        }
      }
    }
  }
  return [...pairs.values()]
}
