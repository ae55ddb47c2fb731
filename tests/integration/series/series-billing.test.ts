/**
 * Issue 15 acceptance through the dispatcher: a 15-day « tous les 2 jours » series with a Sunday and public
 * holidays, marked on the round and billed by week, to the cent; each visit billed once (also after a cancel
 * and a re-bill); kiné « séance n / total » on every feuille; AME only over the dates the rights cover.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../core/api/contract.ts';
import { text } from '../../pdf/pdf-tools.ts';
import { addAmeCoverage, buildPatientInput, buildPractitionerInput, makeTestBackend, NIA_8, NIR_1, type TestBackend } from '../../helpers/test-backend.ts';

// After the series: Tuesday 26 May 2026.
const TODAY = '2026-05-26';
let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(TODAY);
});
afterEach(() => t.dispose());

/** The unit value in force on 04/05/2026 of a code (cents), read from the catalogue the engine prices with (ended rows, e.g. the 2022 fuel measure, left out). */
async function unit(profession: 'infirmier' | 'masseur-kinesitherapeute', code: string): Promise<number> {
  const catalogue = await t.call('cotation/catalogue', { profession });
  const rows = catalogue.tariffs
    .filter((r) => r.code === code && r.zone === 'metropole' && r.effectiveFrom <= '2026-05-04' && (r.effectiveTo === null || r.effectiveTo >= '2026-05-04'))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  expect(rows.length, code).toBeGreaterThan(0);
  return rows[0]!.unitCents;
}

async function setup(opts: { profession?: 'infirmier' | 'masseur-kinesitherapeute'; nir?: string; prescription?: Partial<MethodInput<'prescriptions/create'>> } = {}) {
  const practitioner = await t.call('practitioners/create', buildPractitionerInput({ profession: opts.profession ?? 'infirmier' }));
  const patient = await t.call('patients/create', buildPatientInput({ nir: opts.nir ?? NIR_1, postalCode: '93100', city: 'Montreuil' }));
  const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
  const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-02', ...opts.prescription });
  return { practitioner, patient, prescription };
}

const EVERY_OTHER_DAY = {
  place: 'domicile' as const,
  acts: [{ key: 'idel-pansement-simple', code: 'AMI', coefficient: 2 }],
  frequency: { kind: 'every-other-day' as const },
  times: ['08:00'],
  start: '2026-05-04',
  end: '2026-05-18',
  includeSundays: true,
  includeHolidays: true,
  imperativePrescription: true,
};

