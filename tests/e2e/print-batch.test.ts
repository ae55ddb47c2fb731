import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { isoToday, openApp, openMenu, screenshot, type App } from './harness.ts';
import { apiCall, nirOf, pdfText, seedPatient, seedPractitioner } from './helpers-billing.ts';
import { pages } from '../pdf/pdf-tools.ts';

let app: App;
let page: Page;

/** A validated AME invoice (AMI 1 + IFD yesterday) for a new patient, set up through the API. */
async function validatedAmeInvoice(lastName: string, nirBody: string) {
  const patient = await seedPatient(app, lastName, nirOf(nirBody));
  await apiCall(app, 'coverages/add', { patientId: patient.id, organismId: 1, startDate: isoToday(-60), endDate: isoToday(300), contractCode: '05', attestationNumber: `ATT-${lastName}` });
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

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  await seedPractitioner(app);
});
afterAll(async () => {
  await app?.close();
});

describe('batch printing through the real UI', () => {
  it('prints the 3 feuilles of a bordereau in one PDF, each with its own number', async () => {
    const invoices = [
      await validatedAmeInvoice('Keïta', '8850599100011'),
      await validatedAmeInvoice('Traoré', '7910299100012'),
      await validatedAmeInvoice('Camara', '8850599100013'),
    ];
    await apiCall(app, 'bordereaux/create', { practitionerId: 1, invoiceIds: invoices.map((i) => i.id), sentOn: isoToday() });
    await page.reload();
    await openMenu(page, 'Suivi');
    await page.getByRole('tab', { name: 'Bordereaux' }).click();
    await page.getByRole('table', { name: 'Bordereaux' }).getByRole('row', { name: /Régime 01/ }).first().click();
    await page.getByRole('heading', { name: /Bordereau n° 1/ }).waitFor();
    await page.getByRole('button', { name: 'Imprimer les feuilles' }).click();
    await page.getByText('3 feuilles de soins dans un seul document.').waitFor();
    await screenshot(page, '40-bordereau-imprimer-les-feuilles');
    await expect.poll(() => app.openedUrls.at(-1)).toMatch(/\/documents\/feuilles-bordereau-1-00001\.pdf\?token=/);

    const text = pdfText(app, 'feuilles-bordereau-1-00001.pdf');
    expect(pages(join(app.dataDir, 'documents', 'feuilles-bordereau-1-00001.pdf'))).toBe(3);
    for (const i of invoices) expect(text).toContain(`Facture n° ${i.number}`);
    expect(new Set([...text.matchAll(/Facture n° (\d+)/g)].map((m) => m[1]))).toEqual(new Set(['1', '2', '3']));
    for (const name of ['KEÏTA', 'TRAORÉ', 'CAMARA']) expect(text).toContain(name);
    expect(text).toContain('n° ATT-Camara — code contrat 05');
    // Printed once at validation: the batch is a reprint.
    expect(text.match(/DUPLICATA/g)).toHaveLength(3);
  });

  it('prints the day’s validated invoices from Factures, and says so when there are none', async () => {
    await openMenu(page, 'Factures');
    const panel = page.getByRole('form', { name: 'Feuilles du jour' });
    await panel.getByRole('button', { name: 'Imprimer les feuilles du jour' }).click();
    await panel.getByText(/3 feuilles de soins du \d{2}\/\d{2}\/\d{4} dans un seul document\./).waitFor();
    await screenshot(page, '41-factures-feuilles-du-jour');
    await panel.getByLabel('Jour de validation').fill('01/01/2020');
    await panel.getByRole('button', { name: 'Imprimer les feuilles du jour' }).click();
    await panel.getByText('Aucune facture validée ce jour-là : rien à imprimer.').waitFor();
  });
});
