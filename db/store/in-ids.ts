import { sql, type RawBuilder } from 'kysely'

/**
 * `column IN (the ids)`, the ids bound as one JSON array: no limit on how many (SQLite binds at most
 * 32,766 values a statement), and one small query tree instead of one node per id.
 */
export const inIds = (column: string, ids: readonly string[]): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