describe('a 15-day every-other-day series billed by week', () => {
  it('plans 8 visits (Sunday 10 May, holidays 8 and 14 May), bills them by week to the cent with the majorations the hours and the prescription allow', async () => {
    const { practitioner, patient, prescription } = await setup();
    await t.call('travel/set', { patientId: patient.id, distanceKm: 5 });
    const view = await t.call('series/create', { prescriptionId: prescription.id, practitionerId: practitioner.id, ...EVERY_OTHER_DAY });
    expect(view.visits.map((v) => v.date)).toEqual(['2026-05-04', '2026-05-06', '2026-05-08', '2026-05-10', '2026-05-12', '2026-05-14', '2026-05-16', '2026-05-18']);
    const byDate = new Map(view.visits.map((v) => [v.date, v.id]));

    // The round: every visit done at 8h except 12 May at 20h30 (night), 16 May not done.
    for (const [date, id] of byDate) {
      if (date === '2026-05-16') await t.call('series/visit', { action: 'not-done', visitId: id, practitionerId: practitioner.id, reason: 'Patiente hospitalisée' });
      else await t.call('series/visit', { action: 'done', visitId: id, practitionerId: practitioner.id, time: date === '2026-05-12' ? '20:30' : '08:00' });
    }
    const round = await t.call('round/day', { practitionerId: practitioner.id, date: '2026-05-12' });
    expect(round).toMatchObject([{ patientName: 'DIALLO Aminata', status: 'done', doneTime: '20:30', distanceKm: 5, city: 'Montreuil' }]);

    const [ami, ifd, ikp, f, n] = await Promise.all([unit('infirmier', 'AMI'), unit('infirmier', 'IFD'), unit('infirmier', 'IKP'), unit('infirmier', 'F'), unit('infirmier', 'N')]);
    // One visit: AMI 2 + IFD + IK on (2 × 5 km − 4 km) = 6 km (NGAP art. 13, plaine).
    const visit = 2 * ami + ifd + 6 * ikp;

    // Week 1 (4–10 May): 4 visits, 14 lines > 10 on the form → two feuilles; F (Sunday/holiday) on the 8th (holiday) and the 10th (Sunday),
    // due because the prescription says « exécution quotidienne impérative » (NGAP art. 14B).
    const week1 = await t.call('series/bill-period', { practitionerId: practitioner.id, patientId: patient.id, from: '2026-05-04', to: '2026-05-10' });
    expect(week1.refused).toEqual([]);
    expect(week1.invoices.map((i) => i.invoice.lines.map((l) => `${l.actDate.slice(8)} ${l.code}`))).toEqual([
      ['04 AMI', '04 IFD', '04 IKP', '06 AMI', '06 IFD', '06 IKP', '08 AMI', '08 F', '08 IFD', '08 IKP'],
      ['10 AMI', '10 F', '10 IFD', '10 IKP'],
    ]);
    expect(week1.invoices.map((i) => i.invoice.totalCents)).toEqual([3 * visit + f, visit + f]);
    expect(week1.invoices.every((i) => i.invoice.prescriptionId === prescription.id && i.warning_fr === null)).toBe(true);

    // Week 2 (11–17 May): 12 May at 20h30 → N (night, 20h–8h); 14 May (Ascension) → F; 16 May not done.
    const week2 = await t.call('series/bill-period', { practitionerId: practitioner.id, patientId: null, from: '2026-05-11', to: '2026-05-17' });
    expect(week2.invoices).toHaveLength(1);
    expect(week2.invoices[0]!.invoice.totalCents).toBe(2 * visit + n + f);
    expect(week2.invoices[0]!.invoice.lines.filter((l) => l.code === 'N' || l.code === 'F').map((l) => `${l.actDate} ${l.code}`)).toEqual(['2026-05-12 N', '2026-05-14 F']);
    // Concrete figures at today's catalogue: 11,15 € a visit; F 8,50 € since 01/08/2018 (avenant 5 — BILLING-RULES §10,
    // onsil.fr); N 9,15 € (20h–23h / 5h–8h, BILLING-RULES §10).
    expect([visit, f, n]).toEqual([1115, 850, 915]);

    // « 9 / 15 »: the series counts its visits.
    const after = await t.call('series/get', { id: view.series.id });
    expect(after.progress).toMatchObject({ used: 7, prescribed: 7, billed: 6, doneUnbilled: 1, planned: 0 });
  });

  it('gives no Sunday majoration without « exécution impérative » on the prescription', async () => {
    const { practitioner, prescription } = await setup();
    const view = await t.call('series/create', { prescriptionId: prescription.id, practitionerId: practitioner.id, ...EVERY_OTHER_DAY, imperativePrescription: false, start: '2026-05-10', end: '2026-05-10' });
    await t.call('series/visit', { action: 'done', visitId: view.visits[0]!.id, practitionerId: practitioner.id, time: '08:00' });
    const bill = await t.call('series/bill-period', { practitionerId: practitioner.id, patientId: null, from: '2026-05-10', to: '2026-05-10' });
    expect(bill.invoices[0]!.invoice.lines.map((l) => l.code)).toEqual(['AMI', 'IFD']);
  });
});

