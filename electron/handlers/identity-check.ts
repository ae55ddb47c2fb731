/**
 * The patient's NIR against the birth date and sex typed beside it (issue #19 item 4), among the warnings
 * confirmed at Imprimer: a birth date mistyped, or the insured parent's number typed for a child, gets the
 * feuille rejected. A warning, never a refusal; an NIA (7, 8) or an unknown month is exempt (nir-identity.ts).
 */
import type { Problem } from '../../core/cotation/types.ts';
import { nirIdentityWarning } from '../../core/domain/nir-identity.ts';
import type { Patient } from '../../core/domain/types.ts';

export function identityChecks(patient: Pick<Patient, 'nir' | 'birthDate' | 'sex'>): Problem[] {
  const message_fr = nirIdentityWarning(patient.nir, patient.birthDate, patient.sex);
  return message_fr === null ? [] : [{ level: 'warn', code: 'nir-identity', message_fr }];
}
