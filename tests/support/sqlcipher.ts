import { createDecipheriv } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'

/**
 * The store file and its WAL as SQLCipher 4 writes them, read page by page with the raw key, the
 * way someone holding the key but not the app would read them: every page decrypted, free and
 * unused space included. Page layout: ciphertext, then the reserve (16-byte IV and a 64-byte HMAC);
 * page 1 starts with the file's 16-byte salt instead of SQLite's header string.
 */

const pageSize = 4096
const reserve = 80
const ivLength = 16
const saltLength = 16

function decryptPage(page: Buffer, key: Buffer, first: boolean): Buffer {
  const start = first ? saltLength : 0
  const end = pageSize - reserve
  const iv = page.subarray(end, end + ivLength)
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false)
  return Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()])
}

/** Every page of the store file, decrypted. */
export function decryptedStore(path: string, keyHex: string): Buffer {
  const key = Buffer.from(keyHex, 'hex')
  const file = readFileSync(path)
  if (file.length % pageSize !== 0) throw new Error(`not whole ${pageSize}-byte pages`)
  const pages: Buffer[] = []
  for (let offset = 0; offset < file.length; offset += pageSize) {
    pages.push(decryptPage(file.subarray(offset, offset + pageSize), key, offset === 0))
  }
  return Buffer.concat(pages)
}

/** Every frame's page in the WAL beside it (none when the WAL is empty or gone), decrypted. */
export function decryptedWal(path: string, keyHex: string): Buffer {
  const walPath = `${path}-wal`
  if (!existsSync(walPath)) return Buffer.alloc(0)
  const key = Buffer.from(keyHex, 'hex')
  const wal = readFileSync(walPath)
  const pages: Buffer[] = []
  // A 32-byte header, then frames: a 24-byte frame header (its first 4 bytes the page number)
  // and the page.
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
    const pageNumber = wal.readUInt32BE(offset)
    const page = wal.subarray(offset + 24, offset + 24 + pageSize)
    pages.push(decryptPage(page, key, pageNumber === 1))
  }
  return Buffer.concat(pages)
}

/** The plaintext of page 1 from byte 16 on: SQLite's header fields (page size, reserve…). */
export function headerAfterSalt(path: string, keyHex: string): Buffer {
  return decryptedStore(path, keyHex).subarray(0, 84)
}

/** Whether any of these texts is in the bytes, as UTF-8 (how SQLite stores text here). */
export const holdsAny = (bytes: Buffer, texts: readonly string[]): string[] =>
  texts.filter((text) => bytes.includes(Buffer.from(text, 'utf8')))