describe('each visit is billed once', () => {
  it('refuses a second billing, frees the visits when the invoice is cancelled, and bills them again', async () => {
    const { practitioner, prescription } = await setup();
    const view = await t.call('series/create', { prescriptionId: prescription.id, practitionerId: practitioner.id, ...EVERY_OTHER_DAY, end: '2026-05-06' });
    for (const v of view.visits) await t.call('series/visit', { action: 'done', visitId: v.id, practitionerId: practitioner.id, time: '08:00' });
    const period = { practitionerId: practitioner.id, patientId: null, from: '2026-05-04', to: '2026-05-10' };
    const first = await t.call('series/bill-period', period);
    expect(first.invoices).toHaveLength(1);
    expect(await t.fails('series/bill-period', period)).toMatchObject({ code: 'not-found', message_fr: 'Aucune visite faite et non facturée sur cette période.' });

    // The database itself refuses a second live link, whatever the code does.
    const draft = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: prescription.patientId, prescriptionId: prescription.id });
    expect(() => t.ctx.db.prepare('INSERT INTO invoice_planned_visits (invoice_id, position, planned_visit_id) VALUES (?, 1, ?)').run(draft.id, view.visits[0]!.id)).toThrow(/UNIQUE/);

    const printed = await t.call('series/print-period', { invoiceIds: [first.invoices[0]!.invoice.id] });
    expect(printed.pending).toEqual([]);
    expect(printed.validated[0]!.status).toBe('validated');
    expect(printed.document).not.toBeNull();
    // A billed visit is frozen.
    expect(await t.fails('series/visit', { action: 'done', visitId: view.visits[0]!.id, practitionerId: practitioner.id, time: '09:00' })).toMatchObject({ code: 'conflict' });

    await t.call('invoices/cancel', { invoiceId: printed.validated[0]!.id, reason: 'Erreur de date' });
    const freed = await t.call('series/get', { id: view.series.id });
    expect(freed.visits.map((v) => v.invoiceId)).toEqual([null, null]);
    const again = await t.call('series/bill-period', period);
    expect(again.invoices[0]!.invoice.totalCents).toBe(first.invoices[0]!.invoice.totalCents);
    expect(await t.fails('series/bill-period', period)).toMatchObject({ code: 'not-found' });
    // Deleting the new draft frees them too.
    await t.call('invoices/delete-draft', { id: again.invoices[0]!.invoice.id });
    expect((await t.call('series/bill-period', period)).invoices).toHaveLength(1);
  });
});

