import { app, session, type WebContents } from 'electron'
import { requestAllowed } from './policy'

/**
 * Denies everything the app never needs: permissions, network requests to anywhere but our own
 * files (and the dev server in development), navigation, new windows and <webview>. The content
 * security policy header is not set here for every response: our pages carry it from the
 * app:// handler (protocol.ts), and the document the PDF is printed from keeps its own policy.
 */
export function hardenSession(devServerUrl: string | undefined): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !requestAllowed(details.url, devServerUrl) })
  })

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== contents.getURL()) event.preventDefault()
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}
