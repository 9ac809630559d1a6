import type { TFunction } from 'i18next'
import { ageBands, channels, consentStatuses, followUpPicks } from '../../shared/ledger'

type Options = { value: string; label: string }[]

const none = (t: TFunction): Options => [{ value: '', label: t('person.none') }]

export const channelOptions = (t: TFunction, optional = false): Options => [
  ...(optional ? none(t) : []),
  ...channels.map((value) => ({ value, label: t(`channel.${value}`) })),
]
export const consentOptions = (t: TFunction): Options =>
  consentStatuses.map((value) => ({ value, label: t(`consent.${value}`) }))
export const ageBandOptions = (t: TFunction): Options => [
  ...none(t),
  ...ageBands.map((value) => ({ value, label: t(`ageBand.${value}`) })),
]
export const followUpOptions = (t: TFunction): Options => [
  { value: '', label: t('followUp.none') },
  ...followUpPicks.map((value) => ({ value, label: t(`followUp.${value}`) })),
]

/** "2 maart 2026", in her language. */
export const formatDate = (date: string, language: string) =>
  new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`))
