import { build } from 'vite'
import { bridgeFile, harnessOutDir } from './paths'

/** Bundles the bridge once per run; the renderer itself is built by `npm run test:e2e`. */
export default async function globalSetup(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: harnessOutDir,
      emptyOutDir: true,
      lib: {
        entry: new URL('./bridge.ts', import.meta.url).pathname,
        formats: ['iife'],
        name: 'sprokkelBridge',
        fileName: () => bridgeFile.split('/').at(-1)!,
      },
    },
  })
}
