import type { TFunction } from 'i18next'
import type { Slot } from '../../../shared/ledger'

/** "dinsdagochtend": a day part the Dutch way, in one word. */
export const slotName = (slot: Slot, t: TFunction) => {
  const [day, part] = slot.split('-') as [string, string]
  return t('connect.slot', { day: t(`day.${day}`), part: t(`dayPart.${part}`) })
}
