import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { renderPng, text } from './pdf-tools.ts';
import { addAmeCoverage, buildPatientInput, buildPractitionerInput, makeTestBackend, NIA_8, NIR_2, type TestBackend } from '../helpers/test-backend.ts';

/** The fields of CSS R161-42 / arrêté of 9 Apr 1998 (BILLING-RULES §9), read back from the PDF. */
let t: TestBackend;
beforeAll(() => {
  t = makeTestBackend();
});
afterAll(() => t.dispose());

async function kineRemplacantAme() {
  const practitioner = await t.call(
    'practitioners/create',
    buildPractitionerInput({
      profession: 'masseur-kinesitherapeute',
      situation: 'remplacant',
      replaced: { lastName: 'Lefèvre', firstName: 'Hélène', amNumber: '759876543' },
    }),
  );
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIA_8, centre: '1234' }));
  const coverage = await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
  await t.call('coverages/update', { id: coverage.id, startDate: '2026-03-01', endDate: '2027-02-28', contractCode: '05', attestationNumber: 'AME-2026-00417' });
  const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Chirurgien orthopédiste' });
  const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-02', ame: true, sessionsPrescribed: 10 });
  const first = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id, prescriptionId: prescription.id });
  await t.call('invoices/update-draft', {
    invoiceId: first.id,
    lines: [
      { actDate: '2026-11-03', code: 'AMK', coefficient: 8.1, quantity: 1 },
      { actDate: '2026-11-05', code: 'AMK', coefficient: 8.1, quantity: 1 },
    ],
  });
  const one = await t.call('invoices/validate', { invoiceId: first.id });
  if (one.kind !== 'validated') throw new Error(one.kind);
  const draft = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id, prescriptionId: prescription.id });
  await t.call('invoices/update-draft', {
    invoiceId: draft.id,
    lines: [
      { actDate: '2026-11-10', code: 'AMK', coefficient: 8.1, quantity: 1 },
      { actDate: '2026-11-10', code: 'IFD', coefficient: 1, quantity: 1 },
      { actDate: '2026-11-12', code: 'AMK', coefficient: 8.1, quantity: 1 },
    ],
  });
  await t.call('invoices/set-circumstances', {
    invoiceId: draft.id,
    insuranceNature: 'atmp',
    atNumber: 'AT-88412',
    atDate: '2026-10-28',
    thirdPartyAccident: true,
    accidentDate: '2026-10-28',
    priorAgreementDate: '2026-11-04',
  });
  const r = await t.call('invoices/validate', { invoiceId: draft.id });
  if (r.kind !== 'validated' || !r.document) throw new Error(r.kind);
  return join(t.dir, 'documents', r.document.fileName);
}

describe('feuille de soins: the fields the form requires', () => {
  it('prints situation, replaced practitioner, AT, accident tiers, entente préalable, AME attestation, centre 0000 and session numbers', async () => {
    const file = await kineRemplacantAme();
    renderPng(file, 'feuille-champs');
    const s = text(file);
    expect(s).toContain('Feuille de soins — Auxiliaires médicaux');
    expect(s).toContain('Mode dégradé (sans carte Vitale)');
    expect(s).not.toMatch(/duplicata/i);
    expect(s).toMatch(/Situation d'exercice\s*:\s*Remplaçant/);
    expect(s).toMatch(/Praticien remplacé\s*:\s*LEFÈVRE Hélène/);
    expect(s).toMatch(/N° de facturation du remplacé\s*:\s*759876543/);
    expect(s).toMatch(/Régime \/ caisse \/ centre\s*:\s*01 \/ 751 \/ 0000/);
    expect(s).toMatch(/Attestation AME\s*:\s*n° AME-2026-00417 — code contrat 05 — droits du 01\/03\/2026 au 28\/02\/2027/);
    expect(s).toContain('AT n° AT-88412 du 28/10/2026');
    expect(s).toMatch(/Accident causé par un tiers\s*:\s*Oui — le 28\/10\/2026/);
    expect(s).toMatch(/Demande d'entente préalable\s*:\s*du 04\/11\/2026/);
    const rows = s.split('\n').filter((l) => /^\s*\d{2}\/\d{2}\/\d{4}\s+(AMK|IFD)/.test(l));
    expect(rows).toHaveLength(3);
    // Sessions 1 and 2 were on the first invoice of the prescription; travel is not a session.
    expect(rows[0]).toMatch(/AMK 8,1\s+3 \/ 10\s/);
    expect(rows[1]).not.toMatch(/\d \/ 10/);
    expect(rows[2]).toMatch(/AMK 8,1\s+4 \/ 10\s/);
  });

  it('prints a titulaire, maladie, no accident, no entente and the ALD box for an ALD invoice', async () => {
    const practitioner = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_2, regime: '02', centre: '0452' }));
    const draft = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 }], exoneration: 'ald' });
    const r = await t.call('invoices/validate', { invoiceId: draft.id });
    if (r.kind !== 'validated' || !r.document) throw new Error(r.kind);
    const s = text(join(t.dir, 'documents', r.document.fileName));
    expect(s).toMatch(/Situation d'exercice\s*:\s*Titulaire/);
    expect(s).toMatch(/Régime \/ caisse \/ centre\s*:\s*02 \/ 751 \/ 0452/);
    expect(s).toMatch(/Accident causé par un tiers\s*:\s*Non/);
    expect(s).toMatch(/Demande d'entente préalable\s*:\s*Sans objet/);
    expect(s).toContain('Exonération : ALD (affection de longue durée)');
    expect(s).not.toContain('Attestation AME');
    const prescriber = await t.call('prescribers/create', { lastName: 'Roux', firstName: 'Paul', identifier: '123456780', specialty: null });
    const bad = await t.fails('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-02', sessionsPrescribed: 0 });
    expect(bad).toMatchObject({ field: 'sessionsPrescribed', message_fr: 'Nombre de séances : au moins 1.' });
  });
});
