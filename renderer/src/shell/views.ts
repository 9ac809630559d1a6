export const views = [
  'today',
  'people',
  'capture',
  'connect',
  'report',
  'privacy',
  'settings',
  'import',
  'welcome',
] as const
export type View = (typeof views)[number]

/** Views reached from inside another (Importeren from Bewoners), or from the sidebar's foot. */
export const menuViews: readonly View[] = views.filter(
  (view) => view !== 'settings' && view !== 'import' && view !== 'welcome',
)
