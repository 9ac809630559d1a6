import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contactWays, type ContactWay, type Reach } from '../../../shared/contact'
import type { MailTemplate } from '../../../shared/templates'
import { call, sprokkel } from './api'
import { Announcements } from './FormFooter'

/**
 * E-mail, Bellen, WhatsApp for one resident, where the ledger holds an address or number: the main
 * process opens her mail client, phone app or WhatsApp through the OS. Then "Is het gelukt?": yes
 * records the contact (`onWorked`), no answer tries again in a week (`onNoAnswer`).
 */
export function ContactButtons({
  personId,
  name,
  reach,
  templates = [],
  followUpId,
  onWorked,
  onNoAnswer,
}: {
  personId: string
  name: string
  reach: Reach
  /** Her mail templates: one can fill in the e-mail (Instellingen). */
  templates?: MailTemplate[]
  /** The follow-up this is about: its reason fills {{reden}}. */
  followUpId?: string
  onWorked: (way: ContactWay) => Promise<string | undefined>
  onNoAnswer: (way: ContactWay) => Promise<string | undefined>
}) {
  const { t } = useTranslation()
  const selectId = useId()
  const [templateId, setTemplateId] = useState('')
  const [opened, setOpened] = useState<ContactWay | null>(null)
  const [status, setStatus] = useState('')
  const [failure, setFailure] = useState('')
  const ways = contactWays.filter((way) => (way === 'email' ? reach.email : reach.phone))
  if (ways.length === 0) return null

  const open = async (via: ContactWay) => {
    setFailure('')
    const result = await call(
      () =>
        sprokkel().contact.open({
          personId,
          via,
          ...(via === 'email' && templateId ? { templateId } : {}),
          ...(followUpId ? { followUpId } : {}),
        }),
      t('errors.unreachable'),
    )
    if (!result.ok) return setFailure(result.error.message)
    setOpened(via)
    setStatus(t(`contact.opened.${via}`))
  }
  const settle = async (outcome: (way: ContactWay) => Promise<string | undefined>) => {
    if (!opened) return
    const failed = await outcome(opened)
    if (failed) return setFailure(failed)
    setOpened(null)
    setStatus('')
  }

  return (
    <div className="contact-buttons" role="group" aria-label={t('contact.label', { name })}>
      {reach.email && templates.length > 0 && (
        <span className="contact-template">
          <label htmlFor={selectId}>{t('contact.template')}</label>
          <select
            id={selectId}
            value={templateId}
            onChange={(event) => setTemplateId(event.target.value)}
          >
            <option value="">{t('contact.withoutTemplate')}</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </select>
        </span>
      )}
      {ways.map((way) => (
        <button key={way} type="button" className="secondary" onClick={() => void open(way)}>
          {t(`contact.${way}`)}
        </button>
      ))}
      {opened && (
        <div role="group" aria-label={t('contact.worked')} className="contact-outcome">
          <span>{t('contact.worked')}</span>
          <button type="button" className="primary" onClick={() => void settle(onWorked)}>
            {t('contact.yes')}
          </button>
          <button type="button" className="secondary" onClick={() => void settle(onNoAnswer)}>
            {t('contact.noAnswer')}
          </button>
          <button type="button" className="link" onClick={() => setOpened(null)}>
            {t('contact.notNow')}
          </button>
        </div>
      )}
      <Announcements status={status} failure={failure} />
    </div>
  )
}
