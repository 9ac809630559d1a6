import { spawn } from 'node:child_process'
import {
  copyFileSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupFolder, listBackups } from '../../db/backup/backups'
import { readTrailer, recoveryKdf } from '../../db/backup/file'
import { openKeyed, quickCheck } from '../../db/backup/write'
import { openContext } from '../../db/context'
import type { BackupStatus, RestoreChoice, RestorePreview } from '../../shared/backup'
import type { PersonDetail } from '../../shared/person-detail'
import type { PeopleSearchResult } from '../../shared/people-query'
import { fill } from '../bench/fill'
import { syntheticPeople } from '../bench/ledger'
import { useApi, value } from '../support/api'
import { decryptedStore, holdsAny } from '../support/sqlcipher'
import { anotherComputer, everyRow, folderState } from '../support/ledger-state'
import { makeTempDir } from '../support/platform'

const t = useApi()

const backupNow = async () => value<BackupStatus>(await t.api['backup:now'](undefined))

async function ledgerWithSomeone() {
  const mira = value<PersonDetail>(
    await t.api['people:create']({
      firstName: 'Mira',
      lastName: 'Oudewater',
      wijk: 'Kerckebosch',
      wish: 'Samen koken met buren',
    }),
  )
  value(
    await t.api['moments:add']({
      personId: mira.id,
      date: '2026-03-01',
      channel: 'telefoon',
      note: 'Koffie gedronken',
    }),
  )
  value(
    await t.api['settings:update']({
      workerName: 'Sanne',
      reminderTime: '09:00',
      organisation: '',
    }),
  )
  return mira
}

