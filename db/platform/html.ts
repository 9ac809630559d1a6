/**
 * The documents the app prints to PDF (the report, an inzage, the verwerkingsregister): one
 * self-contained page each, with no script, no link and nothing to fetch (its policy allows inline
 * styles and nothing else), and every text of hers escaped, never markup.
 */

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

/** The page around a document's body: Dutch, UTF-8, its title, its style, nothing to fetch. */
export const printDocument = ({
  title,
  style,
  body,
}: {
  title: string
  style: string
  body: string
}) =>
  `<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${style}</style></head>
<body>
${body}
</body></html>`
