// `node --import tsx --import ./tests/shell/stand-in/hooks.ts …`: every import of `electron`, by
// the built main process or by the launcher, gets the stand-in instead (one module instance).
import { registerHooks } from 'node:module'

const standInUrl = new URL('./electron.ts', import.meta.url).href

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standInUrl, shortCircuit: true }
    return nextResolve(specifier, context)
  },
})
