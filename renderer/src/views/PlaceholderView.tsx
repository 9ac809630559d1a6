import { useTranslation } from 'react-i18next'
import type { View } from '../views'

export function PlaceholderView({ view }: { view: View }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="view-title" className="view">
      <h1 id="view-title">{t(`nav.${view}`)}</h1>
      <p className="muted">{t('placeholder.body')}</p>
    </section>
  )
}
