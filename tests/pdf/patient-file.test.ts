/**
 * A patient's whole file on request (RGPD right of access): the PDF for the patient, rendered and read
 * back; the JSON for another software, checked against a zod schema of its format.
 */
import { join } from 'node:path';
import * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPng, text } from './pdf-tools.ts';
import { buildPractitionerInput, makeTestBackend, nirOf, validatedInvoice, type TestBackend } from '../helpers/test-backend.ts';

let t: TestBackend;
beforeAll(() => {
  t = makeTestBackend();
});
afterAll(() => t.dispose());

const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const cents = z.number().int();
/** The JSON format a receiving software can rely on (version 1). */
const PatientFileJson = z.object({
  format: z.literal('feuillet/dossier-patient'),
  version: z.literal(1),
  exportedAt: timestamp,
  patient: z.object({
    id: z.number().int(),
    lastName: z.string().min(1),
    usageName: z.string().nullable(),
    firstName: z.string().min(1),
    birthDate: iso,
    sex: z.enum(['F', 'M']),
    nir: z.string().regex(/^[1-8]\d{4}(\d{2}|2A|2B)\d{8}$/),
    birthRank: z.number().int(),
    quality: z.enum(['assure', 'ayant_droit']),
    archived: z.boolean(),
  }).passthrough(),
  coverages: z.array(z.object({ organism: z.object({ number: z.string(), name: z.string(), isAme: z.boolean() }).passthrough(), startDate: iso, endDate: iso, attestationNumber: z.string().nullable() }).passthrough()),
  prescriptions: z.array(z.object({ prescriptionDate: iso, ame: z.boolean(), prescriber: z.object({ lastName: z.string(), firstName: z.string() }).passthrough() }).passthrough()),
  invoices: z.array(
    z.object({
      id: z.number().int(),
      number: z.number().int().nullable(),
      status: z.enum(['draft', 'validated', 'cancelled']),
      ame: z.boolean(),
      totalCents: cents,
      payments: z.array(z.object({ receivedOn: iso, amountCents: cents, mode: z.enum(['virement', 'cheque', 'especes']), payer: z.enum(['amo', 'amc', 'patient']), cancelledAt: timestamp.nullable() }).passthrough()),
    }).passthrough(),
  ),
});

describe('a patient’s whole file', () => {
  it('as a PDF (identity, rights, prescriptions, invoices, payments) and a JSON matching its schema', async () => {
    const practitionerId = (await t.call('practitioners/create', buildPractitionerInput())).id;
    const invoice = await validatedInvoice(t, practitionerId, {
      ame: true,
      patient: { nir: nirOf('8850599000123'), lastName: 'Ben Saïd-Lefèvre', firstName: 'Zoé' },
      lines: [
        { actDate: '2026-11-02', code: 'AMI', coefficient: 1, quantity: 1 },
        { actDate: '2026-11-20', code: 'AMI', coefficient: 4.1, quantity: 1 },
      ],
    });
    const patientId = invoice.patientId;
    const ame = (await t.call('organisms/list', {})).find((o) => o.isAme)!;
    await t.call('coverages/add', { patientId, organismId: ame.id, startDate: '2026-03-01', endDate: '2027-02-28', attestationNumber: 'AME-2026-0042' });
    await t.call('payments/add', { invoiceId: invoice.id, receivedOn: '2026-11-25', amountCents: 300, mode: 'virement', payer: 'amc' });

    const { json, document } = await t.call('patients/export-file', { id: patientId });
    const parsed = PatientFileJson.parse(JSON.parse(json));
    expect(parsed.patient).toMatchObject({ lastName: 'Ben Saïd-Lefèvre', firstName: 'Zoé', nir: nirOf('8850599000123') });
    expect(parsed.invoices).toHaveLength(1);
    expect(parsed.invoices[0]!.payments).toEqual([expect.objectContaining({ amountCents: 300, payer: 'amc', receivedOn: '2026-11-25' })]);
    expect(parsed.coverages.some((c) => c.attestationNumber === 'AME-2026-0042')).toBe(true);

    const file = join(t.dir, 'documents', document.fileName);
    renderPng(file, 'dossier-patient');
    const s = text(file);
    for (const expected of ['Dossier patient', 'Ben Saïd-Lefèvre', 'Identité', 'Droits (couvertures)', 'AME-2026-0042', 'Prescriptions', 'Factures et paiements', 'reçu le 25/11/2026', '3,00 €']) {
      expect(s).toContain(expected);
    }
    expect((await t.fails('patients/export-file', { id: 99999 })).code).toBe('not-found');
  });
});
