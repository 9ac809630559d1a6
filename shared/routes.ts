import { foldKey } from './text'

/**
 * Aangemeld door / hoe bereikt: who sent a resident to her. A short list she may edit (settings);
 * these are where it starts, the routes Welzijn op Recept and the wijk's partners ask about.
 */
export const defaultRoutes = [
  'Zelf',
  'Huisarts / Welzijn op Recept',
  'Wijkteam',
  'Woningcorporatie',
  'Buren',
  'Initiatief',
  'Anders',
] as const

export const maxRoutes = 20

/**
 * The route of her list a stored or imported value stands for: the same words (any case, any
 * accents), or one of the parts of a route named "A / B" ("huisarts" is "Huisarts / Welzijn op
 * Recept"). Undefined when it is none of them: the report counts it as "anders".
 */
export function routeIn(value: string | null | undefined, routes: readonly string[]) {
  if (!value) return undefined
  const key = foldKey(value)
  for (const route of routes) {
    if (foldKey(route) === key) return route
  }
  for (const route of routes) {
    const parts = route.split('/').map((part) => foldKey(part))
    if (parts.length > 1 && parts.includes(key)) return route
  }
  return undefined
}
