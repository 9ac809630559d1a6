import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { WriteContext } from '../ledger/write-context'
import { StoreError } from '../store/errors'
import type { Database } from '../store/schema'
import { written, type Touched, type Written } from '../store/written'

/**
 * What takes a bulk action or a merge back: ids of what it changed (and, for a merge, the rows as
 * they were), kept in memory while the app runs, like the "Ongedaan maken" beside its message. It
 * runs once, in one transaction, and answers how many it put back and whom it touched (as a write
 * does: the search indexes follow).
 */
export type UndoStep = (
  trx: Transaction<Database>,
  at: WriteContext,
) => Promise<{ count: number } & Touched>

/** The newest few steps; an older one is forgotten (its message is long gone). */
export class UndoLog {
  private readonly steps = new Map<string, UndoStep>()

  constructor(private readonly keep = 20) {}

  remember(step: UndoStep): string {
    const id = randomUUID()
    this.steps.set(id, step)
    for (const old of this.steps.keys()) {
      if (this.steps.size <= this.keep) break
      this.steps.delete(old)
    }
    return id
  }

  take(id: string): UndoStep | undefined {
    const step = this.steps.get(id)
    this.steps.delete(id)
    return step
  }

  /** Another store was put in place (a restore): nothing here is about it. */
  clear(): void {
    this.steps.clear()
  }
}

export async function runUndo(
  db: Kysely<Database>,
  log: UndoLog,
  id: string,
  at: WriteContext,
): Promise<Written<{ count: number }>> {
  const step = log.take(id)
  if (!step) throw new StoreError('not_found', translate(nl, 'bulk.undoGone'))
  const { count, ...touched } = await db.transaction().execute((trx) => step(trx, at))
  return written({ count }, touched)
}
