/**
 * The cotation on the printed feuille (issue #7): a second act at 50 % is written « AMI 1,5/2 » (NGAP art. 11B,
 * « le deuxième acte … à 50 % de son coefficient » — CPAM guide « Facturer les actes infirmiers », quoted in
 * BILLING-RULES §4), and further acts of the sitting are neither billed nor printed. Both layouts read back
 * from the PDF; each line's rate, explanation and NGAP article are frozen with the invoice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { renderPng, text, wordBoxes, type WordBox } from './pdf-tools.ts';
import { addAmeCoverage, buildPatientInput, buildPractitionerInput, makeTestBackend, NIA_8, type TestBackend } from '../helpers/test-backend.ts';
import type { Invoice } from '../../core/domain/types.ts';
import { feuilleDeSoinsModel } from '../../electron/handlers/invoice-document.ts';
import { overlayPlacements, type Placement } from '../../invoice-templates/feuille-de-soins/overlay.ts';
import { renderFeuilleDeSoins } from '../../invoice-templates/feuille-de-soins/render.ts';
import { writeFileSync } from 'node:fs';

let t: TestBackend;
let nurse: number;
beforeAll(async () => {
  t = makeTestBackend('2026-11-25');
  nurse = (await t.call('practitioners/create', buildPractitionerInput())).id;
});
afterAll(() => t.dispose());

const SUNDAY = '2026-11-22';

/**
 * An AME patient's Sunday home visit, urgent, 7 km away, three acts: AMI 2 (pansement simple) at 100 %,
 * AMI 1,5 (séance d'aérosol) at 50 % = 2,36 €, AMI 1 (injection IM) dropped (art. 11B); F 8,50 € (since
 * 01/08/2018, BILLING-RULES §10), IFD, IK plaine (14 − 4 = 10 km) printed « IK 10 km ».
 */
