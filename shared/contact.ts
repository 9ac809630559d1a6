import { z } from 'zod'
import { idSchema } from './person'

/**
 * Contact opnemen: her mail client, phone app or WhatsApp, opened by the OS from the main process
 * with a link built there from what the ledger holds (db/contact/). The page names the resident and
 * the way, never an address or a URL.
 */
export const contactWays = ['email', 'phone', 'whatsapp'] as const
export type ContactWay = (typeof contactWays)[number]

/** The contact moment's channel for each way, when she says it worked. */
export const channelOfWay = { email: 'email', phone: 'telefoon', whatsapp: 'whatsapp' } as const

/** Which ways a resident can be reached, from what the ledger holds of him. */
export interface Reach {
  email: boolean
  phone: boolean
}

export const openContactSchema = z.strictObject(
  {
    personId: idSchema,
    via: z.enum(contactWays, { error: 'validation.invalid' }),
    /** E-mail only: one of her templates (shared/templates.ts), filled in for him. */
    templateId: z.string().min(1).max(40).optional(),
    /** The follow-up she mails about: its reason fills {{reden}}. */
    followUpId: idSchema.optional(),
  },
  { error: 'validation.invalid' },
)
export type OpenContact = z.output<typeof openContactSchema>
