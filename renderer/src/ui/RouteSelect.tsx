import { useTranslation } from 'react-i18next'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { sprokkel } from './api'
import { SelectField } from './SelectField'
import { useLoad } from './useLoad'

/**
 * Aangemeld door / hoe bereikt: her list of routes (Instellingen) as a choice. A route the record
 * has that is no longer in her list (or came from a sheet) stays a choice, so saving never drops
 * it; it is there from the first render, before the list has loaded.
 */
export function RouteSelect({
  label,
  current,
  error,
  ...register
}: UseFormRegisterReturn & { label: string; current?: string | null; error?: string }) {
  const { t } = useTranslation()
  const routes = useLoad(() => sprokkel().settings.get(), []).value?.routes ?? []
  const names = current && !routes.includes(current) ? [...routes, current] : routes
  return (
    <SelectField
      label={label}
      options={[
        { value: '', label: t('person.none') },
        ...names.map((name) => ({ value: name, label: name })),
      ]}
      error={error}
      {...register}
    />
  )
}
