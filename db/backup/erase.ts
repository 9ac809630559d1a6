import {
  closeSync,
  copyFileSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { localDate } from '../../shared/dates'
import { erasePeople } from '../privacy/erase'
import { openStore } from '../store/store'
import { encodeTrailer, readTrailer } from './file'
import { openKeyed, quickCheck, syncFolder } from './write'

/**
 * Erasing residents from one backup, on her request (runs in the backup's worker thread, one file
 * at a time): the store part copied out, opened (and brought to today's schema, as a restore would),
 * the same erase as in her ledger (db/privacy/erase.ts: every table, their names out of stored
 * stories) with the file rewritten from its live rows at once, checked, given its trailer back (the
 * same date and herstelwachtwoord) and put in the old file's place in one rename. A backup that does
 * not hold them is left as it is; one that fails its check is left as it was.
 */

export interface EraseFromBackupRequest {
  file: string
  /** The store key (a backup of this ledger is encrypted with it). */
  key: string
  ids: string[]
  now: string
}

export type EraseFromBackupOutcome =
  | { ok: true; erased: number }
  | {
      ok: false
      reason: 'not_a_backup' | 'other_key' | 'check_failed' | 'write_failed'
      detail: string
    }

const workSuffix = '.erasing'

export async function eraseFromBackup(
  request: EraseFromBackupRequest,
): Promise<EraseFromBackupOutcome> {
  const trailer = readTrailer(request.file)
  if (!trailer) return { ok: false, reason: 'not_a_backup', detail: 'no trailer' }
  const work = request.file + workSuffix
  rmSync(work, { force: true })
  copyFileSync(request.file, work)
  truncateSync(work, trailer.storeBytes)
  try {
    let store
    try {
      store = await openStore(work, request.key)
    } catch (error) {
      return { ok: false, reason: 'other_key', detail: (error as Error).message }
    }
    let erased: number
    try {
      const now = new Date(request.now)
      // Rewritten at once whatever its size (Infinity): no page keeps an old copy of them.
      const outcome = await erasePeople(
        store,
        request.ids,
        { now, today: localDate(now), worker: null },
        'erase',
        Number.POSITIVE_INFINITY,
      )
      erased = outcome.value.count
    } finally {
      await store.close()
    }
    if (erased === 0) return { ok: true, erased: 0 }
    for (const suffix of ['-wal', '-shm']) rmSync(work + suffix, { force: true })
    const copy = openKeyed(work, request.key)
    try {
      const check = quickCheck(copy)
      if (check !== 'ok') return { ok: false, reason: 'check_failed', detail: check }
    } finally {
      copy.close()
    }
    const storeBytes = statSync(work).size
    const fd = openSync(work, 'r+')
    try {
      writeSync(fd, encodeTrailer({ ...trailer, storeBytes }), 0, undefined, storeBytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(work, request.file)
    syncFolder(dirname(request.file))
    return { ok: true, erased }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true })
  }
}
