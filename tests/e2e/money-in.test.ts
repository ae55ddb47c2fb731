/**
 * Issue #16 in Chromium: a bank statement imported (its account asked, the CSV naming none), the CPAM credit matched to the AME bordereau and confirmed
 * with the keyboard, the bordereau's invoices « réglées »; the Tableau de bord's charts at 1366×768 under the
 * app's strict CSP (no violation reported).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { frDate, isoToday, openApp, openMenu, screenshot, type App } from './harness.ts';
import { apiCall, seedPractitioner, validatedAmeInvoice } from './helpers-billing.ts';

let app: App;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedPractitioner(app);
});
afterAll(async () => {
  await app?.close();
});

describe('Encaissements and Tableau de bord through the real UI', () => {
  it('imports a statement, confirms the suggestion with the keyboard, and the bordereau is paid', async () => {
    const invoices = [];
    for (const [name, nir] of [['Keïta', '8850599100001'], ['Traoré', '8850599100002'], ['Diallo', '8850599100003']] as const) invoices.push(await validatedAmeInvoice(app, name, nir));
    const { bordereau } = await apiCall(app, 'bordereaux/create', { practitionerId: 1, invoiceIds: invoices.map((i) => i.id), sentOn: isoToday() });
    expect(bordereau.expectedCents).toBe(1770); // 3 × (AMI 1 + IFD) = 3 × 5,90 €

    const dir = mkdtempSync(join(tmpdir(), 'feuillet-releve-'));
    const file = join(dir, 'releve-novembre.csv');
    writeFileSync(file, `Date;Libellé;Débit euros;Crédit euros\r\n${frDate(isoToday())};VIR CPAM PARIS 751 BORD 1 AME;;17,70\r\n${frDate(isoToday())};VIR DE M. DUPONT;;12,00\r\n`);

    await page.reload();
    await openMenu(page, 'Encaissements');
    await page.getByRole('heading', { name: 'Encaissements' }).waitFor();
    await page.getByLabel('Relevé bancaire (CSV, OFX ou CAMT.053)').setInputFiles(file);
    await page.getByRole('button', { name: 'Importer le relevé' }).click();
    // The file does not name its account: the « Compte » field is asked, focused, nothing imported yet.
    const account = page.getByLabel('Compte', { exact: true });
    await account.waitFor();
    await page.getByText(/Ce fichier CSV ne dit pas de quel compte il vient/).waitFor();
    await expect.poll(() => account.evaluate((el: { matches(selector: string): boolean }) => el.matches(':focus'))).toBe(true);
    await page.keyboard.type('Compte pro');
    await screenshot(page, '59-encaissements-compte-demande');
    await page.keyboard.press('Enter');
    await page.getByText('2 crédits importés.').waitFor();
    const table = page.getByRole('table', { name: 'Crédits à pointer' });
    await table.getByText(/Bordereau n° 1/).waitFor();
    await screenshot(page, '60-encaissements-releve');

    // Keyboard only: the first credit has the focus; ↓ to the CPAM credit, Entrée confirms its suggestion.
    const focusedLabel = async () => (await page.evaluate<string | null>("document.activeElement && document.activeElement.getAttribute('aria-label')")) ?? '';
    await expect.poll(focusedLabel).toMatch(/^Crédit du/);
    if (!(await focusedLabel()).includes('17,70')) await page.keyboard.press('ArrowDown');
    await expect.poll(focusedLabel).toMatch(/17,70/);
    await page.keyboard.press('Enter');
    await page.getByText(/17,70\s€ pointé sur le bordereau n° 1\. Virement de 17,70\s€ réparti sur 3 factures\./).waitFor();
    expect(await table.getByRole('row').count()).toBe(2); // header + the credit that matches nothing
    await screenshot(page, '61-encaissements-pointe');

    await openMenu(page, 'Suivi');
    await page.getByRole('tab', { name: 'Bordereaux' }).click();
    await page.getByRole('table', { name: 'Bordereaux' }).getByRole('row').nth(1).click();
    const rows = page.getByRole('table', { name: 'Factures du bordereau' }).getByRole('row');
    await rows.nth(3).waitFor();
    for (let i = 1; i <= 3; i++) await rows.nth(i).getByText('Réglée').waitFor();
    await page.getByRole('heading', { name: /Bordereau n° 1/ }).getByText('Payé', { exact: true }).waitFor();
    await screenshot(page, '62-bordereau-regle');

    await openMenu(page, 'Encaissements');
    await page.getByRole('tab', { name: 'Paiements reçus' }).click();
    await page.getByRole('table', { name: 'Paiements reçus' }).getByRole('row', { name: /VIR CPAM PARIS 751/ }).waitFor();
    await screenshot(page, '63-paiements-recus');
  });

  it('draws the Tableau de bord charts under the strict CSP and exports them to CSV', async () => {
    await openMenu(page, 'Tableau de bord');
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    for (const title of ['Recettes par mois', 'Attendu et reçu, par mois de facturation', 'Impayés par ancienneté et par payeur', 'AME et autres factures (12 derniers mois)']) {
      await page.getByRole('figure', { name: title }).locator('svg.recharts-surface').first().waitFor();
    }
    await page.getByText('Attendu des caisses (tiers payant)').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('figure', { name: 'Recettes par mois' }).getByRole('button', { name: 'Exporter en CSV' }).click();
    const csv = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(csv, 'utf8')).toMatch(/Mois;Caisse \(AMO\) \(€\);AME \/ complémentaire \(AMC\) \(€\);Patient \(€\);Total \(€\)/);
    expect(readFileSync(csv, 'utf8')).toContain(';0,00;17,70;0,00;17,70');
    await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'test-results', 'screenshots', '64-tableau-de-bord-1366x768.png') });
    await screenshot(page, '65-tableau-de-bord-page');
    expect(cspViolations).toEqual([]);
  });
});
