import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { describeError, fileLog, logFileName } from '../../db/platform/log'
import type { ImportFileView } from '../../shared/import'
import type { PersonDetail } from '../../shared/person-detail'
import { workerRows, writeWorkerXlsx } from '../support/import-fixtures'
import { useApi, value } from '../support/api'
import { makeTempDir } from '../support/platform'

const t = useApi()
const logText = () => readFileSync(join(t.platform.dataDir, logFileName), 'utf8')

// What a resident is known by: none of it may reach the log, however a run goes.
const secrets = [
  'Wilhelmina',
  'Zwanenburg',
  'Kerkstraat',
  '06-12345678',
  'wilhelmina@example.nl',
  'tuinieren',
  'kookcursus',
  'Praatje bij de voordeur',
  ...workerRows.slice(0, 5).map((row) => row.naam.split(' ')[0]!),
]

describe('the log', () => {
  it('after a run through the API, errors included, holds events and codes but no personal data', async () => {
    const created = value<PersonDetail>(
      await t.api['people:create']({
        firstName: 'Wilhelmina',
        lastName: 'Zwanenburg',
        street: 'Kerkstraat',
        houseNumber: '12',
        phone: '06-12345678',
        email: 'wilhelmina@example.nl',
        wish: 'Een kookcursus geven',
        note: 'houdt van tuinieren',
        tags: [{ kind: 'passion', name: 'tuinieren' }],
        moment: { date: '2026-03-02', channel: 'portiek', note: 'Praatje bij de voordeur' },
        followUpPick: '1m',
      }),
    )
    await t.api['people:search']({ query: 'Wilhelmina Kerkstraat' })
    await t.api['people:update']({ ...created, id: created.id, firstName: 'Wilhelmina' })
    await t.api['moments:add']({ personId: created.id, date: '2026-03-02', channel: 'telefoon' })

    // Her Excel list, imported.
    const dir = makeTempDir()
    try {
      const file = join(dir.path, 'Bewoners Wilhelmina.xlsx')
      await writeWorkerXlsx(file)
      t.platform.fileDialog.answer = file
      const view = value<ImportFileView>(await t.api['import:open'](undefined))
      await t.api['import:commit']({
        sessionId: view.sessionId,
        mapping: view.columns.map((column) => column.suggested),
        decisions: [],
      })
    } finally {
      dir.remove()
    }

    // Bad input the user sees: validation messages name the field, and are not logged at all.
    await t.api['people:create']({ firstName: 'Wilhelmina', phone: 'bel Wilhelmina maar' })

    // Faults nobody expected, whose messages quote her name: a trigger that fails with it, and
    // a write on a closed handle.
    await sql`CREATE TRIGGER refuse BEFORE UPDATE ON person BEGIN
      SELECT RAISE(ABORT, 'Wilhelmina Zwanenburg, Kerkstraat 12, weigert'); END`.execute(
      t.ctx.store.db,
    )
    const failed = await t.api['people:archive']({ id: created.id, archived: true })
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(t.unexpected).toHaveLength(1)
    t.unexpected.length = 0

    const log = logText()
    expect(log).toMatch(/info store\.opened encrypted=true/)
    expect(log).toMatch(
      /error api\.failed channel="people:archive" error="SqliteError" code="SQLITE_CONSTRAINT_TRIGGER"/,
    )
    for (const secret of secrets) expect(log, secret).not.toContain(secret)
  })

  it('leaves out what an error says, also of errors that are not Errors', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'Fatima')")
    expect(describeError(error)).toMatchObject({ error: 'TypeError' })
    expect(JSON.stringify(describeError(error))).not.toContain('Fatima')
    expect(describeError('Fatima el Amrani')).toEqual({ error: 'string' })
    expect(describeError({ name: 'Fatima' })).toEqual({ error: 'object' })
  })

  it('keeps one old file when it grows past a megabyte', () => {
    const dir = makeTempDir()
    try {
      const path = join(dir.path, logFileName)
      const log = fileLog(path)
      for (let i = 0; i < 12_000; i++) log.info('test.event', { count: i, padding: 'x'.repeat(60) })
      fileLog(path).info('after')
      expect(readFileSync(`${path}.1`, 'utf8')).toContain('count=11999')
      expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1)
    } finally {
      dir.remove()
    }
  })
})
