import { useId, type ReactNode } from 'react';
import { formatFrDate } from '../../core/domain/dates.ts';
import { readFrDate } from './dates.ts';

/** Errors by field name, as returned by the API (`error.field`) or computed while typing. */
export type FieldErrors = Record<string, string | undefined>;

interface BaseProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

function FieldShell({ id, label, error, hint, required, className, children }: BaseProps & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <div className="field__label-row">
        <label htmlFor={id}>{label}</label>
        {required ? (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      {children}
      {hint ? <div className="field__hint" id={`${id}-hint`}>{hint}</div> : null}
      {error ? (
        <div className="field__error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, error?: string, hint?: ReactNode) =>
  [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;

export function TextField(
  props: BaseProps & {
    value: string;
    onChange(value: string): void;
    type?: 'text' | 'tel' | 'search' | 'password';
    inputMode?: 'text' | 'numeric' | 'decimal' | 'tel';
    maxLength?: number;
    autoFocus?: boolean;
    placeholder?: string;
    autoComplete?: string;
  },
) {
  const id = useId();
  return (
    <FieldShell id={id} {...props}>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        autoFocus={props.autoFocus}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete ?? 'off'}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FieldShell>
  );
}

export function TextArea(props: BaseProps & { value: string; onChange(value: string): void; rows?: number }) {
  const id = useId();
  return (
    <FieldShell id={id} {...props}>
      <textarea
        id={id}
        value={props.value}
        rows={props.rows ?? 3}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FieldShell>
  );
}

/**
 * Date typed as jj/mm/aaaa, jj/mm/aa or jjmmaaaa (issue #19 item 10); rewritten jj/mm/aaaa on leaving the
 * field, so the user sees the date read. `value` is what is typed; use `frToIso()` to read it.
 * `past`: a birth date (a two-digit year is never in the future).
 */
export function DateField(props: BaseProps & { value: string; onChange(value: string): void; autoFocus?: boolean; past?: boolean }) {
  const id = useId();
  return (
    <FieldShell id={id} {...props}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder="jj/mm/aaaa"
        maxLength={10}
        value={props.value}
        autoFocus={props.autoFocus}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={(e) => {
          const iso = readFrDate(e.target.value, props.past);
          if (iso !== null && formatFrDate(iso) !== e.target.value) props.onChange(formatFrDate(iso));
        }}
      />
    </FieldShell>
  );
}

export function SelectField<T extends string>(
  props: BaseProps & { value: T; onChange(value: T): void; options: readonly { value: T; label: string }[] },
) {
  const id = useId();
  return (
    <FieldShell id={id} {...props}>
      <select
        id={id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onChange(checked: boolean): void; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="field field--checkbox">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? <div className="field__hint">{props.hint}</div> : null}
    </div>
  );
}

/** `05/03/2026`, `050326`, `5/3/26` → `2026-03-05`; '' → null; an impossible date → 'invalid'. */
export function frToIso(text: string, past = false): string | null | 'invalid' {
  if (text.trim() === '') return null;
  return readFrDate(text, past) ?? 'invalid';
}

export const isoToFr = formatFrDate;

/** Reads a required jj/mm/aaaa field: its ISO date, or the French problem named after the field. */
export function readRequiredDate(label: string, text: string): { iso: string; error?: undefined } | { iso?: undefined; error: string } {
  const iso = frToIso(text);
  if (iso === null) return { error: `${label} : date obligatoire.` };
  if (iso === 'invalid') return { error: `${label} : date invalide (jj/mm/aaaa).` };
  return { iso };
}
