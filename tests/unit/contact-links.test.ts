import { describe, expect, it } from 'vitest'
import { contactLink, isOpenableLink } from '../../db/contact/links'

const person = (email: string | null, phone: string | null = null) => ({ email, phone })

describe('the links the shell may open', () => {
  it('mails, calls and WhatsApps from what the ledger holds', () => {
    expect(contactLink('email', person('fatima@example.nl'))).toBe('mailto:fatima@example.nl')
    expect(contactLink('phone', person(null, '06-12345678'))).toBe('tel:+31612345678')
    expect(contactLink('phone', person(null, '+31 30 123 45 67'))).toBe('tel:+31301234567')
    expect(contactLink('whatsapp', person(null, '(06) 1234 5678'))).toBe(
      'https://wa.me/31612345678',
    )
  })

  it('makes no link of a hostile or broken value', () => {
    for (const email of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'fatima@example.nl\nBcc: iedereen@example.nl',
      'fatima@example.nl\r\nCc: x@y.nl',
      'fatima@example.nl?bcc=iedereen@example.nl',
      'fatima@example.nl&body=klik',
      'fatima@example.nl,piet@example.nl',
      'a b@example.nl',
      '@example.nl',
      'fatima@',
      `${'a'.repeat(250)}@example.nl`,
      '',
    ]) {
      expect(contactLink('email', person(email)), email).toBeNull()
    }
    for (const phone of ['javascript:1', '0612345', '+44 20 7946 0958', '06-12345678;x', '']) {
      expect(contactLink('phone', person(null, phone)), phone).toBeNull()
      expect(contactLink('whatsapp', person(null, phone)), phone).toBeNull()
    }
    expect(contactLink('email', person(null))).toBeNull()
  })

  it('lets the shell open only those shapes', () => {
    const templated = contactLink('email', person('fatima@example.nl'), {
      subject: 'Hoi Fatima\nBcc: x@y.nl',
      body: 'Tot gauw & groet?cc=x@y.nl',
    })!
    expect(templated).toBe(
      'mailto:fatima@example.nl?subject=Hoi%20Fatima%0ABcc%3A%20x%40y.nl&body=Tot%20gauw%20%26%20groet%3Fcc%3Dx%40y.nl',
    )
    for (const url of [
      templated,
      'mailto:fatima@example.nl',
      'tel:+31612345678',
      'https://wa.me/31612345678',
    ]) {
      expect(isOpenableLink(url), url).toBe(true)
    }
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'mailto:fatima@example.nl?bcc=x@y.nl',
      'mailto:fatima@example.nl?subject=a&body=b&cc=x%40y.nl',
      'mailto:fatima@example.nl?subject=a b&body=c',
      'mailto:fatima@example.nl?subject=a\n&body=c',
      'mailto:a@b.nl%0ABcc:x@y.nl',
      'https://wa.me.evil.nl/31612345678',
      'https://example.org/',
      'tel:+31612345678\n',
      'http://wa.me/31612345678',
      'sms:+31612345678',
    ]) {
      expect(isOpenableLink(url), url).toBe(false)
    }
  })
})
