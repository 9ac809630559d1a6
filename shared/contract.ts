import { z } from 'zod'
import type { Channel } from './channels'
import { listPeopleSchema, newPersonSchema, type PeoplePage, type Person } from './person'

export type KeyProtection = 'os-keyring' | 'file-only'

export interface AppInfo {
  version: string
  dataDir: string
  /** Read from the store file itself, not assumed: true when its first bytes are not plain SQLite. */
  encrypted: boolean
  keyProtection: KeyProtection
}

/** Carries an output type without a runtime value: outputs come from our own code, inputs do not. */
const returns = <T>() => undefined as unknown as T

const noInput = z.undefined({ error: 'validation.invalid' })

interface ChannelSpec {
  input: z.ZodType
  output: unknown
}

/**
 * Every channel between the renderer and the main process: `domain:verb` → input schema and output
 * type. The main side parses each input with its schema before a handler sees it; the preload and the
 * test harness build `window.sprokkel` from these names. Nothing else crosses the boundary.
 */
export const contract = {
  'app:info': { input: noInput, output: returns<AppInfo>() },
  'people:create': { input: newPersonSchema, output: returns<Person>() },
  'people:list': { input: listPeopleSchema, output: returns<PeoplePage>() },
} as const satisfies Record<Channel, ChannelSpec>

export type Contract = typeof contract
export type { Channel }
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = Contract[C]['output']
