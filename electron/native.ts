import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app } from 'electron'

/**
 * Where the Electron build of the SQLite addon lives. node_modules keeps the build for Node (tests,
 * benchmarks); `npm run native:electron` puts one for Electron's ABI in .native/electron, and
 * electron-builder copies that into the package's resources (see electron-builder.yml).
 */
export function electronSqliteBinding(): string {
  const path = app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node')
  if (!existsSync(path)) {
    throw new Error(
      `De SQLite-module voor Electron ontbreekt (${path}). Voer eerst "npm run native:electron" uit.`,
    )
  }
  return path
}
