import type { TFunction } from 'i18next'
import type {
  FieldPath,
  FieldValues,
  FormState,
  UseFormGetFieldState,
  UseFormSetError,
} from 'react-hook-form'
import type { ApiError } from '../../../shared/result'

/**
 * Shows what the main side refused at the fields it names (as translation keys, so in her
 * language). Returns the message to show for the form as a whole: '' when the fields say it all.
 */
export function showServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: ApiError,
): string {
  for (const issue of error.issues ?? []) {
    setError(issue.path.join('.') as FieldPath<T>, { message: issue.key })
  }
  return error.issues?.length ? '' : error.message
}

/** The translated error of one field; passing formState subscribes, so it shows as it changes. */
export const fieldError =
  <T extends FieldValues>(
    getFieldState: UseFormGetFieldState<T>,
    formState: FormState<T>,
    t: TFunction,
  ) =>
  (field: FieldPath<T>): string | undefined => {
    const key = getFieldState(field, formState).error?.message
    return key ? t(key) : undefined
  }
