import { z } from 'zod'
import { idSchema } from './person'

/** Verantwoording: what she asks for, and the protected report she gets back. */

export const reportBreakdowns = ['month', 'quarter'] as const
export type ReportBreakdown = (typeof reportBreakdowns)[number]

/** Counts below k are never shown; she may choose 3, 5 (the default) or 10. */
export const kChoices = [3, 5, 10] as const
export type KChoice = (typeof kChoices)[number]

const month = z
  .string({ error: 'validation.month' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.month' })

const monthIndex = (value: string) => Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1

export const reportRequestSchema = z
  .strictObject(
    {
      /** First and last month, "2026-01" to "2026-03": months at the finest, never days. */
      from: month,
      to: month,
      breakdown: z.enum(reportBreakdowns, { error: 'validation.invalid' }).default('quarter'),
      /** Empty: all wijken. */
      wijkIds: z.array(idSchema).max(100, { error: 'validation.tooMany' }).default([]),
      k: z
        .union([z.literal(3), z.literal(5), z.literal(10)], { error: 'validation.invalid' })
        .default(5),
      roundTo5: z.boolean({ error: 'validation.invalid' }).default(false),
      /** Her own stories for the period, printed under the tables (checked, see narrative). */
      narrative: z
        .string({ error: 'validation.invalid' })
        .trim()
        .max(5000, { error: 'validation.tooLong' })
        .default(''),
      /** Her stories with consent to print beside the figures, in this order. */
      storyIds: z
        .array(idSchema, { error: 'validation.invalid' })
        .max(10, { error: 'validation.tooMany' })
        .default([]),
    },
    { error: 'validation.invalid' },
  )
  .refine((input) => monthIndex(input.from) <= monthIndex(input.to), {
    error: 'validation.periodOrder',
    path: ['to'],
  })
  .refine((input) => monthIndex(input.to) - monthIndex(input.from) < 60, {
    error: 'validation.periodLength',
    path: ['to'],
  })
export type ReportRequest = z.output<typeof reportRequestSchema>
export type ReportRequestInput = z.input<typeof reportRequestSchema>

/** Every month from `from` to `to`, "YYYY-MM". */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  for (let i = monthIndex(from); i <= monthIndex(to); i++) {
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`)
  }
  return months
}

/** The bucket a month falls in: the month itself, or its quarter ("2026-K1"). */
export const bucketOf = (yearMonth: string, breakdown: ReportBreakdown) =>
  breakdown === 'month'
    ? yearMonth
    : `${yearMonth.slice(0, 4)}-K${Math.floor((Number(yearMonth.slice(5, 7)) - 1) / 3) + 1}`

/**
 * A cell as the report may show it: a count (rounded to 5 when asked), "<k" for a small count, or
 * hidden ("×") so that a small count elsewhere cannot be worked out from the totals.
 */
export type ReportCell =
  | {
      kind: 'count'
      value: number
      /** Per cent of its row's total, where the table shows shares. */ share?: number
    }
  | { kind: 'small' }
  | { kind: 'hidden' }

/** A cell as printed: "12", "<5" or "×" (empty where the table has no such cell). */
export const cellText = (cell: ReportCell | null, k: number): string =>
  !cell
    ? ''
    : cell.kind === 'count'
      ? cell.share === undefined
        ? String(cell.value)
        : `${cell.value} (${cell.share}%)`
      : cell.kind === 'small'
        ? `<${k}`
        : '×'

export interface ReportRow {
  key: string
  label: string
  cells: ReportCell[]
  total: ReportCell | null
}

export interface ReportTable {
  id: string
  title: string
  /** What the rows are ("Wijk", "Kanaal", "Thema"). */
  rowHeader: string
  columns: { key: string; label: string }[]
  rows: ReportRow[]
  /** Column totals, where columns add up. */
  totals: ReportRow | null
  /** Said under the table: what is counted and how. */
  note: string | null
}

/**
 * Het jaaroverzicht: one A4 page for a year and a wijk (or all of them) that she hands to her
 * manager or the wethouder; made from the year's report, under the same protection.
 */
export const yearOverviewSchema = z.strictObject(
  {
    year: z.string({ error: 'validation.year' }).regex(/^20\d{2}$/, { error: 'validation.year' }),
    /** Null: all wijken. */
    wijkId: idSchema.nullable().default(null),
    k: z
      .union([z.literal(3), z.literal(5), z.literal(10)], { error: 'validation.invalid' })
      .default(5),
    /** Two stories at most: one page. */
    storyIds: z
      .array(idSchema, { error: 'validation.invalid' })
      .max(2, { error: 'validation.twoStories' })
      .default([]),
  },
  { error: 'validation.invalid' },
)
export type YearOverview = z.output<typeof yearOverviewSchema>
export type YearOverviewInput = z.input<typeof yearOverviewSchema>

/** The report a year overview is made from: the whole year by quarter, for its wijk. */
export const yearRequest = (input: YearOverview): ReportRequest =>
  reportRequestSchema.parse({
    from: `${input.year}-01`,
    to: `${input.year}-12`,
    breakdown: 'quarter',
    wijkIds: input.wijkId ? [input.wijkId] : [],
    k: input.k,
    storyIds: input.storyIds,
  })

export const narrativeCheckSchema = z.strictObject(
  {
    text: z.string({ error: 'validation.invalid' }).max(5000, { error: 'validation.tooLong' }),
  },
  { error: 'validation.invalid' },
)

/** Something in her story that may point at a resident. */
export interface NarrativeFinding {
  kind: 'name' | 'street' | 'phone' | 'email'
  /** The words as she wrote them. */
  text: string
}

export interface Report {
  request: ReportRequest
  /** "januari 2026 – maart 2026". */
  periodLabel: string
  wijken: string[]
  organisation: string | null
  generatedAt: string
  tables: ReportTable[]
  /** Her own stories for the period, as she wrote them ('' when none). */
  narrative: string
  /**
   * Her stories with consent, as chosen; one about a resident without the consent "opnemen in
   * verhalen" today may be seen here but keeps the report from being exported.
   */
  stories: ReportStory[]
  /** The method in plain Dutch, printed at the bottom. */
  method: string[]
  /**
   * An export made today over an overlapping period with other settings: this report may be seen
   * but not exported, since side by side the two could give a small count away.
   */
  blockedBy: ReportExport | null
}

export interface ReportStory {
  id: string
  title: string
  text: string
  /** Residents it is about who lack the consent today (0: it may be exported). */
  withoutConsent: number
}

export interface ReportExport {
  id: string
  at: string
  format: 'csv' | 'pdf'
  periodLabel: string
  wijken: string[]
  k: number
  roundTo5: boolean
  fileName: string
  /** The settings it was made with, to make the same report again. */
  request: ReportRequest
}
