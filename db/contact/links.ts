import type { ContactWay, Reach } from '../../shared/contact'
import { isDutchPhone } from '../../shared/ledger'

/**
 * The links the shell may hand to the OS, and nothing else: `mailto:` to one plain address,
 * (with a subject and text from one of her templates, percent-encoded), `tel:` and
 * `https://wa.me/` to a Dutch number, each built here from the value the ledger holds.
 * An address with anything a mail client would read as more (`?`, `&`, a second address, a line
 * break: extra headers, other recipients) is no address to open.
 */

const plainAddress = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/
const maxAddress = 254

/** +31 and the nine digits after the 0, or null when it is not a Dutch number. */
export function internationalNumber(phone: string): string | null {
  if (!isDutchPhone(phone)) return null
  const digits = phone.replace(/[\s\-().]/g, '').replace(/^(\+31|0031)/, '0')
  return `31${digits.slice(1)}`
}

/** The link for this way to this resident, or null when what she stored cannot make one. */
export function contactLink(
  via: ContactWay,
  person: { email: string | null; phone: string | null },
  mail?: { subject: string; body: string },
): string | null {
  if (via === 'email') {
    const address = mailAddress(person.email)
    if (!address) return null
    return `mailto:${address}${mailFields(mail, '?')}`
  }
  const number = person.phone ? internationalNumber(person.phone) : null
  if (!number) return null
  return via === 'phone' ? `tel:+${number}` : `https://wa.me/${number}`
}

// Percent-encoded whole: a line break, `&` or `?` in a template stays text, never a header.
const mailFields = (mail: { subject: string; body: string } | undefined, start: '?' | '&') =>
  mail
    ? `${start}subject=${encodeURIComponent(mail.subject)}&body=${encodeURIComponent(mail.body)}`
    : ''

/** A plain address as the link may hold it, or null. */
export const mailAddress = (email: string | null): string | null => {
  const address = email?.trim() ?? ''
  return address.length <= maxAddress && plainAddress.test(address) ? address : null
}

/**
 * One mail to several residents: no To, every address as BCC (comma-separated, each a plain
 * address), so that nobody sees the others'.
 */
export function bccLink(addresses: readonly string[], mail?: { subject: string; body: string }) {
  if (addresses.length === 0 || addresses.some((address) => mailAddress(address) !== address)) {
    return null
  }
  return `mailto:?bcc=${addresses.join(',')}${mailFields(mail, '&')}`
}

/** Which ways the app can open for this resident (Vandaag and his page show those buttons). */
export const reachOf = (person: { email: string | null; phone: string | null }): Reach => ({
  email: contactLink('email', person) !== null,
  phone: contactLink('phone', person) !== null,
})

/** Whether the shell may open this link: the shapes `contactLink` makes, exactly. */
export function isOpenableLink(url: string): boolean {
  const address = '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+'
  const fields = "subject=[\\w%.~!*'()-]*&body=[\\w%.~!*'()-]*"
  return (
    new RegExp(`^mailto:${address}(\\?${fields})?$`).test(url) ||
    new RegExp(`^mailto:\\?bcc=${address}(,${address})*(&${fields})?$`).test(url) ||
    /^tel:\+31\d{9}$/.test(url) ||
    /^https:\/\/wa\.me\/31\d{9}$/.test(url)
  )
}
