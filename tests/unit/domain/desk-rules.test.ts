/**
 * Issue #9 rules: AME formatting by default from the rights on file, the latest AME answer wins, who a
 * payment comes from, and the patient's own share. Sources: seed 000 (vendor manual « Mise en place d'une
 * AME »: rights recorded with their dates, the « susceptible de bénéficier » prompt for 7/8 numbers) and
 * BILLING-RULES.md §2 (AMO 60 % in mode dégradé, the rest paid by the patient without tiers payant).
 */
import { describe, expect, it } from 'vitest';
import { ameDefaultDecision, amePromptDecision } from '../../../core/domain/ame.ts';
import { checkPatientPaymentAmount, defaultPayer } from '../../../core/domain/follow-up.ts';

const NIA_8 = '885059912345645';

describe('AME by default from the rights on file', () => {
  it('applies when every act is inside the rights and nobody decided otherwise', () => {
    expect(ameDefaultDecision({ ame: false, choice: null, rights: 'covered' })).toBe('apply');
    expect(ameDefaultDecision({ ame: false, choice: null, rights: 'outside' })).toBe('keep');
    expect(ameDefaultDecision({ ame: false, choice: null, rights: 'none' })).toBe('keep');
  });
  it('is withdrawn when acts leave the rights, never when the user or a prescription chose AME', () => {
    expect(ameDefaultDecision({ ame: true, choice: 'rights', rights: 'outside' })).toBe('withdraw');
    expect(ameDefaultDecision({ ame: true, choice: null, rights: 'outside' })).toBe('keep');
  });
  it('is not applied again once the user turned the button off', () => {
    expect(ameDefaultDecision({ ame: false, choice: 'declined', rights: 'covered' })).toBe('keep');
    expect(ameDefaultDecision({ ame: false, choice: null, rights: 'covered', promptAnswer: 'non' })).toBe('keep');
    expect(ameDefaultDecision({ ame: false, choice: null, rights: 'covered', promptAnswer: 'oui' })).toBe('apply');
  });
});

describe('the forgotten-AME prompt', () => {
  it('the latest answer wins over a stored one (issue #9, item 4)', () => {
    expect(amePromptDecision({ nir: NIA_8, ame: false, storedAnswer: 'oui', givenAnswer: 'non' })).toBe('keep');
    expect(amePromptDecision({ nir: NIA_8, ame: false, storedAnswer: 'non', givenAnswer: 'oui' })).toBe('apply-ame');
    expect(amePromptDecision({ nir: NIA_8, ame: false, storedAnswer: 'oui', givenAnswer: undefined })).toBe('apply-ame');
  });
  it('is not asked after the user turned the button off: the button wins', () => {
    expect(amePromptDecision({ nir: NIA_8, ame: false, storedAnswer: null, givenAnswer: undefined, declined: true })).toBe('not-needed');
    expect(amePromptDecision({ nir: NIA_8, ame: false, storedAnswer: null, givenAnswer: undefined })).toBe('ask');
  });
});

describe('payments: payer and the patient’s share', () => {
  // AMI + IFD = 5,90 €; tiers payant AMO 60 % → 3,54 € from the caisse, 2,36 € from the patient.
  const row = { ame: false, expectedCents: 354, paidCents: 0, patientDueCents: 236, patientPaidCents: 0 };
  it('proposes the payer still awaited: the caisse first, then the patient; the AME for an AME invoice', () => {
    expect(defaultPayer(row)).toBe('amo');
    expect(defaultPayer({ ...row, paidCents: 354 })).toBe('patient');
    expect(defaultPayer({ ame: true, expectedCents: 590, paidCents: 0, patientDueCents: 0, patientPaidCents: 0 })).toBe('amc');
  });
  it('refuses more than the patient still owes, and anything when nothing is owed', () => {
    expect(checkPatientPaymentAmount(236, 236, 0)).toBeNull();
    expect(checkPatientPaymentAmount(300, 236, 0)).toContain('2,36');
    expect(checkPatientPaymentAmount(100, 0, 0)).toContain('ne doit rien');
  });
});
