import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientListCsv } from '../helpers/patient-list.ts';
import { openApp, openMenu, screenshot, type App } from './harness.ts';
import { seedPractitioner } from './helpers-billing.ts';

let app: App;
let page: Page;
beforeAll(async () => {
  app = await openApp();
  page = app.page;
  await seedPractitioner(app);
});
afterAll(async () => {
  await app?.close();
});

describe('importing a patient list through the real UI', () => {
  it('maps the columns, previews the first rows, imports, reports the refused rows; the mapping is remembered', async () => {
    const list = patientListCsv(40, { badKeysAt: [3, 17] });
    const file = join(app.dataDir, 'export-ancien-logiciel.csv');
    writeFileSync(file, list.csv);
    await openMenu(page, 'Patients');
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByRole('heading', { name: 'Importer une liste de patients' }).waitFor();
    await page.getByLabel('Fichier de patients (CSV ou Excel)').setInputFiles(file);
    await page.getByRole('heading', { name: 'Correspondance des colonnes' }).waitFor();
    // Guessed from the headers: « N° SS » is the NIR, « Né(e) le » the birth date.
    expect(await page.getByLabel('NIR / NIA').inputValue()).toBe('0');
    expect(await page.getByLabel('Date de naissance').inputValue()).toBe('3');
    await page.getByLabel('Téléphone').selectOption({ label: '— Ne pas importer —' });
    await page.getByRole('table', { name: "Aperçu de l'import" }).getByRole('row').nth(5).waitFor();
    expect(await page.getByRole('table', { name: "Aperçu de l'import" }).getByRole('columnheader').allTextContents()).not.toContain('Téléphone');
    await screenshot(page, '50-import-correspondance');

    await page.getByRole('button', { name: 'Importer 40 lignes' }).click();
    await page.getByText(`38 patients importés, dont ${list.ameRows} avec leurs droits AME. 2 lignes refusées : voir ci-dessous.`, { exact: true }).waitFor();
    const refused = page.getByRole('table', { name: 'Lignes refusées' });
    expect(await refused.getByRole('row').count()).toBe(3);
    await refused.getByText(/La clé \(\d+\) ne correspond pas au numéro/).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le rapport des lignes refusées' }).click()]);
    expect(download.suggestedFilename()).toBe('import-patients-lignes-refusees.csv');
    await screenshot(page, '51-import-lignes-refusees');

    // The same layout again: the mapping chosen is offered back, and the rows are now all duplicates.
    await page.getByLabel('Fichier de patients (CSV ou Excel)').setInputFiles(file);
    await page.getByText("Correspondance reprise de votre dernier import d'un fichier ayant les mêmes colonnes.").waitFor();
    expect(await page.getByLabel('Téléphone').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Importer 40 lignes' }).click();
    await page.getByText(/^0 patient importé\. 40 lignes refusées/).waitFor();
    await openMenu(page, 'Patients');
    await page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: /Importaaa/i }).click();
    // The patient's whole file on request: the JSON is saved (the PDF opens beside it).
    const names: string[] = [];
    page.on('download', (d) => names.push(d.suggestedFilename()));
    await page.getByRole('button', { name: 'Dossier complet (PDF et JSON)' }).click();
    await expect.poll(() => names.some((n) => /^dossier-patient-\d+-\d{4}-\d{2}-\d{2}\.json$/.test(n))).toBe(true);
    await screenshot(page, '52-dossier-patient-bouton');
  }, 90_000);
});
