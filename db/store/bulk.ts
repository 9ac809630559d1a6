import type SQLite from 'better-sqlite3-multiple-ciphers'
import type { Insertable } from 'kysely'
import type { Database } from './schema'

/**
 * Many rows into one table through one kept prepared statement, one row at a time: what an import
 * of 100,000 people needs. Kysely builds a query tree for every value of a multi-row insert, and
 * for a list that size that was most of the import's memory and a third of its time. Call it only
 * inside a transaction (`db.transaction()`): it runs on the same connection, so its rows are in
 * that transaction, all or nothing. Synchronous, like the driver.
 */
export interface BulkInsert {
  insert<T extends keyof Database>(table: T, rows: readonly Insertable<Database[T]>[]): void
}

const safeName = /^[a-z_]+$/

export function bulkInsert(sqlite: SQLite.Database): BulkInsert {
  const statements = new Map<string, SQLite.Statement>()
  return {
    insert(table, rows) {
      const first = rows[0]
      if (!first) return
      const columns = Object.keys(first)
      if (![table, ...columns].every((name) => safeName.test(name))) {
        throw new Error(`bulkInsert: unexpected name in ${table}(${columns.join(', ')})`)
      }
      const key = `${table}(${columns.join(',')})`
      let statement = statements.get(key)
      if (!statement) {
        statement = sqlite.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        )
        statements.set(key, statement)
      }
      const values: unknown[] = new Array(columns.length)
      for (const row of rows) {
        const record = row as Record<string, unknown>
        for (let i = 0; i < columns.length; i++) values[i] = record[columns[i]!] ?? null
        statement.run(values)
      }
    },
  }
}
