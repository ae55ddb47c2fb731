/**
 * IK are not due inside the agglomeration where the practitioner has the office (NGAP art. 13, « les
 * indemnités kilométriques … ne sont pas dues lorsque le domicile du malade et le cabinet sont situés dans
 * la même agglomération » — BILLING-RULES §9, CPAM guide; issue 19 item 5: « Paris 11e → Paris 18e »).
 * Feuillet cannot know an agglomeration's limits; it knows communes: a patient in the office's own commune
 * is the sure case, and gets a warning. Paris, Lyon and Marseille are one commune each whatever the
 * arrondissement (loi PLM 82-1169: arrondissements are not communes).
 */
import type { Problem } from './types.ts';

export interface Address {
  postalCode: string | null;
  city: string | null;
}

/** Postal-code ranges of the arrondissements of Paris (75001–75020, 75116), Lyon (69001–69009), Marseille (13001–13016). */
const PLM: readonly { name: string; test: (cp: string) => boolean }[] = [
  { name: 'paris', test: (cp) => /^750(0[1-9]|1[0-9]|20)$/.test(cp) || cp === '75116' },
  { name: 'lyon', test: (cp) => /^6900[1-9]$/.test(cp) },
  { name: 'marseille', test: (cp) => /^130(0[1-9]|1[0-6])$/.test(cp) },
];

const normalise = (city: string): string =>
  city
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\bcedex\b.*$/, '')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The department part of a postal code (2A/2B codes start 20; DOM 971–976 use three digits). */
const department = (cp: string): string => (cp.startsWith('97') ? cp.slice(0, 3) : cp.slice(0, 2));

/** The commune an address is in, as a comparable key, or null when the address is too incomplete to say. */
export function communeKey(address: Address): string | null {
  const cp = address.postalCode?.replace(/\s+/g, '') ?? '';
  const city = address.city ? normalise(address.city) : '';
  const plm = PLM.find((p) => p.test(cp) || (city !== '' && new RegExp(`^${p.name}( |$)`).test(city) && /^(75|69|13)/.test(cp)));
  if (plm) return plm.name;
  if (!/^[0-9]{5}$/.test(cp) || city === '') return null;
  return `${department(cp)}|${city}`;
}

/** True when both addresses are known and in the same commune. */
export function sameCommune(a: Address, b: Address): boolean {
  const ka = communeKey(a);
  return ka !== null && ka === communeKey(b);
}

/** The warning for IK billed to a patient living in the office's commune (null when it does not apply). */
export function ikSameCommuneWarning(office: Address, patient: Address, billsIk: boolean): Problem | null {
  if (!billsIk || !sameCommune(office, patient)) return null;
  return {
    level: 'warn',
    code: 'ik-same-commune',
    message_fr: `Le patient habite la même commune que le cabinet (${patient.city ?? patient.postalCode}) : les indemnités kilométriques ne sont pas dues à l'intérieur de l'agglomération (NGAP art. 13). Retirez la distance ou vérifiez l'adresse.`,
  };
}
