import { z } from 'zod'

/**
 * The app lock: a pincode or password at start and after she has been away (idle) for a while.
 * While locked, the API answers nothing but the lock's own state and unlocking (db/api.ts).
 */

export interface LockState {
  /** A pincode or password is set. */
  enabled: boolean
  locked: boolean
  /** Locks after this many minutes without her touching the computer; null without a lock. */
  idleMinutes: number | null
}

const secret = z
  .string({ error: 'validation.invalid' })
  .min(4, { error: 'validation.pinTooShort' })
  .max(64, { error: 'validation.tooLong' })

export const unlockSchema = z.strictObject(
  { pin: z.string({ error: 'validation.invalid' }).max(64) },
  {
    error: 'validation.invalid',
  },
)

/** Turning the lock on, or changing it (then with the current one). */
export const setLockSchema = z.strictObject(
  {
    pin: secret,
    idleMinutes: z
      .int({ error: 'validation.notANumber' })
      .min(1, { error: 'validation.idleMinutes' })
      .max(240, { error: 'validation.idleMinutes' }),
    currentPin: z.string({ error: 'validation.invalid' }).max(64).optional(),
  },
  { error: 'validation.invalid' },
)
export type SetLock = z.output<typeof setLockSchema>

export const removeLockSchema = z.strictObject(
  { currentPin: z.string({ error: 'validation.invalid' }).max(64) },
  { error: 'validation.invalid' },
)

/** The channels that answer while the app is locked: nothing in them is about a resident. */
export const openWhileLocked = ['lock:state', 'lock:unlock'] as const
