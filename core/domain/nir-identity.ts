/**
 * Does a NIR/NIA agree with the birth date and sex typed beside it (issue #19 item 4)? A warning, never a
 * refusal (BILLING-RULES §1): sex digit 1/3/7 = man, 2/4/8 = woman; digits 2–3 = year of birth, 4–5 = month.
 * A month of 20, 30–42 or 50–99 stands for an unknown civil-status month and is not compared; a NIA (7 or 8)
 * is given on provisional data, so only its sex digit is compared.
 */
import type { Sex } from './types.ts';
import { normalizeNirInput } from './nir.ts';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const SEX_OF_DIGIT: Record<string, Sex> = { '1': 'M', '3': 'M', '7': 'M', '2': 'F', '4': 'F', '8': 'F' };

/** The contradictions found, in one French sentence; null when the number agrees (or cannot be read). */
export function nirIdentityWarning(nir: string, birthDate: string, sex: Sex): string | null {
  const v = normalizeNirInput(nir);
  if (v.length !== 15 || !/^[0-9]{5}/.test(v) || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(birthDate)) return null;
  const found: string[] = [];
  const sexDigit = SEX_OF_DIGIT[v[0]!];
  if (sexDigit && sexDigit !== sex) found.push(`il commence par ${v[0]} (${sexDigit === 'M' ? 'homme' : 'femme'}), le sexe saisi est ${sex === 'M' ? 'homme' : 'femme'}`);
  const provisional = v[0] === '7' || v[0] === '8';
  if (!provisional) {
    const year = v.slice(1, 3);
    if (year !== birthDate.slice(2, 4)) found.push(`l'année de naissance y finit par ${year}, pas ${birthDate.slice(0, 4)}`);
    const month = Number(v.slice(3, 5));
    const born = Number(birthDate.slice(5, 7));
    if (month >= 1 && month <= 12 && month !== born) found.push(`le mois de naissance y est ${MONTHS[month - 1]} (${v.slice(3, 5)}), pas ${MONTHS[born - 1]}`);
  }
  if (found.length === 0) return null;
  return `Le NIR ne correspond pas à l'identité saisie : ${found.join(' ; ')}. Vérifiez le numéro, la date de naissance et le sexe sur l'attestation (un numéro provisoire ou un mois de naissance inconnu peut légitimement différer).`;
}
