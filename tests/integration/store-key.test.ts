import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadOrCreateStoreKey, type KeyCipher } from '../../db/store/key'
import { makeTempDir, noKeyring } from '../support/platform'

/** Stands in for the OS keyring: seals by reversing and tagging, and can be switched off. */
const fakeKeyring = (isAvailable = true): KeyCipher & { available(): boolean } => ({
  available: () => isAvailable,
  encrypt: (plain) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
  decrypt: (sealed) => [...sealed.toString().replace(/^sealed:/, '')].reverse().join(''),
})

let dir: ReturnType<typeof makeTempDir>
let path: string
beforeEach(() => {
  dir = makeTempDir()
  path = join(dir.path, 'store-key.json')
})
afterEach(() => dir.remove())

describe('the store key', () => {
  it('is made once, sealed by the keyring, and read back the same', () => {
    const first = loadOrCreateStoreKey(path, fakeKeyring())
    expect(first.key).toMatch(/^[0-9a-f]{64}$/)
    expect(first.protection).toBe('os-keyring')
    expect(readFileSync(path, 'utf8')).not.toContain(first.key)
    expect(loadOrCreateStoreKey(path, fakeKeyring())).toEqual(first)
  })

  it('without a keyring is kept in a file only its owner may read, and says so', () => {
    const key = loadOrCreateStoreKey(path, noKeyring)
    expect(key.protection).toBe('file-only')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(loadOrCreateStoreKey(path, noKeyring)).toEqual(key)
  })

  it('is never replaced when the keyring that sealed it is away', () => {
    loadOrCreateStoreKey(path, fakeKeyring())
    const before = readFileSync(path)
    expect(() => loadOrCreateStoreKey(path, fakeKeyring(false))).toThrow(/sleutelbos/)
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('refuses a damaged key file rather than making a new key', () => {
    writeFileSync(path, JSON.stringify({ version: 1, protection: 'file-only', key: 'kort' }))
    expect(() => loadOrCreateStoreKey(path, noKeyring)).toThrow(/beschadigd/)
  })

  it('says in Dutch what to do when the key file is cut short or is not JSON at all', () => {
    for (const content of ['{"version":1,"protec', '', 'sleutel']) {
      writeFileSync(path, content)
      expect(() => loadOrCreateStoreKey(path, noKeyring)).toThrow(
        expect.objectContaining({
          name: 'StoreError',
          message: expect.stringMatching(/^Het sleutelbestand .* is beschadigd/),
        }),
      )
    }
  })

  it('says in Dutch what to do when the keyring refuses to unseal the key', () => {
    loadOrCreateStoreKey(path, fakeKeyring())
    const refusing: KeyCipher = {
      ...fakeKeyring(),
      decrypt: () => {
        throw new Error(
          'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
        )
      },
    }
    expect(() => loadOrCreateStoreKey(path, refusing)).toThrow(
      expect.objectContaining({
        name: 'StoreError',
        message: expect.stringContaining('kon de sleutel van je gegevens niet ontsleutelen'),
      }),
    )
  })

  it('gives every install its own key', () => {
    const other = join(dir.path, 'other.json')
    expect(loadOrCreateStoreKey(path, noKeyring).key).not.toBe(
      loadOrCreateStoreKey(other, noKeyring).key,
    )
  })
})
