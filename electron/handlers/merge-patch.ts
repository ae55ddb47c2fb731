/**
 * Update methods take a patch (issue #19 item 6): the fields sent over the stored record, then the whole
 * checked with the full schema (cross-field rules included), so a field left out is never emptied.
 */
import type * as z from 'zod';
import { DomainError } from '../../core/api/result.ts';

/** `patch` over `stored`, parsed with `schema`; a refusal names the field under `prefix` (e.g. « patient. »). */
export function mergePatch<S extends z.ZodType>(schema: S, stored: object, patch: object, prefix = ''): z.output<S> {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse({ ...stored, ...defined });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: prefix + i.path.map(String).join('.'), message_fr: i.message }));
  const first = issues[0]!;
  throw new DomainError('invalid-input', first.message_fr, first.field, issues.length > 1 ? issues : undefined);
}
