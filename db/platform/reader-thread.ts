import { Worker } from 'node:worker_threads'
import { readerHeapMb, type ReaderProcess } from '../import/file/protocol'

/**
 * The file reader as a Node worker thread, with a heap of its own that it cannot grow past: the
 * Platform of tests, benchmarks and the e2e harness. (The Electron shell uses a utility process.)
 */
export function readerThread(entry: URL): ReaderProcess {
  const worker = new Worker(entry, {
    resourceLimits: { maxOldGenerationSizeMb: readerHeapMb, maxYoungGenerationSizeMb: 32 },
    stdout: true,
    stderr: true,
  })
  // What it might print stays out of the test output and every log: file contents are hers.
  worker.stdout.resume()
  worker.stderr.resume()
  return {
    send: (request) => worker.postMessage(request),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => {
      // Out of memory arrives as an error first; either way the reader is gone.
      worker.on('error', listener)
      worker.on('exit', listener)
    },
    stop: () => void worker.terminate(),
  }
}
