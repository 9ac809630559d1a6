import { translate } from '../../../shared/i18n/messages'
import { nl } from '../../../shared/i18n/nl'
import { childPort } from '../../platform/child-port'
import { StoreError } from '../../store/errors'
import type { ReadReply, ReadRequest } from './protocol'
import { readSpreadsheet } from './read'

/**
 * The file reader's own process or thread: reads one file and answers once. The Electron shell
 * runs it as a utility process (Electron's `process.parentPort`), Node as a worker thread.
 */

const to = childPort<ReadRequest, ReadReply>()
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
