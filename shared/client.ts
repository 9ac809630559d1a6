import { channelNames, type Channel } from './channels'
import type { ChannelInput, ChannelOutput } from './contract'
import type { Result } from './result'

type Domain = Channel extends `${infer D}:${string}` ? D : never
type VerbsOf<D extends string> = Channel extends infer C
  ? C extends `${D}:${infer V}`
    ? V
    : never
  : never
type Call<C extends Channel> = (
  ...input: undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>]
) => Promise<Result<ChannelOutput<C>>>

/** `window.sprokkel`: `sprokkel.people.create(input)` calls the channel `people:create`. */
export type SprokkelApi = {
  [D in Domain]: {
    [V in VerbsOf<D>]: `${D}:${V}` extends infer C extends Channel ? Call<C> : never
  }
}

export type Transport = (channel: Channel, input: unknown) => Promise<Result<unknown>>

/** Builds the typed client over one transport: IPC in the preload, HTTP in the e2e harness. */
export function buildClient(transport: Transport): SprokkelApi {
  const client: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {}
  for (const channel of channelNames) {
    const [domain, verb] = channel.split(':') as [string, string]
    client[domain] ??= {}
    client[domain][verb] = (input?: unknown) => transport(channel, input)
  }
  return client as unknown as SprokkelApi
}
