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
    expect(formatActCode('F', 100)).toBe('F');
    expect(formatActCode('RIC', 812)).toBe('RIC 8,12');
    expect(formatActCode('DI', 250)).toBe('DI 2,5');
  });

  it('writes an IK line with the kilometres billed (« IK 8 km »; research: ILM n° 327 « IK 22 km × 0,50 »)', () => {
    expect(formatActCode('IKP', 1000)).toBe('IK 10 km');
    expect(formatActCode('IKP', 750)).toBe('IK 7,5 km');
    expect(formatActCode('IKM', 2200)).toBe('IKM 22 km');
  });

  it('writes a second act at 50 % (art. 11B) as « AMI 1,5/2 », and leaves 100 % lines unchanged', () => {
    expect(formatActCode('AMI', 150, 50)).toBe('AMI 1,5/2');
    expect(formatActCode('AMI', 100, 50)).toBe('AMI 1/2');
    expect(formatActCode('AIS', 300, 50)).toBe('AIS 3/2');
    expect(formatActCode('AMI', 150, 100)).toBe('AMI 1,5');
  });
});
