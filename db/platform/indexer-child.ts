import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { indexerFlags, type IndexerProcess, type IndexReply } from '../search/indexer'

/**
 * The indexer as a Node child process: the Platform of tests, benchmarks and the e2e harness. (The
 * Electron shell uses a utility process.) Messages go through V8's serializer, as Electron's do.
 */
export function indexerChild(
  entry: URL,
  execArgv: string[] = [],
): IndexerProcess & { readonly pid: number | undefined } {
  const child = fork(fileURLToPath(entry), [], {
    execArgv: [...indexerFlags, ...execArgv],
    serialization: 'advanced',
    // What it might print could name her data folder: kept out of every log.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  })
  return {
    pid: child.pid,
    // Should it be gone already, its exit says so.
    send: (job) => void child.send(job, () => undefined),
    onMessage: (listener) => child.on('message', (reply) => listener(reply as IndexReply)),
    onExit: (listener) => {
      // A child that cannot start reports an error and may never exit.
      child.once('error', listener)
      child.once('exit', listener)
    },
    stop: () => void child.kill(),
  }
}
