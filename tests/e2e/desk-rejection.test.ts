/** Issue #9, item 6: after a rejection is withdrawn, no screen shows the invoice « Rejetée » any more. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isoToday, openApp, openMenu, type App } from './harness.ts';
import { apiCall, nirOf, seedPatient, seedPractitioner } from './helpers-billing.ts';

let app: App;
let page: Page;
beforeAll(async () => {
  app = await openApp();
  page = app.page;
});
afterAll(async () => {
  await app?.close();
});

describe('a withdrawn rejection', () => {
  it('puts the invoice back « Envoyée » on its Suivi tab, in Factures and in Suivi', async () => {
    const practitioner = await seedPractitioner(app);
    const patient = await seedPatient(app, 'Bah', nirOf('1850599123456'));
    const draft = await apiCall(app, 'invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id });
    await apiCall(app, 'invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: isoToday(-1), code: 'AMI', coefficient: 1, quantity: 1 }], tiersPayantAmo: true });
    await apiCall(app, 'invoices/validate', { invoiceId: draft.id });
    await apiCall(app, 'bordereaux/create', { practitionerId: practitioner.id, invoiceIds: [draft.id], sentOn: isoToday() });
    await apiCall(app, 'rejections/add', { invoiceId: draft.id, rejectedOn: isoToday(), reason: 'Prescription manquante' });

    await openMenu(page, 'Suivi');
    await page.getByRole('tab', { name: /Rejetées/ }).click();
    await page.getByRole('table', { name: 'Factures rejetées' }).getByRole('row', { name: /Bah/ }).click();
    await page.getByRole('button', { name: 'Retirer le rejet' }).click();
    await page.getByText('Rejet retiré.').waitFor();
    await page.getByText('Envoyée, en attente').first().waitFor();
    expect(await page.getByText('Rejetée', { exact: true }).count()).toBe(0);

    await openMenu(page, 'Factures');
    await page.getByRole('table', { name: 'Factures' }).getByRole('row', { name: /Bah.*Envoyée/ }).waitFor();
    expect(await page.getByRole('table', { name: 'Factures' }).getByText('Rejetée', { exact: true }).count()).toBe(0);
    await openMenu(page, 'Suivi');
    await page.getByRole('tab', { name: /Rejetées/ }).click();
    await page.getByText('Aucune facture rejetée.').waitFor();
  });
});
