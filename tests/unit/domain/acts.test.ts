/**
 * How an act is written, on screen and on the printed feuille (one function for both).
 * Source for « /2 »: NGAP dispositions générales art. 11B — the second act of a sitting is paid at 50 % of
 * its coefficient, written « AMI 1,5/2 » on the feuille de soins (CPAM guide « Facturer les actes
 * infirmiers », quoted in BILLING-RULES §4).
 */
import { describe, expect, it } from 'vitest';
import { formatActCode } from '../../../core/domain/acts.ts';

describe('formatActCode', () => {
  it('writes key letters with their coefficient and allowances at 1 as their code', () => {
    expect(formatActCode('AMI', 100)).toBe('AMI 1');
    expect(formatActCode('AMK', 810)).toBe('AMK 8,1');
    expect(formatActCode('IFD', 100)).toBe('IFD');
    expect(formatActCode('IKP', 1000)).toBe('IKP 10');
  });

  it('writes a second act at 50 % (art. 11B) as « AMI 1,5/2 », and leaves 100 % lines unchanged', () => {
    expect(formatActCode('AMI', 150, 50)).toBe('AMI 1,5/2');
    expect(formatActCode('AMI', 100, 50)).toBe('AMI 1/2');
    expect(formatActCode('AIS', 300, 50)).toBe('AIS 3/2');
    expect(formatActCode('AMI', 150, 100)).toBe('AMI 1,5');
  });
});
