import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { z } from 'zod'

/**
 * A backup file (`.sprokkel-backup`) is the store as SQLite wrote it (encrypted with the store key,
 * page by page) followed by a trailer: a JSON record, its length (4 bytes, big-endian) and a magic of
 * 8 bytes. The trailer holds the store key wrapped with her herstelwachtwoord, so that the file alone
 * and the password restore her ledger on a machine that never had her keyring.
 *
 * The wrapping: scrypt (Node's, from OpenSSL) with N=2^17, r=8, p=1 (128 MiB of memory, about half a
 * second here) derives a 256-bit key from the password and a 16-byte salt; AES-256-GCM with a 12-byte
 * nonce seals the store key under it. A wrong password fails GCM's tag: nothing else to guess at.
 */

export const backupExtension = 'sprokkel-backup'
const magic = Buffer.from('SPRKBAK1', 'latin1')
const maxTrailer = 64 * 1024

export const recoveryKdf = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const

/** What a file may ask of scrypt: enough to follow stronger settings later, never a memory bomb. */
export const kdfSchema = z.strictObject({
  name: z.literal('scrypt'),
  N: z.int().refine((n) => n >= 2 ** 14 && n <= 2 ** 20 && (n & (n - 1)) === 0),
  r: z.int().min(8).max(16),
  p: z.int().min(1).max(4),
  keyLength: z.literal(32),
})

const base64 = z.base64().max(200)

export const wrappedKeySchema = z.strictObject({
  kdf: kdfSchema,
  salt: base64,
  nonce: base64,
  sealed: base64,
  tag: base64,
  /** When she set this password: a backup made before a change opens with the password of then. */
  setAt: z.iso.datetime(),
})
export type WrappedKey = z.output<typeof wrappedKeySchema>

const trailerSchema = z.strictObject({
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  /** Length of the SQLite part, which comes first. */
  storeBytes: z.int().positive(),
  /**
   * Which ledger it is of (a random id kept in its settings): a second folder on her
   * organisation's drive may hold colleagues' backups too, and rotation keeps its hands off them.
   */
  ledger: z.string().min(1).max(64).optional(),
  recovery: wrappedKeySchema.nullable(),
})
export type Trailer = z.output<typeof trailerSchema>

export function deriveKey(password: string, salt: Buffer, kdf: WrappedKey['kdf']): Promise<Buffer> {
  const { N, r, p, keyLength } = kdf
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { N, r, p, maxmem: 160 * N * r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  )
}

/** The store key (64 hex characters) sealed under her herstelwachtwoord. */
export async function wrapKey(storeKey: string, password: string, now: Date): Promise<WrappedKey> {
  const salt = randomBytes(16)
  const nonce = randomBytes(12)
  const kek = await deriveKey(password, salt, recoveryKdf)
  const cipher = createCipheriv('aes-256-gcm', kek, nonce)
  const sealed = Buffer.concat([cipher.update(Buffer.from(storeKey, 'hex')), cipher.final()])
  return {
    kdf: { ...recoveryKdf },
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    sealed: sealed.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    setAt: now.toISOString(),
  }
}

/** The store key, or null when the password is not the one it was wrapped with. */
export async function unwrapKey(wrapped: WrappedKey, password: string): Promise<string | null> {
  const kek = await deriveKey(password, Buffer.from(wrapped.salt, 'base64'), wrapped.kdf)
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.nonce, 'base64'))
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'))
  try {
    const key = Buffer.concat([
      decipher.update(Buffer.from(wrapped.sealed, 'base64')),
      decipher.final(),
    ])
    return key.length === 32 ? key.toString('hex') : null
  } catch {
    return null
  }
}

/** The trailer's bytes, to append to a verified copy of the store. */
export function encodeTrailer(trailer: Trailer): Buffer {
  const json = Buffer.from(JSON.stringify(trailer), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.length)
  return Buffer.concat([json, length, magic])
}

/**
 * The trailer of a backup file, or null when the file is not a whole backup (cut short, another
 * kind of file, a trailer that does not add up).
 */
export function readTrailer(path: string): Trailer | null {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return null
  }
  try {
    const size = fstatSync(fd).size
    if (size < magic.length + 4) return null
    const tail = Buffer.alloc(magic.length + 4)
    readSync(fd, tail, 0, tail.length, size - tail.length)
    if (!tail.subarray(4).equals(magic)) return null
    const length = tail.readUInt32BE(0)
    if (length > maxTrailer || length > size - tail.length) return null
    const json = Buffer.alloc(length)
    readSync(fd, json, 0, length, size - tail.length - length)
    const parsed = trailerSchema.safeParse(JSON.parse(json.toString('utf8')))
    if (!parsed.success) return null
    if (parsed.data.storeBytes !== size - tail.length - length) return null
    return parsed.data
  } catch {
    return null
  } finally {
    closeSync(fd)
  }
}
