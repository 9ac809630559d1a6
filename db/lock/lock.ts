import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import type { LockState, SetLock } from '../../shared/lock'
import type { Log } from '../platform/log'
import type { Platform } from '../platform/platform'
import type { Store } from '../store/store'
import { getSetting, setSetting } from '../ledger/settings'
import { StoreError } from '../store/errors'

/**
 * The app lock. Her pincode or password is never stored: a scrypt hash of it is (N=2^15, r=8, p=1,
 * a 16-byte salt: 32 MiB and about 0.1 s per try here). That slows guessing, but all four-digit pins
 * take a core only some 17 minutes: what keeps the hash from a thief is the store's encryption, and
 * a longer password is what she should choose where that matters. The app starts locked when
 * a lock is set, and locks after her idle minutes (the OS's idle time, db/platform/platform.ts).
 * While locked the API answers only `lock:state` and `lock:unlock` (db/api.ts). After five wrong
 * tries in a row, unlocking waits a minute.
 */

const hashKey = 'lockHash'
const idleKey = 'lockIdleMinutes'
export const scryptParameters = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const
const maxTries = 5
const waitMs = 60_000

/**
 * What the running app knows of the lock: whether one is set and its idle minutes (read from the
 * store at start and kept here when she changes them, so that the check every API call makes reads
 * nothing), locked or not, and wrong tries.
 */
export interface LockRuntime {
  enabled: boolean
  idleMinutes: number | null
  locked: boolean
  wrongTries: number
  waitUntil: number
}

/** What the lock uses of the API's context (db/context.ts). */
export interface LockContext {
  store: Pick<Store, 'db'>
  platform: Pick<Platform, 'now' | 'idleSeconds'>
  log: Log
  lock: LockRuntime
}

/** At start: locked when a lock is set. */
export async function startLock(store: Pick<Store, 'db'>): Promise<LockRuntime> {
  const enabled = !!(await getSetting(store.db, hashKey))
  const minutes = Number(await getSetting(store.db, idleKey))
  return {
    enabled,
    idleMinutes: !enabled ? null : Number.isInteger(minutes) && minutes > 0 ? minutes : 5,
    locked: enabled,
    wrongTries: 0,
    waitUntil: 0,
  }
}

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  const { N, r, p, keyLength } = scryptParameters
  return new Promise((resolve, reject) =>
    scrypt(
      pin.normalize('NFC'),
      salt,
      keyLength,
      { N, r, p, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  )
}

/** `scrypt$N$r$p$salt$hash`, hex: what is stored for her pincode. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const { N, r, p } = scryptParameters
  return ['scrypt', N, r, p, salt.toString('hex'), (await derive(pin, salt)).toString('hex')].join(
    '$',
  )
}

export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  if (
    Number(n) !== scryptParameters.N ||
    Number(r) !== scryptParameters.r ||
    Number(p) !== scryptParameters.p
  )
    return false
  const expected = Buffer.from(hash, 'hex')
  const actual = await derive(pin, Buffer.from(salt, 'hex'))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * Whether the app is locked now: it locks itself when she has been away longer than her idle
 * minutes. Every API call asks this first.
 */
export function isLocked(ctx: LockContext): boolean {
  if (ctx.lock.locked) return true
  const minutes = ctx.lock.idleMinutes
  if (minutes !== null && ctx.platform.idleSeconds() >= minutes * 60) {
    ctx.lock.locked = true
    ctx.log.info('lock.idle', { minutes })
  }
  return ctx.lock.locked
}

export function lockState(ctx: LockContext): LockState {
  const locked = isLocked(ctx)
  return { enabled: ctx.lock.enabled, locked, idleMinutes: ctx.lock.idleMinutes }
}

/** Checks her pincode; a wrong one counts, and after five in a row she waits a minute. */
async function checkPin(ctx: LockContext, pin: string): Promise<void> {
  const now = ctx.platform.now().getTime()
  if (now < ctx.lock.waitUntil) {
    throw new StoreError('forbidden', translate(nl, 'lock.wait'))
  }
  const stored = await getSetting(ctx.store.db, hashKey)
  if (stored && (await pinMatches(pin, stored))) {
    ctx.lock.wrongTries = 0
    return
  }
  ctx.lock.wrongTries++
  ctx.log.info('lock.wrongPin', { tries: ctx.lock.wrongTries })
  if (ctx.lock.wrongTries >= maxTries) {
    ctx.lock.wrongTries = 0
    ctx.lock.waitUntil = now + waitMs
    throw new StoreError('forbidden', translate(nl, 'lock.wait'))
  }
  throw new StoreError('forbidden', translate(nl, 'lock.wrongPin'))
}

export async function unlock(ctx: LockContext, pin: string): Promise<LockState> {
  if (ctx.lock.enabled) await checkPin(ctx, pin)
  ctx.lock.locked = false
  return lockState(ctx)
}

export async function lockNow(ctx: LockContext): Promise<LockState> {
  if (ctx.lock.enabled) ctx.lock.locked = true
  return lockState(ctx)
}

/** Turns the lock on, or changes it: with the current pincode when one is set. */
export async function setLock(ctx: LockContext, input: SetLock): Promise<LockState> {
  if (ctx.lock.enabled) await checkPin(ctx, input.currentPin ?? '')
  await setSetting(ctx.store.db, hashKey, await hashPin(input.pin))
  await setSetting(ctx.store.db, idleKey, String(input.idleMinutes))
  ctx.lock.enabled = true
  ctx.lock.idleMinutes = input.idleMinutes
  ctx.log.info('lock.set', { idleMinutes: input.idleMinutes })
  return lockState(ctx)
}

export async function removeLock(ctx: LockContext, currentPin: string): Promise<LockState> {
  if (ctx.lock.enabled) await checkPin(ctx, currentPin)
  await setSetting(ctx.store.db, hashKey, '')
  ctx.lock = { ...ctx.lock, enabled: false, idleMinutes: null, locked: false }
  ctx.log.info('lock.removed')
  return lockState(ctx)
}
