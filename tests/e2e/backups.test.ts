import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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

  it('exports an encrypted copy with a passphrase; a wrong passphrase is refused; a hand-made file dated 2099 is reported', async () => {
    await openMenu(page, 'Réglages');
    writeFileSync(join(app.dataDir, 'sauvegardes', 'feuillet-2099-01-01-000000.sqlite'), 'posé à la main');
    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await page.getByText(/^Sauvegarde faite et vérifiée/).waitFor();
    await page.getByText(/feuillet-2099-01-01-000000\.sqlite : daté du 01\/01\/2099, dans le futur : date non fiable/).waitFor();
    const newest = page.getByRole('table', { name: 'Sauvegardes' }).getByRole('row').nth(2);
    await newest.getByRole('button', { name: /^Exporter une copie chiffrée/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter une copie chiffrée' });
    await dialog.getByLabel('Phrase de passe', { exact: true }).fill('cheval correct batterie agrafe');
    await dialog.getByLabel('Phrase de passe (confirmation)').fill('cheval correct batterie agrafX');
    await dialog.getByRole('button', { name: 'Chiffrer la copie' }).click();
    await dialog.getByText('Les deux phrases de passe ne sont pas identiques.').waitFor();
    await screenshot(page, '42-copie-chiffree-dialogue');
    await dialog.getByLabel('Phrase de passe (confirmation)').fill('cheval correct batterie agrafe');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Chiffrer la copie' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^feuillet-.*\.sqlite\.age$/);
    await page.getByText(/^Copie chiffrée faite : feuillet-.*\.sqlite\.age\./).waitFor();
    await screenshot(page, '43-sauvegardes-copies-chiffrees');

    await page.getByRole('table', { name: 'Copies chiffrées' }).getByRole('button', { name: /^Restaurer la copie chiffrée/ }).click();
    const restore = page.getByRole('alertdialog', { name: 'Restaurer une copie chiffrée' });
    await restore.getByLabel('Phrase de passe').fill('une autre phrase de passe');
    await restore.getByRole('button', { name: 'Restaurer au prochain démarrage' }).click();
    await restore.getByText('Phrase de passe incorrecte : la copie chiffrée n’a pas pu être ouverte. Rien n’a été changé.').waitFor();
    await screenshot(page, '44-copie-chiffree-mauvaise-phrase');
    await restore.getByRole('button', { name: 'Retour' }).click();
  }, 60_000);

  it('a restore that cannot open at the next start: the previous data stay and the screen says so', async () => {
    await openMenu(page, 'Réglages');
    await page.getByRole('table', { name: 'Sauvegardes' }).getByRole('row').nth(2).getByRole('button', { name: /^Restaurer la sauvegarde/ }).click();
    await page.getByRole('alertdialog', { name: 'Restaurer une sauvegarde' }).getByRole('button', { name: 'Restaurer au prochain démarrage' }).click();
    await page.getByText(/^Restauration prête/).waitFor();
    // Between the request and the next start, the staged copy turns into a file this version cannot open.
    const staged = new Database(join(app.dataDir, 'restauration-en-attente.sqlite'));
    staged.pragma('user_version = 999');
    staged.close();
    await app.restart();
    await openMenu(page, 'Réglages');
    await page.getByText(/n'a pas pu se faire le .* \(la sauvegarde restaurée n'a pas pu s'ouvrir .* la base précédente a été remise en place\) : vos données sont restées telles quelles\./).waitFor();
    await screenshot(page, '45-restauration-echouee');
    await openMenu(page, 'Patients');
    await page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: /Sangaré/i }).waitFor();
  }, 60_000);
});
