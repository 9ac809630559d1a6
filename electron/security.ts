import { app, session, type WebContents } from 'electron'
import { contentSecurityPolicy } from '../shared/csp'

/**
 * Denies everything the app never needs: permissions, network requests to anywhere but our own
 * files (and the dev server in development), navigation, new windows and <webview>.
 */
export function hardenSession(
  isOwnUrl: (url: string) => boolean,
  options: { cspHeader: boolean },
): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isOwnUrl(details.url) || /^(devtools|data):/.test(details.url)
    callback({ cancel: !allowed })
  })
  // The page carries the same policy in a <meta>; the header is a second lock. Not on the dev
  // server, whose page allows its hot-reload preamble by hash (electron.vite.config.ts).
  if (options.cspHeader) {
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          // frame-ancestors works only as a header, so it is added here.
          'Content-Security-Policy': [`${contentSecurityPolicy}; frame-ancestors 'none'`],
        },
      })
    })
  }

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== contents.getURL()) event.preventDefault()
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}
