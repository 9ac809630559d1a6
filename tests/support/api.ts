import { afterEach, beforeEach, expect } from 'vitest'
import { createApi, type ApiTable } from '../../db/api'
import { openContext, type ApiContext } from '../../db/context'
import type { Result } from '../../shared/result'
import { makeTempDir, nodePlatform, TestClock, type TestPlatform } from './platform'

/**
 * The API table on a fresh encrypted store in a temporary folder, for each test of the file that
 * calls this; any unexpected error in a handler fails the test. Read the fields inside tests.
 */
export function useApi(clock = new TestClock(new Date('2026-03-02T09:30:00.000Z'))) {
  const state = {
    clock,
    dir: undefined as unknown as ReturnType<typeof makeTempDir>,
    platform: undefined as unknown as TestPlatform,
    ctx: undefined as unknown as ApiContext,
    api: undefined as unknown as ApiTable,
    /** Errors handlers did not expect; a test that provokes one on purpose empties it. */
    unexpected: [] as unknown[],
  }
  beforeEach(async () => {
    state.dir = makeTempDir()
    state.platform = nodePlatform(state.dir.path, clock)
    state.ctx = await openContext(state.platform)
    state.unexpected.length = 0
    state.api = createApi(state.ctx, { onError: (_channel, error) => state.unexpected.push(error) })
  })
  afterEach(async () => {
    await state.ctx.store.close()
    state.dir.remove()
    expect(state.unexpected).toEqual([])
  })
  return state
}

/** The value of a result that must have succeeded. */
export const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value as T
}
