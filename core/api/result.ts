/**
 * Results cross every boundary (IPC, HTTP) as plain data, never as thrown exceptions.
 * `message_fr` is what the desk user reads; `field` names the form field to show it next to.
 */
export interface ApiError {
  code: ErrorCode;
  message_fr: string;
  field?: string;
  /** Every invalid field of a form (the first one is also in `message_fr` / `field`). */
  issues?: { field: string; message_fr: string }[];
}

export type ErrorCode =
  | 'invalid-input'
  | 'unknown-method'
  | 'not-found'
  | 'conflict'
  | 'invoice-locked'
  | 'forbidden'
  /** The disk holding the data folder is full: nothing was written; the message says where and what to do. */
  | 'disk-full'
  | 'internal';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });

/**
 * An expected, coded failure of a use case. Handlers throw it; the dispatcher turns it into
 * `{ ok: false, error }`. Anything else thrown is an internal error (logged, generic message).
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly message_fr: string;
  readonly field: string | undefined;
  /** Every problem when there are several (e.g. one per act line); the first is also `message_fr` / `field`. */
  readonly issues: { field: string; message_fr: string }[] | undefined;

  constructor(code: ErrorCode, message_fr: string, field?: string, issues?: { field: string; message_fr: string }[]) {
    super(message_fr);
    this.name = 'DomainError';
    this.code = code;
    this.message_fr = message_fr;
    this.field = field;
    this.issues = issues;
  }

  toApiError(): ApiError {
    const base: ApiError =
      this.field === undefined
        ? { code: this.code, message_fr: this.message_fr }
        : { code: this.code, message_fr: this.message_fr, field: this.field };
    return this.issues && this.issues.length > 1 ? { ...base, issues: this.issues } : base;
  }
}

export const notFound = (what: string): DomainError =>
  new DomainError('not-found', `${what} introuvable.`);
