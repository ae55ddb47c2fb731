import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pages, renderPng, text, wordBoxes, type WordBox } from './pdf-tools.ts';
import { addAmeCoverage, buildPatientInput, buildPractitionerInput, makeTestBackend, NIA_8, NIR_2, type TestBackend } from '../helpers/test-backend.ts';
import { overlayPlacements, type Placement } from '../../invoice-templates/feuille-de-soins/overlay.ts';
import { MM, OVERLAY_FIELD_LABELS, OVERLAY_FIELDS, OVERLAY_LINES } from '../../invoice-templates/feuille-de-soins/overlay-layout.ts';
import { feuilleDeSoinsModel } from '../../electron/handlers/invoice-document.ts';

let t: TestBackend;
let practitionerId: number;
beforeAll(async () => {
  t = makeTestBackend();
  practitionerId = (
    await t.call(
      'practitioners/create',
      buildPractitionerInput({ situation: 'remplacant', replaced: { lastName: 'Lefèvre-Ødegård', firstName: 'Hélène-Marie', amNumber: '759876543' } }),
    )
  ).id;
});
afterAll(() => t.dispose());

/** An AME invoice with every optional field set and the longest realistic names; `acts` AMI lines. */
async function fullInvoice(acts: number) {
  const patient = await t.call(
    'patients/create',
    buildPatientInput({ nir: NIA_8, lastName: 'de la Fontaine-Abdelkader-Bensaïd', usageName: 'Rodríguez-Øster', firstName: 'Marie-Éléonore' }),
  );
  const coverage = await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
  await t.call('coverages/update', { id: coverage.id, startDate: '2026-03-01', endDate: '2027-02-28', contractCode: '05', attestationNumber: 'AME-2026-0000417-B' });
  const prescriber = await t.call('prescribers/create', { lastName: 'Benali-Moreau', firstName: 'Karim-Édouard', identifier: '10101234567', specialty: null });
  const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-10-01', ame: true });
  const draft = await t.call('invoices/create-draft', { practitionerId, patientId: patient.id, prescriptionId: prescription.id });
  const lines = Array.from({ length: acts }, (_, i) => ({ actDate: `2026-11-${String(1 + (i % 24)).padStart(2, '0')}`, code: 'AMI', coefficient: 4.1, quantity: 1 }));
  await t.call('invoices/update-draft', { invoiceId: draft.id, lines });
  await t.call('invoices/set-circumstances', {
    invoiceId: draft.id,
    insuranceNature: 'atmp',
    atNumber: 'AT-2026-884120',
    atDate: '2026-09-28',
    thirdPartyAccident: true,
    accidentDate: '2026-09-28',
    priorAgreementDate: '2026-10-04',
  });
  const r = await t.call('invoices/validate', { invoiceId: draft.id });
  if (r.kind !== 'validated') throw new Error(r.kind);
  return r.invoice;
}

/** Words whose centre lies inside the placement's box, in reading order. */
function wordsIn(words: readonly WordBox[], page: number, p: Placement): string {
  const b = p.box;
  return words
    .filter((w) => w.page === page && (w.xMin + w.xMax) / 2 >= b.x && (w.xMin + w.xMax) / 2 <= b.x + b.w && (w.yMin + w.yMax) / 2 >= b.y && (w.yMin + w.yMax) / 2 <= b.y + b.h)
    .map((w) => w.text)
    .join(' ');
}

/** Every value lands whole inside its box of the layout table: nothing outside, nothing cut. */
function expectEveryValueInItsBox(file: string, placements: readonly Placement[], firstPage = 0) {
  const words = wordBoxes(file);
  for (const p of placements) {
    expect({ field: p.field, text: wordsIn(words, firstPage + p.page, p) }).toEqual({ field: p.field, text: p.text.replace(/\s+/g, ' ').trim() });
    const inside = words.filter((w) => w.page === firstPage + p.page && p.text.split(/\s+/).includes(w.text) && w.xMin >= p.box.x - 0.5 && w.xMax <= p.box.x + p.box.w + 0.5);
    expect(inside.length, p.field).toBeGreaterThan(0);
  }
}

