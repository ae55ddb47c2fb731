/** Issue #19 item 14: the project's rules file never reaches the user in Réglages → Tarifs. */
import { describe, expect, it } from 'vitest';
import { sourceForUser } from '../../../core/domain/source-note.ts';

describe('sourceForUser', () => {
  it.each([
    ['Coefficient (AMI 2) non recoupé dans BILLING-RULES : à vérifier.', 'Coefficient (AMI 2) non recoupé avec une seconde source : à vérifier.'],
    ['avenant 10 ; BILLING-RULES §4', 'avenant 10'],
    ['BILLING-RULES §4, §9 ; NGAP titre XVI', 'NGAP titre XVI'],
    ['NGAP titre XVI chap. II art. 5 bis', 'NGAP titre XVI chap. II art. 5 bis'],
    ['BILLING-RULES.md §5', 'règles tarifaires en vigueur (NGAP, avenants)'],
  ])('%s → %s', (raw, shown) => {
    expect(sourceForUser(raw)).toBe(shown);
    expect(sourceForUser(raw)).not.toContain('BILLING');
  });
});
