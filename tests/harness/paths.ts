import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
export const rendererDir = `${root}out/renderer`
export const harnessOutDir = `${root}out/harness`
export const bridgeFile = `${harnessOutDir}/bridge.js`
