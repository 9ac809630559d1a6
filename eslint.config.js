import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const node = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]
const banned = (names, message) => names.map((name) => ({ name, message }))
const ipc = (...importNames) => ({
  name: 'electron',
  importNames,
  message: 'Only electron/ipc.ts may use ipcMain, and only electron/preload.ts ipcRenderer.',
})
const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
})

// The layers of ARCHITECTURE.md: renderer → shared ← electron → db → shared.
const boundaries = {
  shared: restrict(
    banned(
      [...node, 'electron', 'react', 'react-dom', 'kysely', 'better-sqlite3-multiple-ciphers'],
      'shared/ is plain TypeScript for both sides: no Node, Electron, React or SQLite.',
    ),
    [
      {
        group: ['**/db/**', '**/electron/**', '**/renderer/**'],
        message: 'shared/ imports only shared/.',
      },
    ],
  ),
  renderer: restrict(
    banned(
      [...node, 'electron', 'kysely', 'better-sqlite3-multiple-ciphers'],
      'The renderer talks to the main process only through window.sprokkel.',
    ),
    [{ group: ['**/db/**', '**/electron/**'], message: 'The renderer imports only shared/.' }],
  ),
  db: restrict(
    banned(['electron'], 'db/ runs under plain Node; OS services come through Platform.'),
    [
      {
        group: ['**/electron/**', '**/renderer/**'],
        message: 'db/ imports only shared/ and its drivers.',
      },
    ],
  ),
  electron: (allowed) =>
    restrict(
      [ipc(...['ipcMain', 'ipcRenderer'].filter((name) => name !== allowed))],
      [{ group: ['**/renderer/**'], message: 'The shell never imports the renderer.' }],
    ),
}

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // useLoad(load, deps) takes a dependency list like useEffect: check it like one.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLoad$' }],
      ...boundaries.renderer,
    },
  },
  { files: ['shared/**/*.ts'], rules: boundaries.shared },
  { files: ['db/**/*.ts'], rules: boundaries.db },
  { files: ['electron/**/*.ts'], rules: boundaries.electron(undefined) },
  { files: ['electron/ipc.ts'], rules: boundaries.electron('ipcMain') },
  { files: ['electron/preload.ts'], rules: boundaries.electron('ipcRenderer') },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
)
