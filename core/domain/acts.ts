/** How an act is written on screen and on paper. */
import { formatEuros } from './money.ts';

/** Coefficient in hundredths → French decimal without useless zeros: 150 → « 1,5 », 100 → « 1 ». */
export function formatCoefficient(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  if (rest === 0) return String(whole);
  return `${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * Lettres-clés always carry their coefficient (« AMI 1 », « RIC 8,12 »); an allowance at 1 is just its code
 * (« IFD », « F »). Nurse letters (titre XVI) and every kiné letter of NGAP annexe 2 (UNCAM decision 14/12/2023).
 */
const KEY_LETTERS = /^(AMI|AMX|AIS|DI|TMI|AMK|AMS|AMC|TMK|APM|ARL|DRA|NMI|PLL|RAB|RAM|RAO|RAV|RIC|RIM|RPB|RPE|RSC|RSM|TER|VIC|VIM|VSC|VSM)$/;
/** Kilometric allowances (IK/IKP plaine, IKM montagne, IKS à pied ou à ski): the coefficient is the number of km billed (NGAP art. 13). */
const IK = /^IK[PMS]?$/;

/** A lettre-clé (an act a prescription names), not an allowance or a majoration (IFD, IK, MAU…). */
export const isKeyLetter = (code: string): boolean => KEY_LETTERS.test(code);

/**
 * The act as the feuille de soins writes it, on screen and on paper alike. A second act of a sitting billed
 * at 50 % (NGAP art. 11B) carries « /2 » after its coefficient: « AMI 1,5/2 », as the form expects.
 */
export function formatActCode(code: string, coefficientHundredths: number, ratePercent = 100): string {
  // « IK 8 km »: the kilometres billed, as the feuille writes them; the unit value is its own column.
  if (IK.test(code)) return `${code === 'IKP' ? 'IK' : code} ${formatCoefficient(coefficientHundredths)} km`;
  const written = coefficientHundredths === 100 && !KEY_LETTERS.test(code) ? code : `${code} ${formatCoefficient(coefficientHundredths)}`;
  return ratePercent === 50 ? `${written}/2` : written;
}

/**
 * The act, quantity and unit value columns of a billed line, on screen and on paper alike (issue #19 item 13):
 * an IK line writes its kilometres — « IK 8 km », « 8 km », « 0,35 €/km » — so that quantity × value reads
 * as the amount; any other line as « AMI 1,5 », its quantity and its unit value.
 */
export function lineColumns(l: { code: string; coefficient: number; quantity: number; unitCents: number; ratePercent?: number | undefined }): {
  act: string;
  quantity: string;
  unit: string;
} {
  if (IK.test(l.code)) {
    const km = formatCoefficient(l.coefficient * l.quantity);
    return { act: formatActCode(l.code, l.coefficient * l.quantity), quantity: `${km} km`, unit: `${formatEuros(l.unitCents)}/km` };
  }
  return { act: formatActCode(l.code, l.coefficient, l.ratePercent ?? 100), quantity: String(l.quantity), unit: formatEuros(l.unitCents) };
}
