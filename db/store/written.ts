/**
 * What a write changed that derived data must follow: the search indexes and matching's columns
 * live in memory beside the store, and are brought up to date from this.
 */
export interface Touched {
  people?: readonly string[]
  /** People whose labels alone changed (bulk actions): only their tags are read again. */
  tags?: readonly string[]
  initiatives?: readonly string[]
}

/**
 * The result of a write use case, with what it touched. The API table brings the derived data up
 * to date from `touched` before it answers, for every channel alike: a handler cannot forget, since
 * returning the bare value of a write would not type-check without unwrapping it on purpose.
 */
export class Written<T> {
  constructor(
    readonly value: T,
    readonly touched: Touched,
  ) {}
}

export const written = <T>(value: T, touched: Touched) => new Written(value, touched)
