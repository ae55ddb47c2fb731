import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { MethodInput, MethodName, MethodResult } from '../../core/api/contract.ts';
import { computeNirKey } from '../../core/domain/nir.ts';
import { isoToday, type App } from './harness.ts';
import { text } from '../pdf/pdf-tools.ts';
import { buildPractitionerInput } from '../helpers/test-backend.ts';

/** Sets up data through the real HTTP API (same bridge and token as the page) when the UI is not the point. */
export async function apiCall<M extends MethodName>(app: App, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const url = new URL(app.server.url);
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-feuillet-token': url.searchParams.get('token')! },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message_fr: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message_fr}`);
  return body.value as MethodResult<M>;
}

export const nirOf = (body: string): string => body + computeNirKey(body)!;

export async function seedPractitioner(app: App) {
  return apiCall(app, 'practitioners/create', buildPractitionerInput());
}

/**
 * A patient whose birth date and sex agree with the NIR (a contradiction is warned of at Imprimer): the sex of
 * its first digit, born on the 1st of its year and month; an NIA (7, 8) or an unknown month on 01/01/1980.
 */
export async function seedPatient(app: App, lastName: string, nir: string) {
  const sex = ['1', '3', '7'].includes(nir[0]!) ? 'M' : 'F';
  const month = Number(nir.slice(3, 5));
  const dated = !['7', '8'].includes(nir[0]!) && month >= 1 && month <= 12;
  const birthDate = dated ? `19${nir.slice(1, 3)}-${nir.slice(3, 5)}-01` : '1980-01-01';
  return apiCall(app, 'patients/create', { lastName, firstName: 'Test', birthDate, sex, nir, regime: '01', caisse: '751' });
}

/**
 * A validated AME invoice (AMI 1 + IFD yesterday = 5,90 €) for a new patient with AME rights on file,
 * set up through the API; `rights` adds the attestation's fields (code contrat, number).
 */
export async function validatedAmeInvoice(
  app: App,
  lastName: string,
  nirBody: string,
  rights: { contractCode?: string; attestationNumber?: string } = {},
) {
  const patient = await seedPatient(app, lastName, nirOf(nirBody));
  await apiCall(app, 'coverages/add', { patientId: patient.id, organismId: 1, startDate: isoToday(-60), endDate: isoToday(300), ...rights });
  const draft = await apiCall(app, 'invoices/create-draft', { practitionerId: 1, patientId: patient.id });
  await apiCall(app, 'invoices/update-draft', {
    invoiceId: draft.id,
    lines: [
      { actDate: isoToday(-1), code: 'AMI', coefficient: 1, quantity: 1 },
      { actDate: isoToday(-1), code: 'IFD', coefficient: 1, quantity: 1 },
    ],
  });
  await apiCall(app, 'invoices/set-ame', { invoiceId: draft.id, ame: true });
  const outcome = await apiCall(app, 'invoices/validate', { invoiceId: draft.id });
  if (outcome.kind !== 'validated') throw new Error(outcome.kind);
  return outcome.invoice;
}

/** Text (with its layout, as pdf-tools' text()) of one generated PDF of the data folder's documents/. */
export const pdfText = (app: App, fileName: string): string => text(join(app.dataDir, 'documents', fileName));

/** Text of the newest invoice PDF (facture-<practitioner>-<number>…) in the data folder's documents/. */
export function latestPdfText(app: App): string {
  const files = readdirSync(join(app.dataDir, 'documents')).filter((f) => /^facture-.*\.pdf$/.test(f)).sort();
  return pdfText(app, files.at(-1)!);
}

/** The preview Imprimer opens first on a draft (issue #9, item 9). */
export const printPreview = (page: Page) => page.getByRole('dialog', { name: 'Aperçu avant impression' });

/** The preview is there; its « Imprimer » goes on to the rest of the flow. */
export async function confirmPrintPreview(page: Page): Promise<void> {
  const preview = printPreview(page);
  await preview.getByRole('button', { name: 'Imprimer', exact: true }).click();
  await preview.waitFor({ state: 'detached' });
}

/**
 * Imprimer on a draft as the desk does: the screen's button (unless the caller already pressed it, by Alt+I or the
 * menu: `pressed`), the preview confirmed, then — without a prescription — « Imprimer sans prescription ».
 * What follows (AME prompt, rights or checks warnings, « Facture n° … validée ») is the caller's.
 */
export async function imprimer(page: Page, opts: { withoutPrescription?: boolean; pressed?: boolean } = {}): Promise<void> {
  if (!opts.pressed) await page.getByRole('button', { name: 'Imprimer', exact: true }).click();
  await confirmPrintPreview(page);
  if (opts.withoutPrescription ?? true) {
    await page.getByRole('alertdialog', { name: 'Facture sans prescription' }).getByRole('button', { name: 'Imprimer sans prescription' }).click();
  }
}
