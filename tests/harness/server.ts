import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { createApi, isChannel } from '../../db/api'
import { openContext, type ApiContext } from '../../db/context'
import { fail, type Result } from '../../shared/result'
import { nodePlatform, TestClock, type TestPlatform } from '../support/platform'
import { rendererDir } from './paths'

export interface Harness {
  url: string
  port: number
  clock: TestClock
  platform: TestPlatform
  ctx: ApiContext
  close(): Promise<void>
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

const maxBody = 5 * 1024 * 1024

async function readBody(request: IncomingMessage): Promise<string> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBody) throw new Error('body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  response.end(body)
}

/**
 * Serves the built renderer and the API table on 127.0.0.1, standing in for the Electron shell: the
 * same handlers and the same SQLite file, only the transport differs (HTTP instead of IPC).
 */
export async function startHarness(options: {
  dataDir: string
  clock?: TestClock
  port?: number
}): Promise<Harness> {
  const clock = options.clock ?? new TestClock()
  const platform = nodePlatform(options.dataDir, clock)
  const ctx = await openContext(platform)
  const api = createApi(ctx, { onError: (channel, error) => console.error(`[${channel}]`, error) })

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1')
      if (request.method === 'POST' && url.pathname.startsWith('/api/')) {
        const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
        if (!isChannel(channel)) return send(response, 404, 'text/plain', 'unknown channel')
        let result: Result<unknown>
        try {
          const body = JSON.parse(await readBody(request)) as { input?: unknown }
          result = await api[channel](body.input)
        } catch {
          result = fail('invalid_input', 'Het verzoek kon niet worden gelezen.')
        }
        return send(response, 200, 'application/json', JSON.stringify(result))
      }
      if (request.method !== 'GET') return send(response, 405, 'text/plain', 'method not allowed')
      const relative = normalize(url.pathname === '/' ? '/index.html' : url.pathname)
      if (relative.includes('..')) return send(response, 400, 'text/plain', 'bad path')
      try {
        const file = await readFile(join(rendererDir, relative))
        send(response, 200, contentTypes[extname(relative)] ?? 'application/octet-stream', file)
      } catch {
        send(response, 404, 'text/plain', 'not found')
      }
    })()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    clock,
    platform,
    ctx,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await ctx.store.close()
    },
  }
}
