import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openMenu, screenshot, type App } from './harness.ts';
import { pdfText, seedPractitioner, validatedAmeInvoice } from './helpers-billing.ts';

let app: App;
let page: Page;

const nav = (name: string) => openMenu(page, name);

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  await seedPractitioner(app);
});
afterAll(async () => {
  await app?.close();
});

describe('follow-up through the real UI: bordereau, payment, rejection', () => {
  it('sends the invoices of a caisse in a printed bordereau', async () => {
    await validatedAmeInvoice(app, 'Keïta', '8850599100001');
    await validatedAmeInvoice(app, 'Traoré', '7910299100002');
    await page.reload();
    await nav('Suivi');
    await page.getByRole('heading', { name: 'Suivi des envois et paiements' }).waitFor();
    const group = page.getByRole('table', { name: 'Factures à envoyer — Régime 01 — caisse 751' });
    await group.getByRole('row', { name: /Traoré/ }).waitFor();
    expect(await group.getByRole('row').count()).toBe(3);
    await screenshot(page, '30-suivi-a-envoyer');
    await page.getByRole('button', { name: 'Créer le bordereau — caisse 751' }).click();
    await page.getByText(/Bordereau n° 1 créé \(2 factures, 11,80\s€ à recevoir\)/).waitFor();
    const pdf = pdfText(app, 'bordereau-1-00001.pdf');
    expect(pdf).toContain('Bordereau n° 1');
    expect(pdf).toMatch(/KEÏTA|Keïta/);
    expect(pdf).toMatch(/À payer par la caisse \(tiers payant\)\s+11,80\s€/);
    await expect.poll(() => app.openedUrls.at(-1)).toMatch(/\/documents\/bordereau-1-00001\.pdf\?token=/);
    await page.getByText('Aucune facture à envoyer').waitFor();
  });

  it('records a partial payment, refuses too much, then a rejection on the other invoice', async () => {
    await page.getByRole('tab', { name: 'En attente de paiement' }).click();
    const waiting = page.getByRole('table', { name: 'Factures en attente de paiement' });
    await waiting.getByRole('row', { name: /Keïta/ }).click();
    await page.getByRole('tab', { name: 'Suivi', selected: true }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer un paiement' }).click();
    const dialog = page.getByRole('dialog', { name: /Paiement reçu — facture n° 1/ });
    expect(await dialog.getByLabel('Montant reçu (€)').inputValue()).toBe('5,90');
    await dialog.getByLabel('Montant reçu (€)').fill('douze');
    await dialog.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await dialog.getByText('Montant reçu invalide : écrivez-le en euros, par exemple 10,63.').waitFor();
    await dialog.getByLabel('Montant reçu (€)').fill('9,00');
    await dialog.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await dialog.getByText(/dépasse ce qui reste à recevoir sur cette facture \(5,90\s€\)/).waitFor();
    await dialog.getByLabel('Montant reçu (€)').fill('3,00');
    await dialog.getByLabel('Référence').fill('VIR CPAM 75');
    await screenshot(page, '31-paiement');
    await dialog.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await page.getByText('Paiement enregistré.').waitFor();
    await page.getByText('Payée en partie').first().waitFor();
    await page.getByRole('table', { name: 'Paiements reçus' }).getByRole('row', { name: /VIR CPAM 75/ }).waitFor();
    await screenshot(page, '32-facture-suivi');

    await nav('Suivi');
    await page.getByRole('tab', { name: 'En attente de paiement' }).click();
    await page.getByRole('table', { name: 'Factures en attente de paiement' }).getByRole('row', { name: /Traoré/ }).click();
    await page.getByRole('button', { name: 'Signaler un rejet' }).click();
    const rejection = page.getByRole('dialog', { name: /Rejet de la facture n° 2/ });
    await rejection.getByRole('button', { name: 'Enregistrer le rejet' }).click();
    await rejection.getByText('Le motif du rejet est obligatoire.').waitFor();
    await rejection.getByLabel('Motif du rejet').fill('Droits AME non ouverts');
    await rejection.getByRole('button', { name: 'Enregistrer le rejet' }).click();
    await page.getByText('Rejet enregistré.').waitFor();
    await page.getByRole('table', { name: 'Rejets' }).getByText('Droits AME non ouverts').waitFor();
  });

  it('shows the totals and refuses to cancel a bordereau the caisse already answered', async () => {
    await nav('Suivi');
    const cards = page.getByRole('definition');
    await page.getByRole('tab', { name: /Rejetées/ }).click();
    await page.getByRole('table', { name: 'Factures rejetées' }).getByRole('row', { name: /Traoré/ }).waitFor();
    expect(await cards.allTextContents()).toEqual(['0 facture — 0,00\u00a0€', '1 facture — 2,90\u00a0€', '0', '1']);
    await screenshot(page, '33-suivi-rejetees');
    await page.getByRole('tab', { name: 'Bordereaux' }).click();
    await page.getByRole('table', { name: 'Bordereaux' }).getByRole('row', { name: /Régime 01 — caisse 751/ }).click();
    await page.getByRole('heading', { name: /Bordereau n° 1/ }).waitFor();
    await screenshot(page, '34-bordereau');
    await page.getByRole('button', { name: 'Annuler le bordereau' }).click();
    const dialog = page.getByRole('dialog', { name: 'Annuler le bordereau n° 1' });
    await dialog.getByLabel("Motif d'annulation").fill('Erreur');
    await dialog.getByRole('button', { name: 'Annuler le bordereau' }).click();
    await dialog.getByText(/La caisse a déjà répondu pour la facture n° \d/).waitFor();
  });

  it("shows this month's recettes and exports them for the accountant", async () => {
    await page.keyboard.press('Escape'); // the refused cancellation's dialog is still open
    await nav('Suivi');
    await page.getByRole('tab', { name: 'Recettes' }).click();
    const table = page.getByRole('table', { name: 'Recettes' });
    await table.getByRole('row', { name: /VIR CPAM 75/ }).waitFor();
    await page.getByText(/1 paiement reçu du \d{2}\/\d{2}\/\d{4} au \d{2}\/\d{2}\/\d{4} : 3,00\s€/).waitFor();
    await screenshot(page, '35-recettes');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter pour le comptable (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^recettes-claire-martin-\d{4}-\d{2}-01-au-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Date;Praticien;N° facture;Patient;AME;Payeur;Mode;Référence;Montant (€)');
    expect(csv).toMatch(/;Claire Martin;1;Keïta Test;oui;Complémentaire \/ AME \(AMC\);Virement;VIR CPAM 75;3,00\r\n/);
    expect(csv).toContain('Total;;;;;;;;3,00');
  });

  it('shows in the invoice list where each invoice stands', async () => {
    await nav('Factures');
    const table = page.getByRole('table', { name: 'Factures' });
    await table.getByRole('row', { name: /Keïta.*Payée en partie/ }).waitFor();
    await table.getByRole('row', { name: /Traoré.*Rejetée/ }).waitFor();
    await screenshot(page, '36-factures-suivi');
  });
});
