import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { contentSecurityPolicy } from './shared/csp'

/**
 * Puts the content security policy of shared/csp.ts in the page's <meta>. In development the React
 * plugin injects a small inline script (the fast-refresh preamble): that one script is allowed by its
 * hash, not every inline script; and Vite injects CSS as <style> elements to hot-swap them, so the dev
 * server allows inline styles. Builds have neither and keep the strict policy.
 */
function contentSecurityPolicyMeta(): Plugin {
  let serving = false
  return {
    name: 'sprokkelaar:csp-meta',
    configResolved: (config) => {
      serving = config.command === 'serve'
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        let policy = contentSecurityPolicy
        if (serving) {
          const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
            .map((match) => match[1] ?? '')
            .filter((body) => body.trim() !== '')
            .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`)
          policy = policy
            .replace("script-src 'self'", ["script-src 'self'", ...hashes].join(' '))
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        }
        return {
          html,
          tags: [
            {
              tag: 'meta',
              attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
              injectTo: 'head-prepend',
            },
          ],
        }
      },
    },
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('electron/main.ts'),
          // The import's file reader, run in a utility process (electron/platform.ts).
          reader: resolve('db/import/file/worker.ts'),
          // The backup, in a worker thread of the main process (db/backup/thread.ts).
          backup: resolve('db/backup/worker.ts'),
          // A large ledger's people indexes, filled in a process of their own (db/search/indexer.ts).
          indexer: resolve('db/search/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but electron: bundle it whole, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    build: { minify: true, rollupOptions: { input: resolve('renderer/index.html') } },
    plugins: [react(), contentSecurityPolicyMeta()],
  },
})
