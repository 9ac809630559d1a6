import type { RowDecisionInput } from '../../../shared/import'

/** Her choices per row of the file (by its row number): skip, fixes, duplicates, problems. */
export type Decisions = ReadonlyMap<number, RowDecisionInput>
