import { describe, expect, it } from 'vitest'
import { backupsToKeep } from '../../db/backup/rotation'

const day = 86_400_000
const at = (date: string) => ({ createdAt: new Date(date) })

describe('which backups are kept', () => {
  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months', () => {
    // A backup at 09:00 and 17:00 every day for two years.
    const start = new Date(2025, 0, 1, 9).getTime()
    const backups = Array.from({ length: 730 * 2 }, (_, i) => ({
      createdAt: new Date(start + Math.floor(i / 2) * day + (i % 2) * 8 * 3_600_000),
    }))
    const kept = backupsToKeep(backups)
    const newest = backups.at(-1)!
    expect(kept[0]).toBe(newest)
    const days = new Set(kept.map((b) => b.createdAt.toDateString()))
    expect(days.size).toBe(kept.length)
    // The last 7 days, each at 17:00 (its newest).
    expect(kept.slice(0, 7).map((b) => b.createdAt.getHours())).toEqual(Array(7).fill(17))
    // 12 months back and not one day more than a year and a month.
    const months = new Set(
      kept.map((b) => `${b.createdAt.getFullYear()}-${b.createdAt.getMonth()}`),
    )
    expect(months.size).toBe(12)
    expect(newest.createdAt.getTime() - kept.at(-1)!.createdAt.getTime()).toBeLessThan(366 * day)
    // 7 + up to 3 older weeks + up to 11 older months, less what they share.
    expect(kept.length).toBeGreaterThanOrEqual(19)
    expect(kept.length).toBeLessThanOrEqual(21)
  })

  it('counts days that have a backup, so a month away deletes nothing from before', () => {
    const backups = [
      at('2026-06-01T10:00:00'),
      at('2026-06-02T10:00:00'),
      at('2026-06-03T10:00:00'),
      at('2026-07-20T10:00:00'),
    ]
    expect(backupsToKeep(backups)).toHaveLength(4)
  })

  it('keeps one of several on the same day: the newest', () => {
    const backups = [
      at('2026-06-01T08:00:00'),
      at('2026-06-01T18:00:00'),
      at('2026-06-01T12:00:00'),
    ]
    expect(backupsToKeep(backups)).toEqual([backups[1]])
  })

  it('has nothing to keep when there is nothing', () => {
    expect(backupsToKeep([])).toEqual([])
  })
})
