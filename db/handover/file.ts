import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import { z } from 'zod'
import { followUpSources, followUpStatuses } from '../../shared/followups'
import { ageBands, cadences, channels, consentStatuses, tagKinds } from '../../shared/ledger'
import { personLimits as limits } from '../../shared/person'
import { consentHows, consentPurposes } from '../../shared/privacy'
import { deriveKey, kdfSchema, recoveryKdf } from '../backup/file'

/**
 * An overdrachtsbestand (`.sprokkel`): residents handed to a successor or a colleague. The file is
 * a magic of 8 bytes, a small JSON header (the KDF's parameters, salt and nonce: nothing about
 * anyone), and the payload: JSON, gzipped, sealed with AES-256-GCM under a key scrypt derives from
 * the password she chose (the same parameters as the herstelwachtwoord, backup/file.ts). A wrong
 * password or a changed byte fails GCM's tag.
 *
 * The payload carries the store's own rows (ids included, so that handing over twice finds the
 * same people again), checked field by field on the way in: a file is input like any other.
 */

export const handoverExtension = 'sprokkel'
const magic = Buffer.from('SPRKOVD1', 'latin1')
const maxHeader = 4096
/** A handover of 100k residents with their notes is some 100 MB of JSON; far past that is not one. */
export const maxPayloadBytes = 512 * 1024 * 1024

const headerSchema = z.strictObject({
  version: z.literal(1),
  kdf: kdfSchema,
  salt: z.base64().max(100),
  nonce: z.base64().max(100),
})

const text = (max: number) => z.string().max(max).nullable()
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const stamp = z.string().max(40)
const id = z.string().min(1).max(64)

const personSchema = z.strictObject({
  id,
  first_name: z.string().min(1).max(limits.firstName),
  tussenvoegsel: text(limits.tussenvoegsel),
  last_name: text(limits.lastName),
  nickname: text(limits.nickname),
  street: text(limits.street),
  house_number: text(limits.houseNumber),
  postcode: text(10),
  wijk: text(limits.wijk),
  phone: text(limits.phone),
  email: text(limits.email),
  wish: text(limits.text),
  strength: text(limits.text),
  need: text(limits.text),
  note: text(limits.note),
  availability: z
    .int()
    .min(0)
    .max(2 ** 21 - 1),
  available_from: date.nullable(),
  availability_note: text(limits.availabilityNote),
  met_channel: z.enum(channels).nullable(),
  // Files made before routes existed have none.
  referred_by: text(limits.route).default(null),
  first_met_on: date.nullable(),
  consent_status: z.enum(consentStatuses),
  consent_date: date.nullable(),
  consent_scope: text(1000),
  consent_note: text(4000),
  age_band: z.enum(ageBands).nullable(),
  cadence: z.enum(cadences).nullable(),
  status: z.enum(['active', 'archived']),
  last_contact_on: date.nullable(),
  created_at: stamp,
  updated_at: stamp,
  keep_until: date.nullable(),
  keep_reason: text(1000),
  tags: z
    .array(z.strictObject({ kind: z.enum(tagKinds), name: z.string().min(1).max(limits.tagName) }))
    .max(200),
  moments: z
    .array(
      z.strictObject({
        id,
        date,
        channel: z.enum(channels),
        place: text(200),
        note: text(20000),
        worker: text(200),
        referred_by: text(limits.route).default(null),
        created_at: stamp,
      }),
    )
    .max(10000),
  follow_ups: z
    .array(
      z.strictObject({
        id,
        due_on: date,
        reason: text(1000),
        status: z.enum(followUpStatuses),
        source: z.enum(followUpSources),
        hidden: z.int().min(0).max(1),
        created_at: stamp,
      }),
    )
    .max(1000),
  consents: z
    .array(
      z.strictObject({
        id,
        purpose: z.enum(consentPurposes),
        given: z.int().min(0).max(1),
        date,
        how: z.enum(consentHows),
        words: text(4000),
        recorded_by: text(200),
        expires_on: date.nullable(),
        current: z.int().min(0).max(1),
        renewal_id: id.nullable(),
        created_at: stamp,
      }),
    )
    .max(1000),
})
export type HandoverPerson = z.output<typeof personSchema>