async function sundayVisit(): Promise<Invoice> {
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIA_8 }));
  await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
  const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '10101234567', specialty: null });
  const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-20', ame: true });
  const draft = await t.call('invoices/create-draft', { practitionerId: nurse, patientId: patient.id, prescriptionId: prescription.id });
  const act = (coefficient: number, key: string) => ({ code: 'AMI', coefficient, key });
  const priced = await t.call('invoices/update-draft', {
    invoiceId: draft.id,
    visits: [
      {
        date: SUNDAY, time: '10:30', callTime: null, place: 'domicile', householdRank: 1, distanceKm: 7, urgent: true, imperativePrescription: false,
        coordination: 'aucune', twoSessionsJustified: false, r251Procedure: false,
        acts: [act(1, 'idel-injection-im'), act(2, 'idel-pansement-simple'), act(1.5, 'idel-aerosol')],
      },
    ],
  });
  expect(priced.lines.map((l) => `${l.code} ${l.coefficient} ${l.ratePercent} ${l.amountCents}`)).toEqual([
    'AMI 200 100 630', 'AMI 150 50 236', 'F 100 100 850', 'IFD 100 100 275', 'IKP 1000 100 350',
  ]);
  expect(priced.visits[0]!.dropped.map((d) => d.explanation).join(' ')).toMatch(/AMI 1 non facturé et non porté sur la feuille/);
  let outcome = await t.call('invoices/validate', { invoiceId: draft.id });
  if (outcome.kind === 'checks-warning') outcome = await t.call('invoices/validate', { invoiceId: draft.id, confirmWarnings: true });
  if (outcome.kind !== 'validated') throw new Error(outcome.kind);
  return outcome.invoice;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('11B on the printed feuille', () => {
  it('plain paper: « AMI 1,5/2 » at 2,36 €, the dropped act absent, why frozen with the invoice', async () => {
    const invoice = await sundayVisit();
    const doc = await t.call('invoices/print', { id: invoice.id, layout: 'plain' });
    const file = join(t.dir, 'documents', doc.fileName);
    renderPng(file, 'feuille-cotation-11b');
    const s = flat(text(file));
    expect(s).toMatch(/22\/11\/2026 AMI 2 1 3,15 € 6,30 € N/);
    expect(s).toMatch(/22\/11\/2026 AMI 1,5\/2 1 3,15 € 2,36 € N/);
    expect(s).toMatch(/22\/11\/2026 F 1 8,50 € 8,50 € N/);
    expect(s).toMatch(/22\/11\/2026 IFD 1 2,75 € 2,75 € N/);
    // The kilometres written out: 10 km × 0,35 €/km = 3,50 € (issue #19 item 13).
    expect(s).toMatch(/22\/11\/2026 IK 10 km 10 km 0,35 €\/km 3,50 € N/);
    // The third act of the sitting (AMI 1, injection IM) is neither billed nor printed.
    expect(s.match(/22\/11\/2026 AMI/g)).toHaveLength(2);
    expect(s).not.toMatch(/AMI 1 1 /);
    expect(s).not.toContain('non facturé');
    expect(s).toMatch(/Total des actes 23,41 €/);
    // One page, as before: the totals and the signatures stay with the acts.
    expect(text(file)).not.toContain('(suite)');
    // Why each line is priced so is frozen with the invoice (explanation and NGAP article), for the screen and later layouts.
    const frozen = feuilleDeSoinsModel(t.ctx, invoice, false).lines;
    expect(frozen.map((l) => [l.ratePercent, l.ngapArticle])).toEqual([
      [100, 'NGAP dispositions générales art. 11B'],
      [50, 'NGAP dispositions générales art. 11B'],
      [100, 'NGAP dispositions générales art. 14'],
      [100, 'NGAP dispositions générales art. 13'],
      [100, 'NGAP dispositions générales art. 13'],
    ]);
    expect(frozen[1]!.explanation).toBe('AMI 1,5/2 : second acte de la même séance, facturé à 50 % (art. 11B).');
  });

  it('CPAM form: « AMI 1,5/2 » in the act box of its line, five lines for five billed acts', async () => {
    const invoice = await sundayVisit();
    const doc = await t.call('invoices/print', { id: invoice.id, layout: 'overlay' });
    const file = join(t.dir, 'documents', doc.fileName);
    renderPng(file, 'feuille-cotation-11b-formulaire');
    const placements = overlayPlacements(feuilleDeSoinsModel(t.ctx, invoice, false), { xMm: 0, yMm: 0 });
    const acts = placements.filter((p) => /^line\d+\.act$/.test(p.field)).map((p) => p.text);
    expect(acts).toEqual(['AMI 2', 'AMI 1,5/2', 'F', 'IFD', 'IK 10 km']);
    const words = wordBoxes(file);
    const second = placements.find((p) => p.field === 'line1.act')!;
    expect(wordsIn(words, second)).toBe('AMI 1,5/2');
    expect(wordsIn(words, placements.find((p) => p.field === 'line1.amount')!)).toBe('2,36 €');
    expect(flat(text(file))).not.toMatch(/AMI 1 1 /);
  });

  it('a model frozen before rates were stored (version 1: no ratePercent, no article) still prints, as it did', async () => {
    const invoice = await sundayVisit();
    const model = feuilleDeSoinsModel(t.ctx, invoice, true);
    const v1 = { ...model, lines: model.lines.map(({ ratePercent: _r, ngapArticle: _a, ...rest }) => rest) };
    const file = join(t.dir, 'v1.pdf');
    writeFileSync(file, await renderFeuilleDeSoins(v1, { fontsDir: t.ctx.fontsDir }));
    const s = flat(text(file));
    expect(s).toMatch(/22\/11\/2026 AMI 1,5 1 3,15 € 2,36 € N/);
    expect(s).toMatch(/22\/11\/2026 F 1 8,50 € 8,50 € N/);
  });
});

describe('issue #19 item 13 on paper', () => {
  it('a reprint carries a large DUPLICATA stamp; the Attestation AME line stays inside its box', async () => {
    const invoice = await sundayVisit();
    await t.call('invoices/print', { id: invoice.id, layout: 'plain' }); // the original
    const doc = await t.call('invoices/print', { id: invoice.id, layout: 'plain' });
    const file = join(t.dir, 'documents', doc.fileName);
    renderPng(file, 'feuille-duplicata-tampon');
    // The small mention of the header, and the large stamp across the page (rendered and looked at).
    expect(text(file).match(/DUPLICATA/g)).toHaveLength(2);
    // « Attestation AME » sits above « Renseignements … » box's top with a clear gap (its own box's border between).
    const words = wordBoxes(file);
    const attestation = words.find((w) => w.text === 'Attestation')!;
    const below = words.filter((w) => w.page === attestation.page && w.yMin > attestation.yMax).sort((a, b) => a.yMin - b.yMin)[0]!;
    expect(below.yMin - attestation.yMax).toBeGreaterThan(14);
  });
});

/** Words whose centre lies inside the placement's box, in reading order. */
function wordsIn(words: readonly WordBox[], p: Placement): string {
  const b = p.box;
  return words
    .filter((w) => w.page === p.page && (w.xMin + w.xMax) / 2 >= b.x && (w.xMin + w.xMax) / 2 <= b.x + b.w && (w.yMin + w.yMax) / 2 >= b.y && (w.yMin + w.yMax) / 2 <= b.y + b.h)
    .map((w) => w.text)
    .join(' ');
}
