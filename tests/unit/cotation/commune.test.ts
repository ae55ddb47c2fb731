import { describe, expect, it } from 'vitest';
import { checkInvoice, type InvoiceCheckInput } from '../../../core/cotation/checks.ts';
import { communeKey, sameCommune } from '../../../core/cotation/commune.ts';

describe('same commune as the office (IK not due inside the agglomeration, NGAP art. 13, BILLING-RULES §9)', () => {
  it('takes Paris, Lyon and Marseille arrondissements as one commune (loi PLM 82-1169)', () => {
    expect(sameCommune({ postalCode: '75011', city: 'Paris 11e' }, { postalCode: '75018', city: 'PARIS' })).toBe(true);
    expect(sameCommune({ postalCode: '69003', city: 'Lyon 3e Arrondissement' }, { postalCode: '69008', city: 'Lyon' })).toBe(true);
    expect(sameCommune({ postalCode: '13001', city: 'Marseille' }, { postalCode: '13016', city: 'Marseille 16e' })).toBe(true);
    expect(communeKey({ postalCode: '75116', city: 'Paris' })).toBe('paris');
  });

  it('compares the commune name (accents, « St », Cedex ignored) inside one department', () => {
    expect(sameCommune({ postalCode: '31000', city: 'Toulouse' }, { postalCode: '31200', city: 'TOULOUSE' })).toBe(true);
    expect(sameCommune({ postalCode: '93200', city: 'Saint-Denis' }, { postalCode: '93210', city: 'St Denis Cedex 1' })).toBe(true);
    expect(sameCommune({ postalCode: '93200', city: 'Saint-Denis' }, { postalCode: '97400', city: 'Saint-Denis' })).toBe(false);
    expect(sameCommune({ postalCode: '75011', city: 'Paris' }, { postalCode: '92100', city: 'Boulogne-Billancourt' })).toBe(false);
    expect(sameCommune({ postalCode: null, city: null }, { postalCode: null, city: null })).toBe(false);
  });

  it('warns at Imprimer when IK are billed to a patient of the office\'s commune (Paris 11e → Paris 18e, issue 19 item 5)', () => {
    const ikLine = { kind: 'travel' as const, actDate: '2026-05-04', code: 'IKP', coefficient: 200, ratePercent: 100 as const, unitCents: 35, amountCents: 70, tariffId: 1, explanation: '', ngapArticle: '' };
    const visit = { date: '2026-05-04', time: '08:00', place: 'domicile' as const, householdRank: 1, distanceTenths: 30, urgent: false, imperativePrescription: false, coordination: 'aucune' as const, twoSessionsJustified: false, acts: [] };
    const input: InvoiceCheckInput = {
      profession: 'infirmier',
      visits: [{ visit, priced: { lines: [ikLine], dropped: [], explanations: [], problems: [] } }],
      prescription: null,
      patientBirthDate: '1950-01-01',
      ame: null,
      addresses: { office: { postalCode: '75011', city: 'Paris' }, patient: { postalCode: '75018', city: 'Paris' } },
    };
    expect(checkInvoice(input).map((p) => `${p.level} ${p.code}`)).toEqual(['warn ik-same-commune']);
    // Across the ring road: no warning.
    expect(checkInvoice({ ...input, addresses: { office: { postalCode: '75011', city: 'Paris' }, patient: { postalCode: '93100', city: 'Montreuil' } } })).toEqual([]);
    // No IK billed: nothing to say.
    expect(checkInvoice({ ...input, visits: [{ visit, priced: { lines: [], dropped: [], explanations: [], problems: [] } }] })).toEqual([]);
  });
});