export const payloadSchema = z.strictObject({
  kind: z.literal('sprokkelaar-overdracht'),
  version: z.literal(1),
  createdAt: stamp,
  /** Who handed over, and of which organisation, as her Instellingen say. */
  from: text(200),
  organisation: text(200),
  includesNotes: z.boolean(),
  people: z.array(personSchema).max(200_000),
})
export type HandoverPayload = z.output<typeof payloadSchema>

export async function sealHandover(payload: HandoverPayload, password: string): Promise<Buffer> {
  const salt = randomBytes(16)
  const nonce = randomBytes(12)
  const key = await deriveKey(password, salt, recoveryKdf)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  const sealed = Buffer.concat([
    cipher.update(gzipSync(Buffer.from(JSON.stringify(payload), 'utf8'), { level: 6 })),
    cipher.final(),
  ])
  const header = Buffer.from(
    JSON.stringify({
      version: 1,
      kdf: { ...recoveryKdf },
      salt: salt.toString('base64'),
      nonce: nonce.toString('base64'),
    }),
    'utf8',
  )
  const length = Buffer.alloc(4)
  length.writeUInt32BE(header.length)
  return Buffer.concat([magic, length, header, sealed, cipher.getAuthTag()])
}

export type OpenedHandover =
  | { ok: true; payload: HandoverPayload }
  | { ok: false; reason: 'not_a_handover' | 'wrong_password' | 'damaged' }

/** How many bytes of a file `isHandover` needs to look at: the magic and its header. */
export const headBytes = magic.length + 4 + maxHeader

/**
 * Looks like an overdrachtsbestand at all (before asking for a password), from its first
 * `headBytes` bytes (or all of it) and its size.
 */
export function isHandover(bytes: Buffer, size = bytes.length): boolean {
  if (size < magic.length + 4 + 16 || bytes.length < magic.length + 4) return false
  if (!bytes.subarray(0, magic.length).equals(magic)) return false
  const length = bytes.readUInt32BE(magic.length)
  if (length > maxHeader || magic.length + 4 + length + 16 > size) return false
  if (magic.length + 4 + length > bytes.length) return false
  try {
    return headerSchema.safeParse(
      JSON.parse(bytes.subarray(magic.length + 4, magic.length + 4 + length).toString('utf8')),
    ).success
  } catch {
    return false
  }
}

export async function openHandover(bytes: Buffer, password: string): Promise<OpenedHandover> {
  if (!isHandover(bytes)) return { ok: false, reason: 'not_a_handover' }
  const length = bytes.readUInt32BE(magic.length)
  const start = magic.length + 4
  const header = headerSchema.parse(
    JSON.parse(bytes.subarray(start, start + length).toString('utf8')),
  )
  const key = await deriveKey(password, Buffer.from(header.salt, 'base64'), header.kdf)
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.nonce, 'base64'))
  decipher.setAuthTag(bytes.subarray(bytes.length - 16))
  let zipped: Buffer
  try {
    zipped = Buffer.concat([
      decipher.update(bytes.subarray(start + length, bytes.length - 16)),
      decipher.final(),
    ])
  } catch {
    // GCM cannot tell a wrong password from a changed byte; a wrong password is far likelier.
    return { ok: false, reason: 'wrong_password' }
  }
  try {
    const json = gunzipSync(zipped, { maxOutputLength: maxPayloadBytes }).toString('utf8')
    const parsed = payloadSchema.safeParse(JSON.parse(json))
    return parsed.success ? { ok: true, payload: parsed.data } : { ok: false, reason: 'damaged' }
  } catch {
    return { ok: false, reason: 'damaged' }
  }
}
