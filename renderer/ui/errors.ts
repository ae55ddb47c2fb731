import type { ApiError } from '../../core/api/result.ts';
import type { FieldErrors } from './fields.tsx';

/** Field errors of an API error (all of them when the backend listed several). */
export function fieldErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues ?? []) errors[issue.field] ??= issue.message_fr;
  if (error.field) errors[error.field] ??= error.message_fr;
  return errors;
}

/** The message to show at the top of a form: only when no field carries it. */
export const formMessage = (error: ApiError | null): string | null => (error && !error.field ? error.message_fr : null);
