import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'

/**
 * Just enough of the zip format to read an .xlsx that is already in memory (at most 50 MB): the
 * central directory, and each part inflated as a stream that stops the moment it grows past the
 * limit given, whatever sizes the file claims. Encrypted parts, zip64 and methods other than
 * "stored" and "deflate" are refused: Excel writes none of them in a workbook of this size.
 */

export interface ZipEntry {
  name: string
  method: number
  /** Where the part's compressed bytes start and how many there are. */
  start: number
  compressedSize: number
}

/** Thrown for anything that is not a zip this reader can read; the caller says "damaged". */
export class ZipError extends Error {}

/** Thrown when a part inflates past its limit: `name` is the part. */
export class ZipLimitError extends Error {
  constructor(readonly part: string) {
    super(`zip part past its limit: ${part}`)
  }
}

const endOfCentralDirectory = 0x06054b50
const centralHeader = 0x02014b50
const localHeader = 0x04034b50
const maxEntries = 10_000

/** The parts of the zip by name, from its central directory. */
export function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  const end = findEnd(bytes)
  const count = bytes.readUInt16LE(end + 10)
  const directoryOffset = bytes.readUInt32LE(end + 16)
  if (count > maxEntries || directoryOffset === 0xffffffff || count === 0xffff) {
    throw new ZipError('zip64 or too many entries')
  }
  const entries = new Map<string, ZipEntry>()
  let at = directoryOffset
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== centralHeader) {
      throw new ZipError('central directory')
    }
    const flags = bytes.readUInt16LE(at + 8)
    const method = bytes.readUInt16LE(at + 10)
    const compressedSize = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extraLength = bytes.readUInt16LE(at + 30)
    const commentLength = bytes.readUInt16LE(at + 32)
    const localOffset = bytes.readUInt32LE(at + 42)
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + nameLength + extraLength + commentLength
    if (flags & 1) throw new ZipError('encrypted part')
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== localHeader) {
      throw new ZipError('local header')
    }
    const start =
      localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28)
    if (start + compressedSize > bytes.length) throw new ZipError('part past the end')
    entries.set(name.replace(/^\//, ''), { name, method, start, compressedSize })
  }
  return entries
}

function findEnd(bytes: Buffer): number {
  // The record is 22 bytes, followed by a comment of at most 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 65_535)
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === endOfCentralDirectory) return at
  }
  throw new ZipError('no central directory')
}

/**
 * A part's text, chunk by chunk, as it inflates. Past `limit` bytes it stops at once with a
 * ZipLimitError. `onRead` hears how many compressed bytes were taken so far (for her progress bar).
 */
export async function* partText(
  bytes: Buffer,
  entry: ZipEntry,
  limit: number,
  onRead?: (compressedBytes: number) => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  const compressed = bytes.subarray(entry.start, entry.start + entry.compressedSize)
  if (entry.method === 0) {
    if (compressed.length > limit) throw new ZipLimitError(entry.name)
    yield decoder.decode(compressed)
    return
  }
  if (entry.method !== 8) throw new ZipError('compression method')
  const chunkSize = 64 * 1024
  function* slices() {
    for (let at = 0; at < compressed.length; at += chunkSize) {
      onRead?.(Math.min(at + chunkSize, compressed.length))
      yield compressed.subarray(at, at + chunkSize)
    }
  }
  const inflate = createInflateRaw({ chunkSize })
  const source = Readable.from(slices(), { objectMode: false })
  source.on('error', (error) => inflate.destroy(error))
  source.pipe(inflate)
  let total = 0
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > limit) throw new ZipLimitError(entry.name)
      yield decoder.decode(chunk, { stream: true })
    }
  } catch (error) {
    if (error instanceof ZipLimitError || error instanceof ZipError) throw error
    throw new ZipError('inflate')
  } finally {
    source.destroy()
    inflate.destroy()
  }
  const rest = decoder.decode()
  if (rest) yield rest
}

/** A small part (the workbook, its relations, the styles) as one text. */
export async function partAsText(bytes: Buffer, entry: ZipEntry, limit: number): Promise<string> {
  let text = ''
  for await (const chunk of partText(bytes, entry, limit)) text += chunk
  return text
}
