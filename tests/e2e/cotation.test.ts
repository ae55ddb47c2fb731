/**
 * Cotation through the real UI (issue #7): a nurse's Sunday home visit priced by the engine from the act
 * picker, printed with the AME formatting; a kiné AME patient (code contrat 04) in the 9-month carence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { frDate, isoToday, openApp, openMenu, screenshot, SCREENSHOTS_DIR, type App } from './harness.ts';
import { apiCall, imprimer, latestPdfText, nirOf, seedPatient, seedPractitioner } from './helpers-billing.ts';
import { buildPractitionerInput } from '../helpers/test-backend.ts';

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

/** The latest Sunday strictly before today. */
function lastSunday(): string {
  for (let k = 1; ; k++) {
    const iso = isoToday(-k);
    if (new Date(`${iso}T00:00:00Z`).getUTCDay() === 0) return iso;
  }
}

async function openInvoice(patientName: string) {
  await openMenu(page, 'Patients');
  await page.getByLabel('Rechercher un patient').fill(patientName);
  await page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: new RegExp(patientName, 'i') }).click();
  await page.getByRole('tab', { name: /Factures/ }).click();
  await page.getByRole('table', { name: 'Factures' }).getByRole('row').nth(1).click();
  await page.getByRole('heading', { name: /Nouvelle facture/ }).waitFor();
}

