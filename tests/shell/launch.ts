import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../support/electron-app'
import type { LaunchSetup } from './launch-main'

type MenuItem = { label?: string; role?: string; enabled?: boolean; submenu?: MenuItem[] }
type Result = { ok: boolean; value?: unknown; error?: { code: string; message: string } }

/** What launch-main.ts saw; the fields after `userData` exist once a window opened. */
export interface LaunchReport {
  started: 'window' | 'exited'
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[]
  sandboxEnabled: boolean
  userModelId: string | null
  errorBoxes: { title: string; content: string }[]
  exitCode: number | null
  userData: string
  dataFiles: string[]
  /** Contact opnemen through the API: each answer, and every link handed to shell.openExternal. */
  contact: { results: { ok: boolean }[]; opened: string[] }
  /** The checked backups in the data folder's `backups` once the one made at start is there. */
  backups: string[]
  log: string
  window: { webPreferences: Record<string, unknown> } & Record<string, unknown>
  loadedUrl: string
  preloadExists: boolean
  page: { status: number; type: string; csp: string | null; body: string } | null
  scripts: { src: string; status: number; type: string }[]
  outside: number
  channels: string[]
  channelsAfterQuit: number
  appInfo: Result
  foreignFrame: Result
  otherWindow: Result
  requests: Record<string, 'allowed' | 'cancelled' | 'no filter'>
  headersReceivedHandlers: number
  permissionGranted: boolean | null
  applicationMenu: MenuItem[]
  contextMenu: MenuItem[][]
  reminder: {
    text: { title: string; body: string }
    aliveAfterGc: boolean
    navigation: Result
  } | null
  imported: {
    view: Result
    readers: { modulePath: string; serviceName?: string; execArgv?: string[]; exists: boolean }[]
  } | null
  uncaught: { title: string; content: string }[]
  windowState: { bounds: Record<string, number>; maximized: boolean; zoom: number } | null
  quitExit: number
}

/**
 * Starts the built main process on the stand-in Electron in a process of its own (the app's module
 * state is global, as in Electron) and returns its report.
 */
export async function launch(
  dir: string,
  setup: Omit<LaunchSetup, 'report' | 'appData'> & { appData?: string },
): Promise<LaunchReport> {
  mkdirSync(dir, { recursive: true })
  const report = join(dir, 'report.json')
  const full: LaunchSetup = { appData: join(dir, 'appData'), ...setup, report }
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      '--import',
      './tests/shell/stand-in/hooks.ts',
      'tests/shell/launch-main.ts',
    ],
    {
      cwd: projectRoot,
      env: { ...process.env, SHELL_SETUP: JSON.stringify(full) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`the launch failed (exit ${code}):\n${output}`)
  return JSON.parse(readFileSync(report, 'utf8')) as LaunchReport
}

/** The labels of a menu and its submenus, as she reads them. */
export const menuLabels = (items: MenuItem[]): string[] =>
  items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(item.submenu ? menuLabels(item.submenu) : []),
  ])
