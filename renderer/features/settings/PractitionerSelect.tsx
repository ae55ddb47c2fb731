import { professionLabels } from '../../../core/domain/exoneration.ts';
import type { Practitioner } from '../../../core/domain/types.ts';
import { SelectField } from '../../ui/fields.tsx';

export const practitionerName = (p: Practitioner): string => `${p.firstName} ${p.lastName}`;

/** The practitioner a screen works for: a select when several share the install, a plain line otherwise. */
export function PractitionerSelect(props: { practitioners: readonly Practitioner[]; value: string; onChange(id: string): void }) {
  if (props.practitioners.length === 1) {
    const p = props.practitioners[0]!;
    return (
      <p>
        Praticien : <strong>{practitionerName(p)}</strong> — {professionLabels[p.profession]}
      </p>
    );
  }
  return (
    <SelectField
      label="Praticien"
      value={props.value}
      onChange={props.onChange}
      options={props.practitioners.map((p) => ({ value: String(p.id), label: `${p.lastName.toUpperCase()} ${p.firstName} — ${professionLabels[p.profession]}` }))}
    />
  );
}
