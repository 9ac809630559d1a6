import { useTranslation } from 'react-i18next'

/** Anonimiseren and Echt verwijderen side by side: on his page and for a selection in the review. */
export function AnonymiseErase({ onAct }: { onAct: (kind: 'anonymise' | 'erase') => void }) {
  const { t } = useTranslation()
  return (
    <>
      <button type="button" className="secondary" onClick={() => onAct('anonymise')}>
        {t('privacy.anonymise')}
      </button>
      <button type="button" className="danger" onClick={() => onAct('erase')}>
        {t('privacy.erase')}
      </button>
    </>
  )
}
