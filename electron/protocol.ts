import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative } from 'node:path'
import { contentSecurityPolicy } from '../shared/csp'

/**
 * The window's page comes from `app://sprokkelaar/`, served from the built renderer folder, not
 * from file://. So what counts as "our page" is an origin, not a path on her disk: an install
 * folder with "%", "[" or spaces in its name used to make the own-URL check fail (a blank window),
 * because Chromium and Node spell such paths differently in a file URL. And file:// pages need
 * Electron's extra file privileges (a fuse the package now turns off).
 */
export const appScheme = 'app'
export const appHost = 'sprokkelaar'
export const rendererUrl = `${appScheme}://${appHost}/index.html`

/** Registered before the app is ready (protocol.registerSchemesAsPrivileged). */
export const appSchemePrivileges = {
  // Relative URLs, web storage and an origin of its own, like https.
  standard: true,
  // A secure context: module scripts and crypto.subtle behave as on https.
  secure: true,
  // Same-origin fetch of the lazily loaded report chunk.
  supportFetchAPI: true,
  codeCache: true,
} as const

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost
  } catch {
    return false
  }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/**
 * The answer to one request for `app://sprokkelaar/…`: a file from `rendererDir` and nothing
 * outside it. Pages carry the content security policy as a header as well as in their <meta>
 * (frame-ancestors works only as a header); nothing else the app shows gets that header.
 */
export async function rendererResponse(
  rendererDir: string,
  url: string,
  method = 'GET',
): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'method not allowed')
  if (!isAppUrl(url)) return plain(404, 'not found')
  let path: string
  try {
    path = decodeURIComponent(new URL(url).pathname)
  } catch {
    return plain(400, 'bad path')
  }
  if (path === '/') path = '/index.html'
  const file = join(rendererDir, path)
  const inside = relative(rendererDir, file)
  if (path.includes('\0') || inside.startsWith('..') || isAbsolute(inside)) {
    return plain(404, 'not found')
  }
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return plain(404, 'not found')
  }
  const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream'
  const headers: Record<string, string> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
  }
  if (type.startsWith('text/html')) {
    headers['content-security-policy'] = `${contentSecurityPolicy}; frame-ancestors 'none'`
  }
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
}
