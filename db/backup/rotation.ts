/**
 * Which backups to keep: the newest of each of the last 7 days that have one, of each of the last 4
 * weeks (Monday to Sunday) and of each of the last 12 months; the newest of all always. Days
 * without a backup (a holiday, the app closed) do not count, so a month away never deletes what
 * came before it. Days, weeks and months are her local calendar's.
 */
export const keepDaily = 7
export const keepWeekly = 4
export const keepMonthly = 12

export interface Dated {
  createdAt: Date
}

const pad = (n: number) => String(n).padStart(2, '0')
const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const monthOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`

/** A week by its Monday. */
const weekOf = (d: Date) =>
  dayOf(new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)))

/** The backups to keep, newest first; every other one may go. */
export function backupsToKeep<T extends Dated>(backups: readonly T[]): T[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  const kept = new Set<T>(newestFirst.slice(0, 1))
  for (const [bucket, count] of [
    [dayOf, keepDaily],
    [weekOf, keepWeekly],
    [monthOf, keepMonthly],
  ] as const) {
    const seen = new Set<string>()
    for (const backup of newestFirst) {
      const key = bucket(backup.createdAt)
      if (seen.has(key)) continue
      if (seen.size === count) break
      seen.add(key)
      kept.add(backup)
    }
  }
  return newestFirst.filter((backup) => kept.has(backup))
}
