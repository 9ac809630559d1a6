import { useTranslation } from 'react-i18next'

/**
 * Matching respects the sharing purpose: someone without that consent is still shown, marked so
 * that she asks before she proposes him to an initiative or another resident.
 */
export function AskConsentFirst() {
  const { t } = useTranslation()
  return (
    <span className="ask-consent">
      {t('privacy.askFirst')}
      <span className="sr-only"> ({t('privacy.askFirstHint')})</span>
    </span>
  )
}
