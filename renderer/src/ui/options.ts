import type { TFunction } from 'i18next'
import type { FollowUp } from '../../../shared/followups'
import { ageBands, cadences, channels, followUpPicks } from '../../../shared/ledger'

type Options = { value: string; label: string }[]

const none = (t: TFunction): Options => [{ value: '', label: t('person.none') }]

export const channelOptions = (t: TFunction, optional = false): Options => [
  ...(optional ? none(t) : []),
  ...channels.map((value) => ({ value, label: t(`channel.${value}`) })),
]
export const ageBandOptions = (t: TFunction): Options => [
  ...none(t),
  ...ageBands.map((value) => ({ value, label: t(`ageBand.${value}`) })),
]
export const followUpOptions = (t: TFunction): Options => [
  { value: '', label: t('followUp.none') },
  ...followUpPicks.map((value) => ({ value, label: t(`followUp.${value}`) })),
]

/** What a follow-up is about: her words, or what its source says. */
export const followUpLabel = (followUp: Pick<FollowUp, 'reason' | 'source'>, t: TFunction) =>
  followUp.reason ?? t(`followUps.source.${followUp.source}`)

export const cadenceOptions = (t: TFunction): Options => [
  { value: '', label: t('cadence.none') },
  ...cadences.map((value) => ({ value, label: t(`cadence.${value}`) })),
]

export { formatDate } from '../../../shared/dates'