// Backups run in worker threads and every password goes through scrypt: seconds each on a busy
// machine, so more than vitest's default 5 s.
describe('backups', { timeout: 60_000 }, () => {
  it('restores on a computer that never had her keyring: every row, with her herstelwachtwoord', async () => {
    const mira = await ledgerWithSomeone()
    value(await t.api['recovery:set']({ password: 'Wijkwerk-2026!' }))
    const status = await backupNow()
    expect(status).toMatchObject({ count: 1, stale: false, problem: null })
    expect(status.recoverySetAt).toBe('2026-03-02T09:30:00.000Z')
    const [backup] = listBackups(backupFolder(t.platform.dataDir))
    expect(backup?.name).toMatch(/^sprokkelaar-backup-\d{4}-\d{2}-\d{2}-\d{6}\.sprokkel-backup$/)
    // The store part is ciphertext: her words are nowhere in the file.
    const bytes = readFileSync(backup!.file)
    for (const word of ['Oudewater', 'Koffie gedronken', 'Kerckebosch']) {
      expect(bytes.includes(Buffer.from(word))).toBe(false)
    }
    expect(readTrailer(backup!.file)?.recovery?.kdf).toEqual(recoveryKdf)

    const other = await anotherComputer()
    try {
      other.platform.fileDialog.answer = backup!.file
      const choice = value<RestoreChoice>(await other.api['restore:choose'](undefined))
      expect(choice).toMatchObject({ hasRecovery: true, name: backup!.name })

      // A wrong password: a Dutch message, and not a byte of the new computer's folder changes.
      const before = folderState(other.dir.path)
      expect(await other.api['restore:check']({ password: 'wijkwerk-2026!' })).toEqual({
        ok: false,
        error: {
          code: 'wrong_password',
          message: 'Dit herstelwachtwoord opent deze back-up niet. Er is niets veranderd.',
        },
      })
      expect(folderState(other.dir.path)).toEqual(before)

      const preview = value<RestorePreview>(
        await other.api['restore:check']({ password: 'Wijkwerk-2026!' }),
      )
      expect(preview).toEqual({ createdAt: '2026-03-02T09:30:00.000Z', people: 1, moments: 1 })
      value(await other.api['restore:replace'](undefined))

      expect(await everyRow(other.ctx)).toEqual(await everyRow(t.ctx))
      // Search and the key file follow the restored store; it opens again after a restart.
      const found = value<PeopleSearchResult[]>(
        await other.api['people:search']({ query: 'oudew' }),
      )
      expect(found.map((hit) => hit.person.id)).toEqual([mira.id])
      expect(other.ctx.info.keyProtection).toBe('file-only')
      await other.ctx.store.close()
      const again = await openContext(other.platform)
      expect(await everyRow(again)).toEqual(await everyRow(t.ctx))
      await again.store.close()
      expect(readdirSync(other.dir.path)).not.toContain('restore.partial.db')
      expect(readdirSync(other.dir.path)).not.toContain('sprokkelaar.db.before-restore')
    } finally {
      await other.ctx.store.close().catch(() => undefined)
      other.dir.remove()
    }
  })

  it('a backup without a herstelwachtwoord opens on its own computer only, and says so elsewhere', async () => {
    await ledgerWithSomeone()
    await backupNow()
    const [backup] = listBackups(backupFolder(t.platform.dataDir))
    expect(readTrailer(backup!.file)?.recovery).toBeNull()

    const other = await anotherComputer()
    try {
      other.platform.fileDialog.answer = backup!.file
      expect(value<RestoreChoice>(await other.api['restore:choose'](undefined)).hasRecovery).toBe(
        false,
      )
      const before = folderState(other.dir.path)
      expect(await other.api['restore:check']({ password: '' })).toMatchObject({
        ok: false,
        error: { code: 'file_unreadable', message: expect.stringContaining('andere computer') },
      })
      expect(folderState(other.dir.path)).toEqual(before)
    } finally {
      await other.ctx.store.close()
      other.dir.remove()
    }

    // On her own computer: back to the backup, after a backup of what she has now.
    value(await t.api['people:create']({ firstName: 'Later', lastName: 'Toegevoegd' }))
    t.clock.set('2026-03-02T10:00:00.000Z')
    t.platform.fileDialog.answer = backup!.file
    value(await t.api['restore:choose'](undefined))
    expect(value<RestorePreview>(await t.api['restore:check']({ password: '' })).people).toBe(1)
    value(await t.api['restore:replace'](undefined))
    const names = await t.ctx.store.db.selectFrom('person').select('first_name').execute()
    expect(names.map((row) => row.first_name)).toEqual(['Mira'])
    // The ledger with "Later" went into a backup first (the newest of the day, so rotation keeps it).
    const [first] = listBackups(backupFolder(t.platform.dataDir))
    expect(first?.createdAt.toISOString()).toBe('2026-03-02T10:00:00.000Z')
  })

  it('never lists a half-written or cut-short backup, and the next one clears it away', async () => {
    await ledgerWithSomeone()
    await backupNow()
    const folder = backupFolder(t.platform.dataDir)
    const [good] = listBackups(folder)
    const cut = join(folder, 'sprokkelaar-backup-2026-03-03-000000.sprokkel-backup')
    copyFileSync(good!.file, cut)
    truncateSync(cut, statSync(cut).size - 3)
    const partial = join(folder, 'sprokkelaar-backup-2026-03-04-000000.sprokkel-backup.partial')
    copyFileSync(good!.file, partial)
    writeFileSync(join(folder, 'sprokkelaar-backup-2026-03-05-000000.sprokkel-backup'), 'nee')
    expect(listBackups(folder).map((backup) => backup.name)).toEqual([good!.name])

    t.platform.fileDialog.answer = cut
    expect(await t.api['restore:choose'](undefined)).toMatchObject({
      ok: false,
      error: { code: 'file_unreadable', message: expect.stringContaining('geen (volledige)') },
    })

    t.clock.set('2026-03-02T11:00:00.000Z')
    await backupNow()
    expect(readdirSync(folder)).not.toContain(partial.split('/').pop())
  })

  it('rotates to 7 daily, 4 weekly and 12 monthly, warns after 7 days and copies to a second folder', async () => {
    await ledgerWithSomeone()
    const mirror = makeTempDir()
    // A colleague's backups in the same folder (her organisation's drive): never rotated away.
    const colleague = await anotherComputer(new Date('2026-01-10T09:00:00.000Z'))
    try {
      colleague.platform.fileDialog.folderAnswer = mirror.path
      value(await colleague.api['backup:chooseMirror'](undefined))
      const [theirs] = listBackups(mirror.path)
      t.platform.fileDialog.folderAnswer = mirror.path
      value(await t.api['backup:chooseMirror'](undefined))
      // A backup every day for 75 days (the rules themselves: tests/unit/rotation.test.ts).
      const start = new Date('2026-03-02T09:30:00.000Z').getTime()
      for (let day = 1; day <= 75; day++) {
        t.clock.set(new Date(start + day * 86_400_000))
        await backupNow()
      }
      const kept = listBackups(backupFolder(t.platform.dataDir))
      // 7 days, then the newest of each of 4 weeks and of 3 months (overlapping the days).
      expect(kept.length).toBeGreaterThanOrEqual(9)
      expect(kept.length).toBeLessThanOrEqual(12)
      const oldest = kept.at(-1)!.createdAt.getTime()
      expect(start + 75 * 86_400_000 - oldest).toBeGreaterThan(45 * 86_400_000)
      expect(listBackups(mirror.path).map((backup) => backup.name)).toEqual([
        ...kept.map((backup) => backup.name),
        theirs!.name,
      ])

      t.clock.set(new Date(start + 83 * 86_400_000))
      expect(value<BackupStatus>(await t.api['backup:status'](undefined)).stale).toBe(true)

      // The USB stick is out: the backup itself is made, and she is told about the second folder.
      mirror.remove()
      const status = await backupNow()
      expect(status).toMatchObject({ stale: false, problem: 'mirror_failed' })
    } finally {
      await colleague.close()
      mirror.remove()
    }
  }, 60_000)

  it('a backup killed at any moment (kill -9, 20 times) never leaves a listed backup that is not whole', async () => {
    // Enough residents that a backup takes a while, so the kills land inside one.
    await fill(t.ctx.store, syntheticPeople(3000, 5))
    await backupNow()
    const folder = backupFolder(t.platform.dataDir)
    const key = (await t.platform.storeKey()).key
    const script = new URL('../support/backup-loop.ts', import.meta.url).pathname
    let killedMidWay = 0
    for (let round = 0; round < 20; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', script, t.ctx.store.path, key, folder, String(round)],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      )
      // Killed once it has started writing, at a different point each round.
      await new Promise<void>((resolve) =>
        child.stdout.once('data', () => {
          setTimeout(() => child.kill('SIGKILL'), 20 + round * 37)
          resolve()
        }),
      )
      await new Promise((resolve) => child.once('exit', resolve))
      if (readdirSync(folder).some((name) => name.endsWith('.partial'))) killedMidWay++
      const listed = listBackups(folder)
      expect(listed.length).toBeGreaterThan(0)
      for (const backup of listed) {
        const staged = join(t.dir.path, 'check.db')
        copyFileSync(backup.file, staged)
        truncateSync(staged, readTrailer(backup.file)!.storeBytes)
        const db = openKeyed(staged, key)
        expect(quickCheck(db)).toBe('ok')
        expect(db.prepare('SELECT count(*) FROM person').pluck().get()).toBe(3000)
        db.close()
        rmSync(staged)
      }
    }
    // Most kills landed inside a backup (else the test proves little).
    expect(killedMidWay).toBeGreaterThan(5)
  }, 240_000)

  it('erases a resident from every backup on request: gone from each page, the others as they were', async () => {
    const mira = await ledgerWithSomeone()
    const jan = value<PersonDetail>(
      await t.api['people:create']({ firstName: 'Jan', lastName: 'Brouwershaven', wijk: 'Zuid' }),
    )
    const piet = value<PersonDetail>(
      await t.api['people:create']({ firstName: 'Piet', lastName: 'Zandvoort', wijk: 'Zuid' }),
    )
    value(await t.api['recovery:set']({ password: 'Wijkwerk-2026!' }))
    const stick = makeTempDir()
    const away = `${stick.path}-weg`
    try {
      t.platform.fileDialog.folderAnswer = stick.path
      value(await t.api['backup:chooseMirror'](undefined))
      t.clock.set('2026-03-03T09:30:00.000Z')
      await backupNow()
      const folder = backupFolder(t.platform.dataDir)
      const all = () => [...listBackups(folder), ...listBackups(stick.path)]
      const before = all()
      expect(before).toHaveLength(4)

      value(await t.api['privacy:erase']({ ids: [mira.id] }))
      expect(value(await t.api['backup:erase']({ ids: [mira.id] }))).toEqual({
        checked: 4,
        changed: 4,
        failed: 0,
        mirrorUnreachable: false,
      })
      // The same backups, by name and date, with the herstelwachtwoord still in them.
      expect(all().map((b) => [b.name, b.createdAt.toISOString(), !!b.recovery])).toEqual(
        before.map((b) => [b.name, b.createdAt.toISOString(), true]),
      )
      // Asked again: nothing holds her any more, nothing is rewritten.
      expect(value(await t.api['backup:erase']({ ids: [mira.id] }))).toMatchObject({ changed: 0 })

      // Jan, with the USB stick out: his backups there are done when it is back.
      renameSync(stick.path, away)
      value(await t.api['privacy:erase']({ ids: [jan.id] }))
      expect(value(await t.api['backup:erase']({ ids: [jan.id] }))).toEqual({
        checked: 2,
        changed: 2,
        failed: 0,
        mirrorUnreachable: true,
      })
      renameSync(away, stick.path)
      t.clock.set('2026-03-04T09:30:00.000Z')
      await backupNow()

      const key = (await t.platform.storeKey()).key
      expect(all()).toHaveLength(6)
      for (const backup of all()) {
        const staged = join(t.dir.path, 'check.db')
        copyFileSync(backup.file, staged)
        truncateSync(staged, readTrailer(backup.file)!.storeBytes)
        // Every page decrypted, free space included: nothing of them; Piet as he was.
        const pages = decryptedStore(staged, key)
        expect(holdsAny(pages, ['Oudewater', 'Koffie gedronken', 'Brouwershaven'])).toEqual([])
        expect(holdsAny(pages, ['Zandvoort'])).toEqual(['Zandvoort'])
        const db = openKeyed(staged, key)
        expect(quickCheck(db)).toBe('ok')
        expect(db.prepare('SELECT id FROM person').pluck().all()).toEqual([piet.id])
        db.close()
        rmSync(staged)
      }
    } finally {
      rmSync(away, { recursive: true, force: true })
      stick.remove()
    }
  }, 90_000)

  it('is not made with the driver’s backup(): SQLite’s online backup refuses an encrypted store', async () => {
    // Why write.ts uses VACUUM INTO: pinned, so that a driver that learns it shows up here.
    await ledgerWithSomeone()
    const source = openKeyed(t.ctx.store.path, (await t.platform.storeKey()).key)
    try {
      await expect(source.backup(join(t.dir.path, 'online.db'))).rejects.toThrow(
        /incompatible source and target/,
      )
    } finally {
      source.close()
    }
  })
})
