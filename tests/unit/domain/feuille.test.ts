import { describe, expect, it } from 'vitest';
import { degradedModeCentre, isKineSessionCode, kineSessionNumbers } from '../../../core/domain/feuille.ts';

describe('centre code on a degraded-mode feuille', () => {
  // BILLING-RULES §2: « degraded-mode FSE for régime-général patients must carry centre code 0000 instead of the
  // 4-digit centre » (fmfpro.org, « Pourquoi ne faut-il pas faire de feuilles de soins dégradées », likely).
  it('prints 0000 for the régime général, whatever centre is on file', () => {
    expect(degradedModeCentre('01', '1234')).toBe('0000');
    expect(degradedModeCentre('01', null)).toBe('0000');
  });
  it('keeps the centre on file for another régime (not covered by the source)', () => {
    expect(degradedModeCentre('02', '0452')).toBe('0452');
    expect(degradedModeCentre(null, null)).toBeNull();
  });
});

describe('kiné session numbers', () => {
  // Issue #8: « Kiné sessions print the session number and the number prescribed »; travel fees (IFD, IFS since
  // 1 Jul 2025 — BILLING-RULES §5) and kilometric allowances are not sessions.
  it('continues after the sessions already billed on the prescription, skipping travel lines', () => {
    const lines = [
      { code: 'AMK', quantity: 1 },
      { code: 'IFD', quantity: 1 },
      { code: 'AMK', quantity: 1 },
      { code: 'IKP', quantity: 6 },
    ];
    expect(kineSessionNumbers(2, lines)).toEqual([3, null, 4, null]);
  });
  it('gives a line of several sessions the number of its first one', () => {
    expect(kineSessionNumbers(0, [{ code: 'ARL', quantity: 2 }, { code: 'ARL', quantity: 1 }])).toEqual([1, 3]);
  });
  it('knows travel codes', () => {
    expect(['IFD', 'IFS', 'IKM', 'IKS', 'MN'].map(isKineSessionCode)).toEqual([false, false, false, false, false]);
    expect(['AMK', 'ARL', 'NMI', 'TMK'].map(isKineSessionCode)).toEqual([true, true, true, true]);
  });
});
