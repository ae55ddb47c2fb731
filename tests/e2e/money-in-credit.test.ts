/**
 * « Répartir le crédit » in Chromium, keyboard only: a CPAM transfer that paid one AME invoice with 20,00 € too
 * much shows on the Tableau de bord as « Trop-perçus non répartis »; from there the desk opens the payments
 * with a credit, spreads it onto two invoices validated later, and the credit left and the dashboard follow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isoToday, openApp, openMenu, screenshot, type App } from './harness.ts';
import { apiCall, seedPractitioner, validatedAmeInvoice } from './helpers-billing.ts';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedPractitioner(app);
});
afterAll(async () => {
  await app?.close();
});

describe('Répartir le crédit through the real UI', () => {
  it('spreads a transfer’s credit onto invoices validated later, with the keyboard', async () => {
    const first = await validatedAmeInvoice(app, 'Keïta', '8850599100001'); // 5,90 € (AMI 1 + IFD)
    await apiCall(app, 'transfers/record', { practitionerId: 1, receivedOn: isoToday(), amountCents: 590 + 2000, reference: 'VIR CPAM PARIS 751', target: { invoiceIds: [first.id] } });
    const later = [await validatedAmeInvoice(app, 'Traoré', '8850599100002'), await validatedAmeInvoice(app, 'Diallo', '8850599100003')];

    await page.reload();
    await openMenu(page, 'Tableau de bord');
    const card = page.locator('dl[aria-label="Résumé"]');
    await card.getByText('20,00\u00a0€').waitFor();
    await screenshot(page, '66-tableau-de-bord-credit');
    const fromDashboard = page.getByRole('button', { name: 'Répartir le crédit…' });
    await fromDashboard.focus();
    await page.keyboard.press('Enter');

    // The payments with a credit left, the filter already on.
    const table = page.getByRole('table', { name: 'Paiements reçus' });
    await table.waitFor();
    expect(await page.getByLabel('Seulement les crédits non répartis').isChecked()).toBe(true);
    const row = table.getByRole('row', { name: /VIR CPAM PARIS 751/ });
    await row.getByText('20,00\u00a0€').waitFor();
    await row.getByRole('button', { name: 'Répartir le crédit…' }).focus();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'Répartir le crédit' });
    await dialog.getByText(/Crédit restant sur le paiement du .* : 20,00\s€/).waitFor();
    for (const inv of later) {
      const box = dialog.getByRole('checkbox', { name: new RegExp(`n° ${inv.number}\\b`) });
      await box.focus();
      await page.keyboard.press('Space');
      expect(await box.isChecked()).toBe(true);
    }
    await dialog.getByText('Reste non réparti : 8,20\u00a0€ (gardé en crédit).').waitFor();
    await screenshot(page, '67-repartir-credit-dialogue');
    await dialog.getByRole('button', { name: 'Enregistrer' }).focus();
    await page.keyboard.press('Enter');

    await page.getByText('Crédit de 11,80\u00a0€ réparti sur 2 factures. Reste en crédit : 8,20\u00a0€.').waitFor();
    await row.getByText('8,20\u00a0€').waitFor();
    await screenshot(page, '68-repartir-credit-fait');

    await openMenu(page, 'Tableau de bord');
    await page.locator('dl[aria-label="Résumé"]').getByText('8,20\u00a0€').waitFor();
    const f = await apiCall(app, 'dashboard/figures', { practitionerId: 1 });
    expect(f.creditCents).toBe(820);
    expect(f.unpaidTiersPayantCents).toBe(0);

    // The livre des recettes holds the whole transfer on its day: what it paid, and the 8,20 € still kept as credit.
    await openMenu(page, 'Suivi');
    await page.getByRole('tab', { name: 'Recettes' }).click();
    const recettes = page.getByRole('table', { name: 'Recettes' });
    await recettes.getByRole('row', { name: /Trop-perçu non réparti.*8,20\s€/ }).waitFor();
    await page.getByText(/4 paiements reçus du .* : 25,90\s€/).waitFor();
    await screenshot(page, '69-recettes-credit');
  });
});
