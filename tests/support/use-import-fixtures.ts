import { afterAll, beforeAll } from 'vitest'
import { writeAllFixtures } from './import-fixtures'
import { makeTempDir } from './platform'

/**
 * Every fixture file written once for a test file, in a temporary folder removed after it: call at
 * the top of the file, read `files()` inside tests.
 */
export function useImportFixtures(): () => Awaited<ReturnType<typeof writeAllFixtures>> {
  let dir: ReturnType<typeof makeTempDir>
  let written: Awaited<ReturnType<typeof writeAllFixtures>>
  beforeAll(async () => {
    dir = makeTempDir('sprokkelaar-fixtures-')
    written = await writeAllFixtures(dir.path)
  })
  afterAll(() => dir.remove())
  return () => written
}
