import type { z } from 'zod'
import { nl } from './i18n/nl'
import { translate } from './i18n/messages'
import { fail, type FieldIssue, type Result } from './result'

/** "Voornaam" for ['firstName'], "Datum" for ['moment', 'date'], "Naam" for ['tags', '0', 'name']. */
const fieldLabel = (path: string[]): string | undefined => {
  const last = path.findLast((segment) => !/^\d+$/.test(segment))
  if (!last) return undefined
  const label = translate(nl, `fields.${last}`)
  // A field without a Dutch label is named by its message alone, never by its name in code.
  return label === `fields.${last}` ? undefined : label
}

/** Turns zod's issues into keys the renderer translates and Dutch text the main side can show. */
function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String)
    const key = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid'
    return { path, key, message: translate(nl, key) }
  })
}

/** A result for input that did not pass its schema, with one Dutch sentence naming each field. */
export function invalidInput(error: z.ZodError): Result<never> {
  const issues = toFieldIssues(error)
  const details = issues
    .map((issue) => {
      const label = fieldLabel(issue.path)
      return label ? `${label}: ${issue.message}` : issue.message
    })
    .join(' ')
  return fail('invalid_input', translate(nl, 'validation.summary', { details }), issues)
}
