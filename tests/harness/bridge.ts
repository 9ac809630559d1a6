// Injected into the page before the renderer runs: the same client the preload builds, over HTTP.
import { buildClient } from '../../shared/client'
import type { Result } from '../../shared/result'

Object.defineProperty(window, 'sprokkel', {
  value: Object.freeze(
    buildClient(async (channel, input) => {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input }),
      })
      return (await response.json()) as Result<unknown>
    }),
  ),
})
