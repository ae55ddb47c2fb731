import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { frDate, isoToday, openApp, openMenu, screenshot, type App } from './harness.ts';
import { apiCall, nirOf, pdfText, seedPatient, seedPractitioner, validatedAmeInvoice } from './helpers-billing.ts';
import { pages } from '../pdf/pdf-tools.ts';

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

describe('batch printing through the real UI', () => {
  it('prints the 3 feuilles of a bordereau in one PDF, each with its own number', async () => {
    const invoices = [
      await validatedAmeInvoice(app, 'Keïta', '8850599100011', { contractCode: '05', attestationNumber: 'ATT-Keïta' }),
      await validatedAmeInvoice(app, 'Traoré', '7910299100012', { contractCode: '05', attestationNumber: 'ATT-Traoré' }),
      await validatedAmeInvoice(app, 'Camara', '8850599100013', { contractCode: '05', attestationNumber: 'ATT-Camara' }),
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
    // Printed once at validation: the batch is a reprint — each feuille's header mention (the large rotated stamp of
    // issue #19 item 13 is not always read back as one word by the text extractor, so only a lower bound is checked).
    expect(text.match(/DUPLICATA/g)!.length).toBeGreaterThanOrEqual(3);
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

  it('records the feuille boxes on a draft: AT number and date, accident tiers, entente préalable', async () => {
    const patient = await seedPatient(app, 'Sissoko', nirOf('8850599100014'));
    const draft = await apiCall(app, 'invoices/create-draft', { practitionerId: 1, patientId: patient.id });
    await apiCall(app, 'invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: isoToday(-1), code: 'AMI', coefficient: 1, quantity: 1 }] });
    await page.reload();
    await openMenu(page, 'Factures');
    await page.getByRole('table', { name: 'Factures' }).getByRole('row', { name: /Sissoko/ }).click();
    const form = page.getByRole('form', { name: 'Renseignements de la feuille de soins' });
    await form.getByLabel("Nature de l'assurance").selectOption('atmp');
    await form.getByRole('button', { name: 'Enregistrer les renseignements' }).click();
    await form.getByText("Accident du travail / maladie professionnelle : indiquez le numéro ou la date de l'accident.").waitFor();
    await form.getByLabel("N° de l'accident du travail").fill('AT-5521');
    await form.getByLabel("Date de l'accident du travail").fill('31/02/2026');
    await form.getByRole('button', { name: 'Enregistrer les renseignements' }).click();
    await form.getByText('Date invalide (jj/mm/aaaa attendu, date réelle).').waitFor();
    await form.getByLabel("Date de l'accident du travail").fill(frDate(isoToday(-20)));
    await form.getByLabel('Accident causé par un tiers').check();
    await form.getByLabel("Date de l'accident", { exact: true }).fill(frDate(isoToday(-20)));
    await form.getByLabel("Demande d'entente préalable du").fill(frDate(isoToday(-5)));
    await form.getByRole('button', { name: 'Enregistrer les renseignements' }).click();
    await form.getByText('Renseignements enregistrés.').waitFor();
    await screenshot(page, '42-renseignements-feuille');
    const saved = await apiCall(app, 'invoices/get', { id: draft.id });
    expect(saved.circumstances).toEqual({
      insuranceNature: 'atmp',
      atNumber: 'AT-5521',
      atDate: isoToday(-20),
      thirdPartyAccident: true,
      accidentDate: isoToday(-20),
      priorAgreementDate: isoToday(-5),
    });
  });

  it('sets a remplaçant and the CPAM form printing in Réglages, and prints the calibration page', async () => {
    await openMenu(page, 'Réglages');
    await page.getByRole('button', { name: /Modifier Claire Martin/ }).click();
    const form = page.getByRole('form', { name: 'Praticien' });
    await form.getByLabel("Situation d'exercice").selectOption('remplacant');
    await form.getByRole('button', { name: 'Enregistrer le praticien' }).click();
    await form.getByText('Le nom du praticien remplacé est obligatoire.').waitFor();
    await form.getByLabel('Nom du praticien remplacé', { exact: true }).fill('Lefèvre');
    await form.getByLabel('Prénom du praticien remplacé').fill('Hélène');
    await form.getByLabel('N° de facturation du remplacé (AM)').fill('759876543');
    await form.getByRole('button', { name: 'Enregistrer le praticien' }).click();
    await form.waitFor({ state: 'detached' });
    const printing = page.getByRole('form', { name: 'Impression des feuilles de soins' });
    await printing.getByLabel('Impression').selectOption('overlay');
    await printing.getByLabel('Décalage horizontal (mm)').fill('deux');
    await printing.getByRole('button', { name: "Enregistrer l'impression" }).click();
    await printing.getByText('Décalage : un nombre de millimètres, par exemple 2,5.').waitFor();
    await printing.getByLabel('Décalage horizontal (mm)').fill('2,5');
    await printing.getByLabel('Décalage vertical (mm)').fill('-1');
    await printing.getByRole('button', { name: "Enregistrer l'impression" }).click();
    await printing.getByText('Réglages d’impression enregistrés.').waitFor();
    await printing.getByRole('button', { name: 'Imprimer la page de calibrage' }).click();
    await printing.getByText(/Page de calibrage générée/).waitFor();
    await screenshot(page, '43-reglages-impression');
    expect(pdfText(app, 'calibrage-formulaire-1.pdf')).toContain('horizontal 2,5 mm, vertical -1 mm');
    const [p] = await apiCall(app, 'practitioners/list', {});
    expect(p).toMatchObject({ situation: 'remplacant', replaced: { lastName: 'Lefèvre', firstName: 'Hélène', amNumber: '759876543' }, printSettings: { layout: 'overlay', xMm: 2.5, yMm: -1 } });
  });

  it('corrects the address of a caisse in Réglages, with a French message for a bad code', async () => {
    const panel = page.getByRole('region', { name: 'Caisses' });
    await panel.getByRole('button', { name: 'Modifier la caisse 01 / 751' }).click();
    const form = panel.getByRole('form', { name: 'Caisse à enregistrer' });
    expect(await form.getByLabel('Nom de la caisse').inputValue()).toBe('Assurance Maladie de Paris');
    await form.getByLabel('Code caisse').fill('75');
    await form.getByRole('button', { name: 'Enregistrer la caisse' }).click();
    await form.getByText('Caisse : 3 chiffres (751 pour Paris).').waitFor();
    await form.getByLabel('Code caisse').fill('751');
    await form.getByLabel('Adresse (rue, boîte postale)').fill('Service FSE Buttes-Chaumont');
    await form.getByRole('button', { name: 'Enregistrer la caisse' }).click();
    await panel.getByText('Caisse 01 / 751 enregistrée.').waitFor();
    await panel.getByRole('table', { name: 'Catalogue des caisses' }).getByRole('row', { name: /Service FSE Buttes-Chaumont, 75948 PARIS Cedex 19/ }).waitFor();
    await screenshot(page, '44-reglages-caisses');
  });
});
