import { parentPort } from 'node:worker_threads'

/** How a process or thread of its own (a file reader, the indexer) hears its one job and answers. */
export interface ChildPort<Job, Reply> {
  post(reply: Reply): void
  once(listener: (job: Job) => void): void
}

interface ElectronParentPort {
  postMessage(message: unknown): void
  once(event: 'message', listener: (event: { data: unknown }) => void): void
}

/**
 * The port to whoever started this code: Electron's `process.parentPort` in a utility process, the
 * parent port in a Node worker thread, or `process.send` in a Node child process.
 */
export function childPort<Job, Reply>(): ChildPort<Job, Reply> {
  const electron = (process as { parentPort?: ElectronParentPort }).parentPort
  if (electron) {
    return {
      post: (reply) => electron.postMessage(reply),
      once: (listener) => electron.once('message', (event) => listener(event.data as Job)),
    }
  }
  const thread = parentPort
  if (thread) {
    return {
      post: (reply) => thread.postMessage(reply),
      once: (listener) => thread.once('message', (job) => listener(job as Job)),
    }
  }
  const send = process.send?.bind(process)
  if (!send) throw new Error('runs as a utility process, a worker thread or a Node child process')
  return {
    post: (reply) => void send(reply),
    once: (listener) => process.once('message', (job) => listener(job as Job)),
  }
}
