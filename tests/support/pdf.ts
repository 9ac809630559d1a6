import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** A PDF's pages, as the text a reader could copy out of it (pdf.js, as Firefox reads PDFs). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const loading = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  })
  const document = await loading.promise
  try {
    const pages: string[] = []
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent()
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join(''),
      )
    }
    return pages
  } finally {
    await loading.destroy()
  }
}

/** All of a PDF's text. */
export const pdfText = async (bytes: Uint8Array): Promise<string> =>
  (await pdfPages(bytes)).join('\n')
