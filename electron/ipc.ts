import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { ApiTable } from '../db/api'
import { channelNames } from '../shared/channels'
import { fail } from '../shared/result'

/**
 * The one place that talks to `ipcMain`: binds every channel of the API table, and answers only
 * our own window's own page. The table itself validates input and never throws.
 */
export function bindApi(api: ApiTable, isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrusted(event)
        ? api[channel](input)
        : fail('forbidden', 'Dit verzoek komt niet van Sprokkelaar zelf en is geweigerd.'),
    )
  }
}

export function unbindApi(): void {
  for (const channel of channelNames) ipcMain.removeHandler(channel)
}