describe('overlay on the CPAM pre-printed form', () => {
  it('places every value of the layout table in its box, offsets applied, nothing overflowing', async () => {
    const invoice = await fullInvoice(3);
    await t.call('practitioners/set-print-settings', { practitionerId, layout: 'overlay', xMm: 2.5, yMm: -1.5 });
    const doc = await t.call('invoices/print', { id: invoice.id });
    expect(doc.fileName).toBe(`facture-${practitionerId}-${String(invoice.number).padStart(6, '0')}-duplicata-formulaire.pdf`);
    const file = join(t.dir, 'documents', doc.fileName);
    renderPng(file, 'feuille-formulaire');
    const model = feuilleDeSoinsModel(t.ctx, invoice, true);
    const placements = overlayPlacements(model, { xMm: 2.5, yMm: -1.5 });
    // The table and the placements agree: the patient's name box is the table's, shifted by 2.5 / -1.5 mm.
    const name = placements.find((p) => p.field === 'patientName')!;
    expect(name.box.x).toBeCloseTo((OVERLAY_FIELDS.patientName.x + 2.5) * MM, 5);
    expect(name.box.y).toBeCloseTo((OVERLAY_FIELDS.patientName.y - 1.5) * MM, 5);
    const firstAct = placements.find((p) => p.field === 'line0.amount')!;
    expect(firstAct.box.y).toBeCloseTo((OVERLAY_LINES.top - 1.5) * MM, 5);
    expectEveryValueInItsBox(file, placements);

    const s = text(file);
    for (const value of [
      'DUPLICATA',
      'DE LA FONTAINE-ABDELKADER-BENSAÏD (RODRÍGUEZ-ØSTER) Marie-Éléonore',
      'LEFÈVRE-ØDEGÅRD Hélène-Marie — AM 759876543',
      'AT-2026-884120',
      '28/09/2026',
      '04/10/2026',
      'AME : n° AME-2026-0000417-B — code contrat 05 — droits du 01/03/2026 au 28/02/2027',
      '01 / 751 / 0000',
      'Dr Karim-Édouard Benali-Moreau',
      'AME 0075500017',
    ]) {
      expect(s.replace(/\s+/g, ' ')).toContain(value);
    }
    // Only the data: none of the plain layout's titles.
    expect(s).not.toContain('Feuille de soins');
    expect(s).not.toContain('Bénéficiaire des soins');
    const marks = placements.filter((p) => p.kind === 'mark').map((p) => p.field).sort();
    expect(marks).toEqual(['accidentTiersOui', 'amcNotPaid', 'amoNotPaid', 'natureAtmp', 'situationRemplacant'].sort());
  });

  it('prints the same new fields whole on plain paper, and ANNULÉE on the form for a cancelled invoice', async () => {
    const invoice = await fullInvoice(3);
    const plain = await t.call('invoices/print', { id: invoice.id, layout: 'plain' });
    renderPng(join(t.dir, 'documents', plain.fileName), 'feuille-champs-longs');
    const s = text(join(t.dir, 'documents', plain.fileName)).replace(/\s+/g, ' ');
    expect(s).not.toContain('…');
    for (const value of [
      'Praticien remplacé : LEFÈVRE-ØDEGÅRD Hélène-Marie',
      'N° de facturation du remplacé : 759876543',
      'AT n° AT-2026-884120 du 28/09/2026',
      'Accident causé par un tiers : Oui — le 28/09/2026',
      "Demande d'entente préalable : du 04/10/2026",
      'Attestation AME : n° AME-2026-0000417-B — code contrat 05 — droits du 01/03/2026 au 28/02/2027',
      'Régime / caisse / centre : 01 / 751 / 0000',
      'DE LA FONTAINE-ABDELKADER-BENSAÏD Marie-Éléonore',
      "Nom d'usage : RODRÍGUEZ-ØSTER",
    ]) {
      expect(s).toContain(value);
    }
    await t.call('invoices/cancel', { invoiceId: invoice.id, reason: 'Erreur de patient' });
    const form = await t.call('invoices/print', { id: invoice.id, layout: 'overlay' });
    const cancelled = feuilleDeSoinsModel(t.ctx, { ...invoice, status: 'cancelled', cancelReason: 'Erreur de patient' }, true);
    const file = join(t.dir, 'documents', form.fileName);
    expectEveryValueInItsBox(file, overlayPlacements(cancelled, { xMm: 2.5, yMm: -1.5 }));
    expect(text(file)).toContain('ANNULÉE — DUPLICATA');
  });

  it('prints a kiné titulaire, maternité, ALD and « séance n / total » on the form', async () => {
    const kine = await t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute', lastName: 'Roux', amNumber: '751111111' }));
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_2, regime: '02', centre: '0452' }));
    const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: null });
    const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-02', sessionsPrescribed: 12 });
    const draft = await t.call('invoices/create-draft', { practitionerId: kine.id, patientId: patient.id, prescriptionId: prescription.id });
    await t.call('invoices/update-draft', {
      invoiceId: draft.id,
      exoneration: 'ald',
      lines: [
        { actDate: '2026-11-03', code: 'AMK', coefficient: 8.1, quantity: 1 },
        { actDate: '2026-11-05', code: 'AMK', coefficient: 8.1, quantity: 1 },
      ],
    });
    await t.call('invoices/set-circumstances', { invoiceId: draft.id, insuranceNature: 'maternite' });
    const r = await t.call('invoices/validate', { invoiceId: draft.id, ameAnswer: 'non' });
    if (r.kind !== 'validated') throw new Error(r.kind);
    const doc = await t.call('invoices/print', { id: draft.id, layout: 'overlay' });
    const file = join(t.dir, 'documents', doc.fileName);
    renderPng(file, 'feuille-formulaire-kine');
    const placements = overlayPlacements(feuilleDeSoinsModel(t.ctx, r.invoice, true), { xMm: 0, yMm: 0 });
    expectEveryValueInItsBox(file, placements);
    const value = (field: string) => placements.find((p) => p.field === field)?.text;
    expect([value('line0.session'), value('line1.session'), value('caisseCodes')]).toEqual(['1 / 12', '2 / 12', '02 / 751 / 0452']);
    expect(placements.filter((p) => p.kind === 'mark').map((p) => p.field).sort()).toEqual(['accidentTiersNon', 'ald', 'natureMaternite', 'situationTitulaire']);
    expect(value('amcOrganism')).toBeUndefined();
  });

  it('continues 22 acts on three forms of 10 rows, each with its identities and page number', async () => {
    const invoice = await fullInvoice(22);
    const doc = await t.call('invoices/print', { id: invoice.id, layout: 'overlay' });
    const file = join(t.dir, 'documents', doc.fileName);
    renderPng(file, 'feuille-formulaire-22-actes');
    expect(pages(file)).toBe(3);
    const placements = overlayPlacements(feuilleDeSoinsModel(t.ctx, invoice, true), { xMm: 2.5, yMm: -1.5 });
    expectEveryValueInItsBox(file, placements);
    const perPage = text(file).split('\f');
    expect(perPage[0]).toContain(`— 1/3`);
    expect(perPage[2]).toContain(`— 3/3`);
    expect(perPage[2]).toContain(`${(invoice.totalCents / 100).toFixed(2).replace('.', ',')} €`);
    expect(perPage[0]).not.toContain(`${(invoice.totalCents / 100).toFixed(2).replace('.', ',')} €`);
  });

  it('prints the calibration page: grid, marks and every box named, with the offsets', async () => {
    const doc = await t.call('practitioners/print-calibration', { practitionerId });
    const file = join(t.dir, 'documents', doc.fileName);
    renderPng(file, 'calibrage-formulaire');
    const s = text(file);
    expect(s).toContain('Page de calibrage — formulaire CPAM pré-imprimé');
    expect(s).toContain('Décalages actuels : horizontal 2,5 mm, vertical -1,5 mm');
    const words = wordBoxes(file);
    // Each box carries the form's French words, never a code name (issue #19 item 14).
    for (const code of Object.keys(OVERLAY_FIELDS)) expect(words.some((w) => w.text === code), code).toBe(false);
    for (const field of ['patientName', 'practitionerAmNumber', 'natureAtmp', 'ameAttestation', 'totalAmount'] as const) {
      const label = OVERLAY_FIELD_LABELS[field];
      expect(s.replace(/\s+/g, ' '), field).toContain(label);
      const f = OVERLAY_FIELDS[field];
      const first = label.split(' ')[0]!;
      // A tick box's name is written on its right.
      const x = (f.kind === 'mark' ? f.x + f.w : f.x) + 2.5;
      const placed = words.filter((w) => w.text === first).find((w) => Math.abs(w.xMin - x * MM) < 3 * MM && Math.abs(w.yMin - (f.y - 1.5) * MM) < 3 * MM);
      expect(placed, field).toBeDefined();
    }
  });

  it('refuses offsets beyond 20 mm with a French message', async () => {
    const e = await t.fails('practitioners/set-print-settings', { practitionerId, layout: 'overlay', xMm: 25, yMm: 0 });
    expect(e).toMatchObject({ code: 'invalid-input', field: 'xMm', message_fr: 'Décalage : 20 mm au maximum.' });
  });
});
