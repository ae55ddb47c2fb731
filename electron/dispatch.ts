/**
 * The one place a method runs, for both transports (IPC and the HTTP bridge):
 * parse the input with its schema → run the handler → `{ ok, value } | { ok: false, error }`.
 * No Electron import here, so the browser mode and the tests exercise exactly this code.
 */
import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../core/api/contract.ts';
import { DomainError, fail, ok, type ApiError, type Result } from '../core/api/result.ts';
import type { HandlerContext } from './context.ts';
import { plausibilityError } from './plausibility.ts';
import { diskFullError, isDiskFull } from './disk-space.ts';
import type { Handlers } from './handlers/types.ts';

/** French message of the first schema issue, with the field path it belongs to. */
export function zodToApiError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const message_fr = issue?.message ?? 'Saisie invalide.';
  const issues = error.issues
    .filter((i) => i.path.length > 0)
    .map((i) => ({ field: i.path.map(String).join('.'), message_fr: i.message }));
  const base: ApiError = field === undefined ? { code: 'invalid-input', message_fr } : { code: 'invalid-input', message_fr, field };
  return issues.length > 1 ? { ...base, issues } : base;
}

/** SQLite constraint failures that escape a handler are still reported in French. */
function sqliteToApiError(err: unknown): ApiError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return null;
  const message = String((err as Error).message);
  if (message.includes('immutable')) {
    return { code: 'invoice-locked', message_fr: 'Cette facture est validée : elle ne peut plus être modifiée, seulement annulée.' };
  }
  return { code: 'conflict', message_fr: "L'enregistrement a été refusé par la base de données (donnée incohérente ou en double)." };
}

export interface Dispatcher {
  (method: string, input: unknown): Promise<Result<unknown>>;
}

export function createDispatcher(
  ctx: HandlerContext,
  handlers: Handlers,
  log: (message: string, err: unknown) => void = (m, e) => console.error(m, e),
): Dispatcher {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return fail({ code: 'unknown-method', message_fr: `Opération inconnue : ${String(method).slice(0, 60)}.` });
    }
    const spec = contract[method as MethodName];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail(zodToApiError(parsed.error));
    const implausible = plausibilityError(method as MethodName, parsed.data, ctx.clock.today());
    if (implausible) return fail(implausible);
    try {
      const handler = handlers[method] as (input: unknown, ctx: HandlerContext) => unknown;
      return ok(await handler(parsed.data, ctx));
    } catch (err) {
      if (err instanceof DomainError) return fail(err.toApiError());
      const sqlite = sqliteToApiError(err);
      if (sqlite) return fail(sqlite);
      if (isDiskFull(err)) return fail(diskFullError(ctx.dataDir));
      log(`[feuillet] internal error in ${method}`, err);
      return fail({ code: 'internal', message_fr: 'Erreur interne : l\'opération n\'a pas été enregistrée. Réessayez ; si le problème persiste, contactez le support.' });
    }
  };
}
