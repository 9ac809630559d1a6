import type { TFunction } from 'i18next'
import type { MatchReason } from '../../../shared/connect'
import { slotName } from '../ui/slots'

/** One reason as the list shows it: "passie: koken", "dinsdagochtend vrij", "zelfde wijk". */
export function reasonText(reason: MatchReason, t: TFunction): string {
  switch (reason.kind) {
    case 'tag':
      return t(`connect.reason.${reason.tagKind}`, { name: reason.name })
    case 'text':
      return t(`connect.reason.${reason.field}Text`, { word: reason.word })
    case 'time':
      return t('connect.reason.time', {
        slots: reason.slots.map((slot) => slotName(slot, t)).join(', '),
      })
    case 'wijk':
      return t('connect.reason.wijk')
  }
}

export const reasonsText = (reasons: readonly MatchReason[], t: TFunction) =>
  reasons.map((reason) => reasonText(reason, t)).join(' · ')
