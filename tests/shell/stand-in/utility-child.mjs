// The stand-in's utility process: a Node child with an IPC channel, given what Electron gives a
// utility process, `process.parentPort` (messages arrive as `{ data }`).
import { EventEmitter } from 'node:events'

const port = new EventEmitter()
port.postMessage = (message) => process.send(message)
process.on('message', (data) => port.emit('message', { data }))
process.parentPort = port
