import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

export interface Area {
  x: number
  y: number
  width: number
  height: number
}

/** Where her window was, how big, maximised or not, and how far she zoomed in. */
export interface WindowState {
  bounds: Partial<Pick<Area, 'x' | 'y'>> & Pick<Area, 'width' | 'height'>
  maximized: boolean
  zoom: number
}

export const windowStateFileName = 'window-state.json'

export const minimumSize = { width: 800, height: 560 } as const
const defaultState: WindowState = {
  bounds: { width: 1200, height: 800 },
  maximized: false,
  zoom: 1,
}
const zoomRange = { min: 0.5, max: 3 } as const

const stateSchema = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  maximized: z.boolean(),
  zoom: z.number().min(zoomRange.min).max(zoomRange.max),
})

/**
 * The window as she left it, fitted to the screens there are now: a window on a screen that has
 * since been unplugged comes back centred on the main one (no position), and one larger than
 * every screen is made to fit. A missing or damaged file gives the defaults.
 */
export function readWindowState(path: string, displays: readonly Area[]): WindowState {
  let saved: z.output<typeof stateSchema>
  try {
    saved = stateSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
  } catch {
    return defaultState
  }
  const { x, y } = saved.bounds
  const largest = displays.reduce(
    (size, area) => ({
      width: Math.max(size.width, area.width),
      height: Math.max(size.height, area.height),
    }),
    { width: 0, height: 0 },
  )
  const width = clamp(saved.bounds.width, minimumSize.width, largest.width || saved.bounds.width)
  const height = clamp(
    saved.bounds.height,
    minimumSize.height,
    largest.height || saved.bounds.height,
  )
  const visible = displays.some((area) => overlap({ x, y, width, height }, area) >= 0.5)
  return {
    bounds: visible ? { x, y, width, height } : { width, height },
    maximized: saved.maximized,
    zoom: saved.zoom,
  }
}

/** Written beside and renamed over, so a crash never leaves half a file. */
export function writeWindowState(path: string, state: WindowState & { bounds: Area }): void {
  const zoom = clamp(state.zoom, zoomRange.min, zoomRange.max)
  const rounded = {
    bounds: {
      x: Math.round(state.bounds.x),
      y: Math.round(state.bounds.y),
      width: Math.round(state.bounds.width),
      height: Math.round(state.bounds.height),
    },
    maximized: state.maximized,
    zoom,
  }
  try {
    writeFileSync(`${path}.tmp`, JSON.stringify(rounded))
    renameSync(`${path}.tmp`, path)
  } catch {
    // Not worth an error box: next time the window opens at its default size.
  }
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max)

/** The share of `window` that lies on `area` (0 to 1). */
function overlap(window: Area, area: Area): number {
  const width = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x)
  const height =
    Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y)
  if (width <= 0 || height <= 0) return 0
  return (width * height) / (window.width * window.height)
}
