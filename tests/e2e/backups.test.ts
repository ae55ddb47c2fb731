import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openMenu, screenshot, type App } from './harness.ts';
import { nirOf, seedPatient, seedPractitioner } from './helpers-billing.ts';

let app: App;
let page: Page;
beforeAll(async () => {
  app = await openApp();
  page = app.page;
  // An empty data folder opens on the first-run setup: this practice has its practitioner.
  await seedPractitioner(app);
});
afterAll(async () => {
  await app?.close();
});

const backupRows = () => page.getByRole('table', { name: 'Sauvegardes' }).getByRole('row');

describe('backups through the real UI', () => {
  it('backs up on demand, downloads a copy, restores it at the next start', async () => {
    await seedPatient(app, 'Sangaré', nirOf('8850599200001'));
    await openMenu(page, 'Réglages');
    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await page.getByText('Sauvegarde faite et vérifiée : 1 patient, 0 facture.').waitFor();
    // The daily backup made at start-up (no patient yet) and this one.
    await expect.poll(() => backupRows().count()).toBe(3);
    await screenshot(page, '40-sauvegardes');

    const [download] = await Promise.all([page.waitForEvent('download'), backupRows().nth(1).getByRole('button', { name: /^Télécharger/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^feuillet-\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?\.sqlite$/);

    await seedPatient(app, 'Coulibaly', nirOf('7910299200002'));
    await backupRows().nth(1).getByRole('button', { name: /^Restaurer/ }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Restaurer une sauvegarde' });
    await dialog.getByRole('button', { name: 'Restaurer au prochain démarrage' }).click();
    await page.getByText('Restauration prête : 1 patient, 0 facture.').waitFor();
    await page.getByText(/Restauration demandée : la sauvegarde du .* remplacera vos données au prochain démarrage\. Arrêtez Feuillet/).waitFor();
    await screenshot(page, '41-restauration-demandee');

    await app.restart();
    await openMenu(page, 'Patients');
    await page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: /Sangaré/i }).waitFor();
    expect(await page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: /Coulibaly/i }).count()).toBe(0);
    await openMenu(page, 'Réglages');
    await page.getByRole('table', { name: 'Sauvegardes' }).getByText('avant restauration').waitFor();
    await page.getByText(/^Dernière restauration : feuillet-/).waitFor();
  });
});
