/**
 * The content security policy of every page: our own files only, nothing from anywhere else. The
 * build puts it in the page's <meta> (electron.vite.config.ts) and the shell sends it as a header too.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
