/**
 * The best `limit` by score then name, kept while scanning: tens of thousands may share a theme,
 * and only the first page is shown, so nobody else is sorted.
 */
export class TopK<T extends { score: number; sortKey: string; id: string }> {
  private readonly top: T[] = []
  constructor(private readonly limit: number) {}
  /** Whether any item with this score could still get in (ties are decided by name). */
  admitsScore(score: number): boolean {
    const last = this.top[this.limit - 1]
    return !last || score >= last.score
  }

  /** Whether an item with this score and name would get in: asked before making one. */
  admits(score: number, sortKey: string, id: string): boolean {
    const last = this.top[this.limit - 1]
    if (!last) return true
    if (score !== last.score) return score > last.score
    if (sortKey !== last.sortKey) return sortKey < last.sortKey
    return id < last.id
  }
  offer(item: T): void {
    const { top, limit } = this
    if (top.length === limit && byScoreThenName(item, top[limit - 1]!) >= 0) return
    let i = top.length < limit ? top.length : limit - 1
    top[i] = item
    // Insertion: move it up past everyone it beats.
    while (i > 0 && byScoreThenName(top[i]!, top[i - 1]!) < 0) {
      ;[top[i - 1], top[i]] = [top[i]!, top[i - 1]!]
      i--
    }
  }
  items(): T[] {
    return this.top
  }
}

export const byScoreThenName = <T extends { score: number; sortKey: string; id: string }>(
  a: T,
  b: T,
) =>
  b.score - a.score ||
  (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
  (a.id < b.id ? -1 : 1)
