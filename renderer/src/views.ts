export const views = [
  'today',
  'people',
  'capture',
  'connect',
  'account',
  'settings',
  'import',
  'welcome',
] as const
export type View = (typeof views)[number]

/** The views that exist today; the others are shown in the menu as coming. */
export const readyViews: readonly View[] = [
  'welcome',
  'today',
  'people',
  'capture',
  'connect',
  'account',
  'settings',
  'import',
]

/** Views reached from inside another (Importeren from Bewoners), not from the menu. */
export const menuViews: readonly View[] = views.filter(
  (view) => view !== 'settings' && view !== 'import' && view !== 'welcome',
)
