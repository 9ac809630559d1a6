import type { Insertable, Selectable } from 'kysely'

/** The tables as the current migrations leave them. Migrations themselves never import this. */
export interface Database {
  person: PersonTable
}

export interface PersonTable {
  id: string
  first_name: string
  tussenvoegsel: string | null
  last_name: string | null
  wijk: string | null
  note: string | null
  created_at: string
  updated_at: string
}

export type PersonRow = Selectable<PersonTable>
export type NewPersonRow = Insertable<PersonTable>
