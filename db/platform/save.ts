import { writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { StoreError } from '../store/errors'
import type { FileRequest, Platform } from './platform'

/**
 * Asks her where to save (the native dialog), makes the file's bytes only then, and writes them.
 * The path she chose, or null when she cancels: then nothing is made or written. A failure to make
 * or write the file is a plain Dutch message naming the file, never its contents.
 */
export async function saveFile(
  platform: Pick<Platform, 'chooseSaveFile'>,
  request: FileRequest & { defaultName: string },
  bytes: () => Promise<string | Uint8Array>,
): Promise<string | null> {
  const path = await platform.chooseSaveFile(request)
  if (!path) return null
  let content: string | Uint8Array
  try {
    content = await bytes()
  } catch (error) {
    throw new StoreError('internal', translate(nl, 'report.makeFailed'), { cause: error })
  }
  await writeOrFail(path, content)
  return path
}

/** Writes a file, or fails with a message that names it. */
export async function writeOrFail(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, content)
  } catch {
    throw new StoreError('internal', translate(nl, 'report.saveFailed', { name: basename(path) }))
  }
}

/** A PDF printed from a self-contained HTML document, where she chooses. */
export const savePdf = (
  platform: Platform,
  title: string,
  defaultName: string,
  html: () => string,
) =>
  saveFile(
    platform,
    {
      title,
      filters: [{ name: translate(nl, 'report.pdfFilter'), extensions: ['pdf'] }],
      defaultName,
    },
    () => platform.printToPdf(html()),
  )
