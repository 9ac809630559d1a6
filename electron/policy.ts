import { isAppUrl } from './protocol'

/**
 * Which pages and requests are the app's own. Plain functions of URLs, so they are tested under
 * Node; security.ts and main.ts apply them to Electron's session and IPC.
 */

/** The dev server's host and port (`npm run dev`), or undefined in a build. */
function devOrigin(devServerUrl: string | undefined): URL | undefined {
  if (!devServerUrl) return undefined
  try {
    return new URL(devServerUrl)
  } catch {
    return undefined
  }
}

/** Our own page: the built renderer, or in development the dev server's page. */
export function isOwnPage(url: string, devServerUrl?: string): boolean {
  if (isAppUrl(url)) return true
  const dev = devOrigin(devServerUrl)
  if (!dev) return false
  try {
    return new URL(url).origin === dev.origin
  } catch {
    return false
  }
}

/**
 * Every request the app may make: its own files, data: (the document the PDF is printed from),
 * devtools: in development, and the dev server with its hot-reload socket (ws:// on the same host
 * and port; cancelling it broke `npm run dev`). Nothing else, anywhere: the app makes no network
 * requests at all.
 */
export function requestAllowed(url: string, devServerUrl?: string): boolean {
  if (isAppUrl(url) || url.startsWith('data:')) return true
  const dev = devOrigin(devServerUrl)
  if (!dev) return false
  if (url.startsWith('devtools:')) return true
  try {
    const target = new URL(url)
    const socket = dev.protocol === 'https:' ? 'wss:' : 'ws:'
    return (
      target.host === dev.host && (target.protocol === dev.protocol || target.protocol === socket)
    )
  } catch {
    return false
  }
}
