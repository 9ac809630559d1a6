import { readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * What `npm run test:electron` passes to Electron: the project folder, so that Electron reads
 * package.json (its name, version and main) as it does for `npm start`. The main script alone
 * (`out/main/index.js`) made out/main the app path: no package.json, Electron's own name and
 * version, and before the 13.x driver no SQLite addon either.
 */
export const electronAppArgs = ['.']

/**
 * What Electron makes of its first argument: a folder is an app, started from its package.json's
 * main (index.js when there is none); a file is the main script, and its folder the app path.
 */
export function electronApp(arg: string, cwd = projectRoot): { appPath: string; mainFile: string } {
  const path = resolve(cwd, arg)
  if (!statSync(path).isDirectory()) return { appPath: dirname(path), mainFile: path }
  let main = 'index.js'
  try {
    main =
      (JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { main?: string }).main ??
      main
  } catch {
    // No package.json: Electron looks for index.js.
  }
  return { appPath: path, mainFile: join(path, main) }
}
