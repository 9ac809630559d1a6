import { z } from 'zod'

/** Backups and restoring one (db/backup/): what Instellingen shows and what she can ask. */

export interface BackupStatus {
  /** The backup folder in her data folder. */
  folder: string
  /** The second folder she chose (a USB stick, her organisation's drive); null: none. */
  mirror: string | null
  /** The newest backup that was checked after writing; null: none yet. */
  last: { createdAt: string; bytes: number; name: string } | null
  /** Checked backups in the folder. */
  count: number
  /** No checked backup, or the newest is older than 7 days. */
  stale: boolean
  running: boolean
  /** What went wrong with the last try, if it did (never her data, only what kind of trouble). */
  problem: 'backup_failed' | 'mirror_failed' | null
  /** When she set her herstelwachtwoord; null: not set, so a backup opens on this computer only. */
  recoverySetAt: string | null
}

/** What erasing residents from her backups did. */
export interface BackupErasure {
  /** Backups looked into (the backup folder and the second folder). */
  checked: number
  /** Backups that held them, and were rewritten without them. */
  changed: number
  /** Backups that could not be opened with this ledger's key, or failed their check. */
  failed: number
  /** The second folder is set but not there (a USB stick that is out). */
  mirrorUnreachable: boolean
}

/** The backup file she chose to restore, before any password. */
export interface RestoreChoice {
  name: string
  createdAt: string
  /** Made with a herstelwachtwoord (else it opens only with this computer's own key). */
  hasRecovery: boolean
}

/** What the chosen backup holds, once the password opened it. */
export interface RestorePreview {
  createdAt: string
  people: number
  moments: number
}

export const recoveryMinLength = 8

export const setRecoverySchema = z.strictObject(
  {
    password: z
      .string({ error: 'validation.invalid' })
      .min(recoveryMinLength, { error: 'validation.recoveryTooShort' })
      .max(128, { error: 'validation.tooLong' }),
  },
  { error: 'validation.invalid' },
)

export const restoreCheckSchema = z.strictObject(
  { password: z.string({ error: 'validation.invalid' }).max(128, { error: 'validation.tooLong' }) },
  { error: 'validation.invalid' },
)
