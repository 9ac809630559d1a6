import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { StoreError } from '../../store/errors'
import { readCsv } from './csv'
import { readLimits, unreadable } from './limits'
import type { CsvOptions, ReadFile, ReadWatch } from './sheet'
import { readXlsx } from './xlsx'

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const oleMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

/**
 * Reads a spreadsheet from disk, whatever its extension claims: the bytes decide. This runs off the
 * main process (see worker.ts); every limit is checked while reading.
 */
export async function readSpreadsheet(
  path: string,
  csv: CsvOptions = {},
  watch?: ReadWatch,
): Promise<ReadFile> {
  const fileName = basename(path)
  let bytes: Buffer
  try {
    if ((await stat(path)).size > readLimits.fileBytes) throw unreadable('tooLarge')
    bytes = await readFile(path)
  } catch (error) {
    if (error instanceof StoreError) throw error
    throw unreadable('cannotOpen', { name: fileName })
  }
  if (bytes.length === 0 || isBlank(bytes)) throw unreadable('empty')
  if (bytes.subarray(0, 4).equals(zipMagic)) {
    return { fileName, format: 'xlsx', sheets: await readXlsx(bytes, watch) }
  }
  if (bytes.subarray(0, 8).equals(oleMagic)) {
    // Office keeps a password-protected .xlsx in an OLE container with an "EncryptionInfo" stream.
    const encrypted = bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))
    throw unreadable(encrypted ? 'passwordProtected' : 'oldExcel')
  }
  return { fileName, format: 'csv', ...readCsv(bytes, csv, watch) }
}

/** Only spaces and line breaks (checked without making a string of the whole file). */
function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes)
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false
  return true
}
