import { contextBridge, ipcRenderer } from 'electron'
import { buildClient } from '../shared/client'
import type { Result } from '../shared/result'

// A list of named calls, one per channel of the contract: no ipcRenderer, no generic invoke.
contextBridge.exposeInMainWorld(
  'sprokkel',
  buildClient((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>),
)
