import { performance } from 'node:perf_hooks'

export interface Figure {
  id: string
  value: number
  unit: string
  target?: number | undefined
  /** Whether the target is a ceiling (times, memory) or a floor (recall). */
  better?: 'lower' | 'higher'
}

export const meetsTarget = (figure: Figure): boolean =>
  figure.target === undefined ||
  (figure.better === 'higher' ? figure.value >= figure.target : figure.value <= figure.target)

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Runs `step` `times` times and returns each run's duration in milliseconds. */
export async function timeEach(times: number, step: (i: number) => Promise<unknown>) {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    await step(i)
    samples.push(performance.now() - start)
  }
  return samples
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits))
export const megabytes = (bytes: number) => round(bytes / 1024 / 1024, 1)