describe('cotation on the Actes tab', () => {
  it('prices a Sunday home visit (prise de sang + injection at full rate, F, IFD, IK) picked from the catalogue, says why, and prints it AME-formatted', async () => {
    const sunday = lastSunday();
    const patient = await seedPatient(app, 'Keita', nirOf('2900599123457'));
    await apiCall(app, 'coverages/add', { patientId: patient.id, organismId: 1, startDate: isoToday(-60), endDate: isoToday(300) });
    const nurse = (await apiCall(app, 'practitioners/list', {})).find((p) => p.profession === 'infirmier')!;
    await apiCall(app, 'invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await openInvoice('Keita');

    await page.getByRole('tab', { name: /Actes/ }).click();
    const visit = page.getByRole('group', { name: 'Visite 1' });
    await visit.getByLabel('Date de la visite 1').fill(frDate(sunday));
    await visit.getByLabel('Heure de la visite 1').fill('10:30');
    await visit.getByLabel('Lieu de la visite 1').selectOption('domicile');
    await visit.getByLabel('Distance aller en km (visite 1)').fill('7');
    await visit.getByLabel("Urgence justifiée par l'état du patient (visite 1)").check();
    await visit.getByLabel('Rechercher un acte (visite 1)').fill('prise de sang');
    await visit.getByRole('button', { name: /Ajouter AMI 1,5 – Prélèvement par ponction veineuse directe/ }).click();
    await visit.getByLabel('Rechercher un acte (visite 1)').fill('injection intramusculaire');
    await visit.getByRole('button', { name: /Ajouter AMI 1 – Injection intramusculaire/ }).click();

    // Live cotation, with the same engine as the server: prise de sang at full rate beside one other act since
    // 01/12/2019 (UNCAM decision 2019), F 8,50 € since 01/08/2018, IK with its kilometres (NGAP art. 11B, 13, 14).
    const live = visit.getByRole('table', { name: 'Cotation de la visite 1' });
    const rows = live.getByRole('row');
    await expect.poll(() => rows.count()).toBe(7); // header, 5 lines, total
    expect(await rows.nth(1).textContent()).toMatch(/AMI 1,5.*100 %.*4,73\s€.*prise de sang à taux plein/);
    expect(await rows.nth(2).textContent()).toMatch(/AMI 1.*100 %.*3,15\s€.*acte cumulé avec la prise de sang/);
    expect(await rows.nth(3).textContent()).toMatch(/F.*8,50\s€.*dimanche, urgence justifiée/);
    expect(await rows.nth(4).textContent()).toMatch(/IFD.*2,75\s€/);
    expect(await rows.nth(5).textContent()).toMatch(/IK 10 km.*3,50\s€.*14 km aller-retour − 4 km d’abattement = 10 km × 0,35\s€ = 3,50\s€/);
    expect(await rows.nth(6).textContent()).toMatch(/22,63\s€/);
    await page.getByRole('button', { name: 'Enregistrer les visites' }).click();
    await page.getByRole('tab', { name: 'Actes (5)' }).waitFor();
    await screenshot(page, 'cotation-sunday-visit');

    await page.getByRole('tab', { name: 'Facture' }).click();
    // AME rights on file cover the acts: the draft is AME-formatted by default (issue #9), with a way out.
    await page.getByText(/Facture mise en forme AME d'office/).waitFor();
    await page.getByRole('button', { name: 'Ne pas facturer en AME' }).waitFor();
    await page.getByRole('button', { name: "Aide médicale d'État", pressed: true }).waitFor();
    await imprimer(page);
    await page.getByText(/Facture n° \d+ validée/).waitFor();

    await page.getByRole('tab', { name: /Actes/ }).click();
    const saved = page.getByRole('table', { name: 'Actes' });
    expect(await saved.getByRole('row', { name: /^.*AMI 1\s/ }).first().textContent()).toMatch(/3,15\s€.*N.*acte cumulé avec la prise de sang/);
    await screenshot(page, 'cotation-validated');

    const pdf = latestPdfText(app);
    expect(pdf).toContain('AME — 0075500017');
    expect(pdf).toMatch(/Part complémentaire \(100 %\)\s+22,63\s€/);
    expect(pdf).toMatch(/Reste à payer par le patient\s+0,00\s€/);
    // The codes as the sources write them: F for Sunday (medicalib.fr; BILLING-RULES §10), « IK 10 km ».
    for (const code of ['AMI 1,5', 'F', 'IFD', 'IK 10 km']) expect(pdf).toMatch(new RegExp(`${code}\\s.*\\sN\\b`));
    expect(pdf).toMatch(/AMI 1\s+1\s+3,15\s€\s+3,15\s€\s+N\b/);
  });

  it('warns about the AME carence for a kiné session after a knee prosthesis, code contrat 04, rights begun 3 months ago', async () => {
    const kine = await apiCall(app, 'practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute', lastName: 'Bernard', amNumber: '751234999' }));
    const patient = await seedPatient(app, 'Sylla', nirOf('1850599123458'));
    const rightsStart = isoToday(-91);
    await apiCall(app, 'coverages/add', { patientId: patient.id, organismId: 1, startDate: rightsStart, endDate: isoToday(270), contractCode: '04' });
    const draft = await apiCall(app, 'invoices/create-draft', { practitionerId: kine.id, patientId: patient.id });
    await apiCall(app, 'invoices/set-ame', { invoiceId: draft.id, ame: true });
    await openInvoice('Sylla');

    await page.getByRole('tab', { name: /Actes/ }).click();
    const visit = page.getByRole('group', { name: 'Visite 1' });
    await visit.getByLabel('Date de la visite 1').fill(frDate(isoToday(-1)));
    await visit.getByLabel("Rééducation après une intervention de l'art. R251-3 CASF (prothèse de genou, hanche, épaule…) (visite 1)").check();
    // « genou » finds the knee rehabilitation: RIC 8,12 after a knee arthroplasty (SNMKR tableau NGAP v19).
    await visit.getByLabel('Rechercher un acte (visite 1)').fill('prothèse genou');
    await visit.getByRole('button', { name: /Ajouter RIC 8,12 – Après arthroplastie du genou/ }).click();
    await visit.getByRole('table', { name: 'Cotation de la visite 1' }).getByText('17,95 €').first().waitFor();
    await page.getByRole('button', { name: 'Enregistrer les visites' }).click();

    const checks = page.getByRole('region', { name: 'Vérifications avant impression' });
    await checks.getByText(/Délai de carence AME : code contrat 04, droits ouverts le \d\d\/\d\d\/\d{4}, moins de 9 mois avant la séance/).waitFor();
    await imprimer(page);
    const dialog = page.getByRole('alertdialog', { name: 'Vérifications avant impression' });
    expect(await dialog.textContent()).toMatch(/Reportez les soins au .* ou obtenez l’accord préalable du service médical/);
    await screenshot(page, 'cotation-ame-carence');
    await dialog.getByRole('button', { name: 'Corriger' }).click();
    expect(await apiCall(app, 'invoices/get', { id: draft.id })).toMatchObject({ status: 'draft', number: null });
  });

  it('keeps favourites and a reusable model (« insuline matin ») for the practitioner', async () => {
    const patient = await seedPatient(app, 'Traore', nirOf('2900599123459'));
    const nurse = (await apiCall(app, 'practitioners/list', {})).find((p) => p.profession === 'infirmier')!;
    await apiCall(app, 'invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await openInvoice('Traore');
    await page.getByRole('tab', { name: /Actes/ }).click();
    const visit = page.getByRole('group', { name: 'Visite 1' });
    await visit.getByLabel('Date de la visite 1').fill(frDate(isoToday(-1)));
    await visit.getByLabel('Rechercher un acte (visite 1)').fill('insuline');
    await visit.getByRole('button', { name: /Ajouter aux favoris : AMI 1 – Injection sous-cutanée d’insuline/ }).click();
    await visit.getByRole('button', { name: /Ajouter AMI 1 – Surveillance et observation/ }).click();
    await visit.getByRole('group', { name: 'Favoris (visite 1)' }).getByRole('button', { name: /Injection sous-cutanée d’insuline/ }).click();
    const live = visit.getByRole('table', { name: 'Cotation de la visite 1' });
    await expect.poll(async () => (await live.textContent()) ?? '').toMatch(/insulino-traité.*insulino-traité.*Total de la visite6,30\s€/);
    await visit.getByLabel('Nom du modèle (visite 1)').fill('insuline matin');
    await visit.getByRole('button', { name: 'Enregistrer ces actes comme modèle' }).click();
    await page.getByText('Modèle « insuline matin » enregistré.').waitFor();

    await page.getByRole('button', { name: 'Ajouter une visite' }).click();
    const second = page.getByRole('group', { name: 'Visite 2' });
    await second.getByLabel('Modèle (visite 2)').selectOption({ label: 'insuline matin' });
    await second.getByRole('button', { name: 'Appliquer le modèle' }).click();
    expect(await second.getByRole('table', { name: 'Actes de la visite 2' }).getByRole('row').count()).toBe(3);
    await screenshot(page, 'cotation-favourites-model');
  });

  it('shows in Réglages → Tarifs the values that stay unsure as « à vérifier », with zone and source', async () => {
    await openMenu(page, 'Réglages');
    const table = page.getByRole('table', { name: 'Tarifs' });
    // F 8,50 € since 01/08/2018, with its history (BILLING-RULES §10).
    const f = table.getByRole('row', { name: /Majoration dimanche et jour férié.*Métropole.*8,50/ });
    expect(await f.textContent()).toMatch(/^F.*depuis le 01\/08\/2018.*avenant 5/);
    const mnp = table.getByRole('row', { name: /Majoration de nuit \(23h–5h\).*Métropole/ });
    await mnp.getByText('à vérifier', { exact: true }).waitFor();
    expect(await table.getByRole('row', { name: /IFD.*Métropole.*2,30\s€/ }).textContent()).toMatch(/depuis le 15\/04\/2009/);
    expect(await table.getByRole('row', { name: /AMI.*DOM.*3,30\s€/ }).count()).toBe(1);
    await page.getByText(/valeur\(s\) à vérifier pour cette profession/).waitFor();
    const acts = page.getByRole('table', { name: 'Actes du catalogue' });
    expect(await acts.getByRole('row', { name: /Pansement lourd et complexe/ }).first().textContent()).toMatch(/AMI 4.*chap\. I art\. 3/);
    await page.getByLabel('Profession').selectOption('masseur-kinesitherapeute');
    const steps = page.getByRole('table', { name: 'Changements de coefficient' });
    expect(await steps.getByRole('row', { name: /TER.*9,49 → 9,79/ }).textContent()).toMatch(/28\/05\/2026.*à vérifier/);
    expect(await steps.getByRole('row', { name: /AMK.*1,2 → 2,5/ }).textContent()).toMatch(/01\/01\/2026/);
    await screenshot(page, 'cotation-tarifs-a-verifier');
  });

  it('finds the acts a nurse and a kiné type: « vaccin », « agrafes », « perfusion », « genou » (screenshots)', async () => {
    const patient = await seedPatient(app, 'Camara', nirOf('2900599123460'));
    const nurse = (await apiCall(app, 'practitioners/list', {})).find((p) => p.profession === 'infirmier')!;
    await apiCall(app, 'invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await openInvoice('Camara');
    await page.getByRole('tab', { name: /Actes/ }).click();
    const visit = page.getByRole('group', { name: 'Visite 1' });
    await visit.getByLabel('Date de la visite 1').fill(frDate(isoToday(-1)));
    const results = visit.getByRole('list', { name: 'Actes trouvés (visite 1)' });
    const search = visit.getByLabel('Rechercher un acte (visite 1)');
    for (const [word, first] of [['vaccin', /AMI 2,4 – Injection d’un vaccin/], ['agrafes', /AMI 2 – Ablation de fils ou d’agrafes, dix ou moins/], ['perfusion', /AMI 9 – Forfait perfusion courte/]] as const) {
      await search.fill(word);
      await results.getByRole('button', { name: new RegExp(`^Ajouter ${first.source}`) }).waitFor();
      await screenshot(page, `act-picker-${word}`);
    }
    expect(await results.getByRole('button', { name: /^Ajouter AMI/ }).count()).toBe(7);
    // The visit gets its act, so leaving the draft through the menu saves it (a dated visit without an act would be
    // refused and keep the user on the draft, issue #19 item 7).
    await results.getByRole('button', { name: /^Ajouter AMI 9 – Forfait perfusion courte/ }).first().click();

    const mk = (await apiCall(app, 'practitioners/list', {})).find((p) => p.profession === 'masseur-kinesitherapeute')!;
    const kinePatient = await seedPatient(app, 'Diallo', nirOf('1850599123461'));
    await apiCall(app, 'invoices/create-draft', { practitionerId: mk.id, patientId: kinePatient.id });
    await openInvoice('Diallo');
    await page.getByRole('tab', { name: /Actes/ }).click();
    const kineVisit = page.getByRole('group', { name: 'Visite 1' });
    await kineVisit.getByLabel('Date de la visite 1').fill(frDate(isoToday(-1)));
    await kineVisit.getByLabel('Rechercher un acte (visite 1)').fill('genou');
    await kineVisit.getByRole('button', { name: /^Ajouter RIC 8,12 – Après arthroplastie du genou/ }).waitFor();
    await screenshot(page, 'act-picker-genou');
    // The session gets its act, so the next screen can be reached through the menu (the draft is saved on the way).
    await kineVisit.getByRole('button', { name: /^Ajouter RIC 8,12 – Après arthroplastie du genou/ }).click();
  });

  it('imports a catalogue update in Réglages → Tarifs: preview with dates, then applied; a tampered file is refused (screenshots)', async () => {
    const { catalogueFileText, shippedCatalogue } = await import('../../db/catalogue-bundle.ts');
    const { checksumOf } = await import('../../db/catalogue-apply.ts');
    const file = structuredClone(shippedCatalogue());
    const [shipped, next] = [file.version, file.version + 1];
    Object.assign(file, { version: next, published: '2026-12-01', title: 'Mise à jour de démonstration' });
    file.tariffs.push({ profession: 'infirmier', code: 'AMI', zone: 'metropole', label: 'Acte médico-infirmier', cents: 330, from: '2027-01-01', source: 'démonstration' });
    const { checksum: _c, ...content } = file;
    const good = catalogueFileText({ ...file, checksum: checksumOf(content) });
    const tampered = good.replace('"cents":330', '"cents":990');

    await openMenu(page, 'Réglages');
    const input = page.getByLabel('Importer une mise à jour');
    await input.setInputFiles({ name: 'catalogue-falsifie.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
    await page.getByRole('alert').getByText(/Fichier de catalogue refusé : sa somme de contrôle ne correspond pas.*Rien n’a été modifié\./).waitFor();
    const section = page.getByRole('region', { name: 'Mise à jour du catalogue' });
    await section.screenshot({ path: join(SCREENSHOTS_DIR, 'catalogue-import-refused.png') });

    await input.setInputFiles({ name: `catalogue-v${next}.json`, mimeType: 'application/json', buffer: Buffer.from(good) });
    const changes = page.getByRole('table', { name: 'Changements du catalogue' });
    expect(await changes.getByRole('row').nth(1).textContent()).toMatch(/Ajout.*Tarif.*AMI.*3,30\s€ \(métropole\).*depuis le 01\/01\/2027/);
    await page.getByText(new RegExp(`version ${next} du 01/12/2026 \\(en place : version ${shipped}\\) : 1 ajout\\(s\\), 0 modification\\(s\\), 0 fin\\(s\\)`)).waitFor();
    await section.screenshot({ path: join(SCREENSHOTS_DIR, 'catalogue-import-preview.png') });
    await page.getByRole('button', { name: 'Appliquer la mise à jour' }).click();
    await page.getByText(new RegExp(`Mise à jour version ${next} du 01/12/2026 appliquée : 1 ajout\\(s\\)`)).waitFor();
    await page.getByText(new RegExp(`Catalogue en place : version ${next} du 01/12/2026 \\(mise à jour importée`)).waitFor();
    expect((await apiCall(app, 'catalogue/versions', {})).map((v) => v.version)).toEqual(Array.from({ length: next }, (_, i) => next - i));
  });
});
