export const views = ['today', 'people', 'capture', 'connect', 'account', 'settings'] as const
export type View = (typeof views)[number]

/** The views that exist today; the others are shown in the menu as coming. */
export const readyViews: readonly View[] = ['today', 'people', 'capture', 'settings']
