import { describe, expect, it } from 'vitest'
import { channelNames } from '../../shared/channels'
import { buildClient } from '../../shared/client'
import { contract } from '../../shared/contract'
import { ok } from '../../shared/result'

describe('the client built from the channel names', () => {
  it('lists exactly the channels of the contract', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(contract).sort())
  })

  it('sends `sprokkel.people.create(x)` as channel "people:create" with x', async () => {
    const calls: [string, unknown][] = []
    const client = buildClient(async (channel, input) => {
      calls.push([channel, input])
      return ok(null)
    })
    await client.people.create({ firstName: 'Jan' })
    await client.app.info()
    expect(calls).toEqual([
      ['people:create', { firstName: 'Jan' }],
      ['app:info', undefined],
    ])
  })

  it('offers nothing but the named calls', () => {
    const client = buildClient(async () => ok(null)) as unknown as Record<string, object>
    const calls = Object.entries(client).flatMap(([domain, verbs]) =>
      Object.keys(verbs).map((verb) => `${domain}:${verb}`),
    )
    expect(calls.sort()).toEqual([...channelNames].sort())
    expect(Object.keys(client.people!).sort()).toEqual([
      'archive',
      'create',
      'doubles',
      'doublesOf',
      'get',
      'list',
      'merge',
      'restore',
      'search',
      'similar',
      'suggestions',
      'trash',
      'update',
    ])
  })
})
