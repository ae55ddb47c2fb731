/**
 * Rules of the printed feuille de soins that are not layout: pure functions, no I/O.
 */

/**
 * Centre code printed in degraded mode. A médecin union reports that degraded-mode feuilles for
 * régime-général (01) patients must carry centre « 0000 » instead of the 4-digit centre
 * (BILLING-RULES §2, fmfpro.org — likely). Other régimes keep the centre on file.
 */
export function degradedModeCentre(regime: string | null, centre: string | null): string | null {
  return regime === '01' ? '0000' : centre;
}

/** Travel fees and kilometric allowances are not sessions. */
const NOT_A_SESSION = /^(IFD|IFS|IFO|IFR|IFN|IFP|IK[A-Z]?|MN|MNP|MD|N|F)$/;

export const isKineSessionCode = (code: string): boolean => !NOT_A_SESSION.test(code);

/**
 * Kiné session numbers for the lines of an invoice under a prescription: the sessions already billed
 * on other (non-cancelled, validated) invoices of the same prescription come first, then this invoice's
 * session lines in order (one per unit of quantity, the line carrying the number of its first session).
 * Travel lines get null.
 */
export function kineSessionNumbers(previousSessions: number, lines: readonly { code: string; quantity: number }[]): (number | null)[] {
  let next = previousSessions + 1;
  return lines.map((l) => {
    if (!isKineSessionCode(l.code)) return null;
    const n = next;
    next += l.quantity;
    return n;
  });
}
