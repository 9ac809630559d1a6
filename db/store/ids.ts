import { randomBytes } from 'node:crypto'

/** The last id's time and counter: ids made in one millisecond count up from a random start. */
let lastTime = -1
let counter = 0
const counterBits = 26
const counterMax = 2 ** counterBits - 1

/** Random bytes fetched in bulk: an import makes 100,000 ids at once. */
let pool = Buffer.alloc(0)
let poolAt = 0
function random(count: number): Buffer {
  if (poolAt + count > pool.length) {
    pool = randomBytes(4096)
    poolAt = 0
  }
  poolAt += count
  return pool.subarray(poolAt - count, poolAt)
}

/**
 * A UUID version 7 (RFC 9562): time-ordered, and monotonic within this process (method 1: a
 * 26-bit counter after the milliseconds, started at a random point each new millisecond), so new
 * rows always land at the end of every index keyed by id, also when an import makes 100,000 ids
 * with one clock reading. The last 48 bits are random: ledgers from two machines merge without
 * collisions. A clock that goes back keeps counting on the last time.
 */
export function newId(now: number = Date.now()): string {
  if (now > lastTime) {
    lastTime = now
    // Start low in the range, so a millisecond has room for millions more.
    counter = random(3).readUIntBE(0, 3) >>> 2
  } else if (counter < counterMax) {
    counter++
  } else {
    lastTime++
    counter = 0
  }
  const bytes = Buffer.alloc(16)
  bytes.writeUIntBE(lastTime, 0, 6)
  // ver (4 bits) | counter high 12 bits; var (2 bits) | counter low 14 bits; 48 random bits.
  bytes[6] = 0x70 | ((counter >>> 22) & 0x0f)
  bytes[7] = (counter >>> 14) & 0xff
  bytes[8] = 0x80 | ((counter >>> 8) & 0x3f)
  bytes[9] = counter & 0xff
  random(6).copy(bytes, 10)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