describe('kiné: « séance n / total » from the series on every feuille', () => {
  it('numbers the séances of a 15-séance series across its feuilles', async () => {
    const { practitioner, prescription } = await setup({ profession: 'masseur-kinesitherapeute', prescription: { sessionsPrescribed: 15 } });
    const view = await t.call('series/create', {
      prescriptionId: prescription.id,
      practitionerId: practitioner.id,
      priorAgreementDate: '2026-05-03',
      place: 'cabinet',
      acts: [{ code: 'AMK', coefficient: 8.1 }],
      frequency: { kind: 'weekdays', days: [1, 3, 5] },
      times: ['10:00'],
      start: '2026-05-04',
      count: 15,
      includeHolidays: false,
    });
    expect(view.visits).toHaveLength(15);
    // Done up to today (26 May): 4, 6, 11, 13, 15, 18, 20, 22 May (8 and 25 May are holidays).
    const done = view.visits.filter((v) => v.date <= TODAY);
    expect(done.map((v) => v.date.slice(8))).toEqual(['04', '06', '11', '13', '15', '18', '20', '22']);
    for (const v of done) await t.call('series/visit', { action: 'done', visitId: v.id, practitionerId: practitioner.id, time: '10:00' });
    const numbers: string[] = [];
    for (const [from, to] of [['2026-05-04', '2026-05-10'], ['2026-05-11', '2026-05-17'], ['2026-05-18', '2026-05-24']] as const) {
      const bill = await t.call('series/bill-period', { practitionerId: practitioner.id, patientId: null, from, to });
      const printed = await t.call('series/print-period', { invoiceIds: bill.invoices.map((i) => i.invoice.id) });
      expect(printed.pending).toEqual([]);
      const s = text(join(t.dir, 'documents', printed.document!.fileName));
      numbers.push(...[...s.matchAll(/AMK 8,1\s+(\d+ \/ \d+)/g)].map((m) => m[1]!));
      // The accord préalable of the series is on every feuille (entente préalable box).
      expect(s).toMatch(/Demande d'entente préalable\s*:\s*du 03\/05\/2026/);
    }
    expect(numbers).toEqual(['1 / 15', '2 / 15', '3 / 15', '4 / 15', '5 / 15', '6 / 15', '7 / 15', '8 / 15']);
    expect((await t.call('series/get', { id: view.series.id })).progress).toMatchObject({ used: 8, prescribed: 15, billed: 8 });
  });
});

describe('kiné: the séance total stays the series\' when the draft changes prescription', () => {
  it('prints « n / 15 » (the series\' prescription) after the draft is moved to a 30-séance prescription', async () => {
    const { practitioner, patient, prescription } = await setup({ profession: 'masseur-kinesitherapeute', prescription: { sessionsPrescribed: 15 } });
    const prescriber = (await t.call('prescribers/list', {}))[0]!;
    const other = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-02', sessionsPrescribed: 30 });
    const view = await t.call('series/create', {
      prescriptionId: prescription.id,
      practitionerId: practitioner.id,
      place: 'cabinet',
      acts: [{ code: 'AMK', coefficient: 8.1 }],
      frequency: { kind: 'weekdays', days: [1, 3] },
      times: ['10:00'],
      start: '2026-05-04',
      count: 4,
    });
    for (const v of view.visits) await t.call('series/visit', { action: 'done', visitId: v.id, practitionerId: practitioner.id, time: '10:00' });
    const bill = await t.call('series/bill-period', { practitionerId: practitioner.id, patientId: patient.id, from: '2026-05-04', to: '2026-05-17' });
    const draft = bill.invoices[0]!.invoice;
    await t.call('invoices/set-prescription', { invoiceId: draft.id, prescriptionId: other.id });
    const printed = await t.call('series/print-period', { invoiceIds: [draft.id] });
    expect(printed.pending).toEqual([]);
    const s = text(join(t.dir, 'documents', printed.document!.fileName));
    expect([...s.matchAll(/AMK 8,1\s+(\d+ \/ \d+)/g)].map((m) => m[1]!)).toEqual(['1 / 15', '2 / 15', '3 / 15', '4 / 15']);
  });
});

describe('AME: formatted only over the dates the rights cover', () => {
  it('bills the covered dates as AME and the others plainly with the rights warning', async () => {
    const { practitioner, patient, prescription } = await setup({ nir: NIA_8 });
    // Rights end on 9 May: 4, 6 and 8 May are covered, 10 May is not.
    await addAmeCoverage(t, patient.id, '2025-05-10', '2026-05-09');
    const view = await t.call('series/create', { prescriptionId: prescription.id, practitionerId: practitioner.id, ...EVERY_OTHER_DAY, end: '2026-05-10', place: 'cabinet' });
    for (const v of view.visits) await t.call('series/visit', { action: 'done', visitId: v.id, practitionerId: practitioner.id, time: '08:00' });
    const bill = await t.call('series/bill-period', { practitionerId: practitioner.id, patientId: patient.id, from: '2026-05-04', to: '2026-05-10' });
    expect(bill.invoices.map((i) => [i.invoice.ame, i.invoice.lines.map((l) => l.actDate.slice(8)).join(','), i.warning_fr !== null])).toEqual([
      [true, '04,06,08,08', false],
      [false, '10,10', true],
    ]);
    expect(bill.invoices[0]!.invoice.lines.every((l) => l.qualificatif === 'N')).toBe(true);
    expect(bill.invoices[0]!.invoice.patientCents).toBe(0);
    expect(bill.invoices[1]!.warning_fr).toBe('Droits AME non ouverts le 10/05/2026 : feuille établie sans AME. Mettez à jour les droits (onglet Complémentaire) puis annulez et refaites la facture.');
    const printed = await t.call('series/print-period', { invoiceIds: bill.invoices.map((i) => i.invoice.id) });
    expect(printed.pending).toEqual([]);
    expect(printed.validated.map((i) => i.ame)).toEqual([true, false]);
  });
});
