import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { StoreKey } from '../platform/platform'
import { StoreError } from './errors'

/** The OS secret store as the key file needs it (Electron's `safeStorage` in the shell). */
export interface KeyCipher {
  /** False where the OS offers no real keyring (Linux without one: Electron's "basic_text"). */
  available(): boolean
  encrypt(plain: string): Buffer
  decrypt(sealed: Buffer): string
}

const keyFileSchema = z.discriminatedUnion('protection', [
  z.object({ version: z.literal(1), protection: z.literal('os-keyring'), sealed: z.base64() }),
  z.object({
    version: z.literal(1),
    protection: z.literal('file-only'),
    key: z.string().regex(/^[0-9a-f]{64}$/),
  }),
])

/**
 * Reads the store key from `path`, or creates one the first time. The key is sealed by the OS keyring
 * where there is one; otherwise it is written as is, readable by this user only, and the app says so.
 * Once a key exists it is never replaced: a key that cannot be read is an error, not a reason to make
 * a new one (that would lock her out of her own ledger).
 */
export function loadOrCreateStoreKey(path: string, cipher: KeyCipher): StoreKey {
  if (existsSync(path)) {
    const file = readKeyFile(path)
    if (file.protection === 'file-only') return { key: file.key, protection: 'file-only' }
    if (!cipher.available()) throw keyError('keyringUnavailable')
    let key: string
    try {
      key = cipher.decrypt(Buffer.from(file.sealed, 'base64'))
    } catch (error) {
      // The OS says why in English (or not at all); she gets what to do, in Dutch.
      throw keyError('keyringRefused', error)
    }
    if (!/^[0-9a-f]{64}$/.test(key)) throw keyError('keyringRefused')
    return { key, protection: 'os-keyring' }
  }

  return writeStoreKey(path, randomBytes(32).toString('hex'), cipher)
}

/**
 * Writes the key file for `key`: sealed by the OS keyring where there is one, else as is (readable
 * by this user only). Also how a restored backup's key is kept (db/backup/restore.ts).
 */
export function writeStoreKey(path: string, key: string, cipher: KeyCipher): StoreKey {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('writeStoreKey: key must be 64 hex characters')
  const file = cipher.available()
    ? { version: 1, protection: 'os-keyring', sealed: cipher.encrypt(key).toString('base64') }
    : { version: 1, protection: 'file-only', key }
  // Write then rename, so a crash never leaves half a key file behind.
  writeFileSync(`${path}.tmp`, JSON.stringify(file), { mode: 0o600 })
  renameSync(`${path}.tmp`, path)
  return { key, protection: file.protection as StoreKey['protection'] }
}

const keyError = (key: 'keyringUnavailable' | 'keyringRefused', cause?: unknown) =>
  new StoreError('store_unavailable', translate(nl, `shell.keyFile.${key}`), { cause })

/** The key file as written; anything else (cut short, edited, not JSON) is "damaged". */
function readKeyFile(path: string): z.output<typeof keyFileSchema> {
  let parsed: ReturnType<typeof keyFileSchema.safeParse>
  try {
    parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  } catch (error) {
    throw new StoreError('store_unavailable', translate(nl, 'shell.keyFile.damaged', { path }), {
      cause: error,
    })
  }
  if (!parsed.success) {
    throw new StoreError('store_unavailable', translate(nl, 'shell.keyFile.damaged', { path }))
  }
  return parsed.data
}
