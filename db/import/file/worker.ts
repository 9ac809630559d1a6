import { parentPort } from 'node:worker_threads'
import { translate } from '../../../shared/i18n/messages'
import { nl } from '../../../shared/i18n/nl'
import { StoreError } from '../../store/errors'
import type { ReadReply, ReadRequest } from './protocol'
import { readSpreadsheet } from './read'

/**
 * The file reader's own process or thread: reads one file and answers once. The Electron shell
 * runs it as a utility process (Electron's `process.parentPort`), Node as a worker thread.
 */

interface Port {
  post(reply: ReadReply): void
  once(listener: (request: ReadRequest) => void): void
}

interface ElectronParentPort {
  postMessage(message: unknown): void
  once(event: 'message', listener: (event: { data: unknown }) => void): void
}

function port(): Port {
  const electron = (process as { parentPort?: ElectronParentPort }).parentPort
  if (electron) {
    return {
      post: (reply) => electron.postMessage(reply),
      once: (listener) => electron.once('message', (event) => listener(event.data as ReadRequest)),
    }
  }
  const thread = parentPort
  if (!thread) throw new Error('the file reader runs as a worker thread or utility process')
  return {
    post: (reply) => thread.postMessage(reply),
    once: (listener) => thread.once('message', listener),
  }
}

const to = port()
to.once((request) => {
  let last = 0
  readSpreadsheet(request.path, request.csv, {
    progress: (done, total) => {
      // A few hundred messages at most: one per percent.
      if (done - last < total / 100 && done < total) return
      last = done
      to.post({ type: 'progress', done, total })
    },
  }).then(
    (file) => to.post({ type: 'done', file }),
    (error: unknown) =>
      to.post(
        error instanceof StoreError
          ? { type: 'failed', code: error.code, message: error.message }
          : {
              type: 'failed',
              code: 'file_unreadable',
              message: translate(nl, 'import.errors.damaged'),
            },
      ),
  )
})
