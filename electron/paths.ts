import { join } from 'node:path'

/**
 * The shell's own files, found from the folder of the built main script (out/main), wherever the
 * app was started from: `electron .` in development and tests, app.asar in a package.
 */
export function shellFiles(mainDir: string) {
  return {
    rendererDir: join(mainDir, '..', 'renderer'),
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
  }
}

/**
 * Her data folder. An installed app uses the OS's place for it (…/Sprokkelaar); a development
 * build (`npm start`, `npm run dev`) uses a folder of its own beside it, so that trying a change
 * never opens, migrates or locks the ledger she works in. `SPROKKELAAR_DATA_DIR` chooses another
 * folder (the e2e specs give each test its own).
 */
export function dataFolder(options: {
  packaged: boolean
  appData: string
  productName: string
  override?: string | undefined
}): string {
  if (options.override) return options.override
  return join(
    options.appData,
    options.packaged ? options.productName : `${options.productName} (ontwikkeling)`,
  )
}
