import type { SprokkelApi } from '../../shared/client'

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the e2e harness (browser): the contract's calls. */
    readonly sprokkel: SprokkelApi
  }
}
