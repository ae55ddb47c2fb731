/**
 * Issue 15 end to end, keyboard only (focus + keys, no mouse): a series planned from a prescription, the day's
 * round marked done with the real hour (today and yesterday), « Facturer la semaine », then the feuilles printed
 * in one PDF. Screenshots of the series and of the round at 1366×768.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { focusedLabel, frDate, isoToday, openApp, screenshot, type App } from './harness.ts';
import { apiCall, nirOf, pdfText } from './helpers-billing.ts';
import { buildPractitionerInput } from '../helpers/test-backend.ts';

// A small drawn image (a grey card with a dark band), as a phone photo would be, in PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAoCAIAAADBrGu+AAAAYElEQVR4nO3VMQ3AMBAEQQMzsIB1EyYBkWL08koHYKe6dc47eosXBNAFAXRBAF0QQBcE0AXXA/Z+Ri+AXgC9AHrzf4AXBNAFAXRBAF0QQBcE0AUBdEEAXRBAFwTQBT/3ASYAE5rLf0wMAAAAAElFTkSuQmCC',
  'base64',
);

let app: App;
let page: Page;

/** Keyboard only: focus the control (as Tab would) and press a key on it. */
const press = async (locator: Locator, key = 'Enter') => {
  await locator.focus();
  await page.keyboard.press(key);
};
const type = async (locator: Locator, text: string) => {
  await locator.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
};

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await apiCall(app, 'practitioners/create', buildPractitionerInput());
  const patient = await apiCall(app, 'patients/create', {
    lastName: 'Sangaré', firstName: 'Mariam', birthDate: '1950-03-02', sex: 'F', nir: nirOf('2500399123456'), regime: '01', caisse: '931',
    addressLine: '4 rue de Paris', postalCode: '93100', city: 'Montreuil',
  });
  const prescriber = await apiCall(app, 'prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
  await apiCall(app, 'prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: isoToday(-10), plannedActs: 'AMI 2 pansement tous les jours pendant 10 jours' });
  await page.reload();
});
afterAll(async () => {
  await app?.close();
});

describe('care series and the round, keyboard only', () => {
  it('plans a series from a prescription, marks the round done, bills the week and prints it', async () => {
    // Patients → the patient → Prescriptions → « Planifier les soins ».
    await press(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('button', { name: 'Patients' }));
    await type(page.getByLabel('Rechercher un patient'), 'sangaré');
    await press(page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: /Sangaré/i }));
    await press(page.getByRole('tab', { name: /Prescriptions/ }));
    // The AME attestation photographed: attached to the file, shown in the app.
    await page.getByLabel('Type de pièce').selectOption('attestation-ame');
    await page.getByLabel('Scan ou photo (PDF, JPEG, PNG)').setInputFiles({ name: 'attestation.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('Attestation AME ajoutée au dossier.').waitFor();
    await press(page.getByRole('button', { name: /Attestation AME — attestation\.png/ }));
    await page.getByRole('img', { name: 'attestation.png' }).waitFor();
    await screenshot(page, '15-prescriptions-pieces-jointes');
    await press(page.getByRole('button', { name: /^Planifier les soins de la prescription du/ }));
    await page.getByRole('heading', { name: 'Planifier les soins' }).waitFor();

    const form = page.getByRole('form', { name: 'Série de soins' });
    await form.getByLabel('Acte du catalogue').selectOption({ label: 'AMI 2 – Pansement courant (autres pansements)' });
    await press(form.getByRole('button', { name: 'Ajouter l’acte' }));
    await form.getByRole('list', { name: 'Actes de la série' }).getByText(/AMI 2 – Pansement courant/).waitFor();
    await type(form.getByLabel('Début des soins'), frDate(isoToday(-3)));
    await type(form.getByLabel('Fin des soins'), frDate(isoToday(6)));
    await type(form.getByLabel('Heure du passage 1'), '08:00');
    await type(form.getByLabel('Distance aller depuis le cabinet (km)'), '5');
    await type(form.getByLabel('Libellé (facultatif)'), 'Pansement jambe gauche');
    await press(form.getByRole('button', { name: 'Planifier les visites' }));

    await page.getByRole('heading', { name: /Série de soins — SANGARÉ Mariam/ }).waitFor();
    const visits = page.getByRole('table', { name: 'Visites de la série' });
    expect(await visits.getByRole('row').count()).toBe(11); // header + 10 days
    await expect.poll(() => page.getByLabel('Résumé de la série').textContent()).toMatch(/0 \/ 10 faites/);
    await screenshot(page, '15-serie-de-soins');
    // An inline form of the table: a refused date says why, « Annuler » closes it and nothing moved.
    const last = `${frDate(isoToday(6))} à 08:00`;
    await press(visits.getByRole('button', { name: `Déplacer la visite du ${last}` }));
    const move = page.getByRole('form', { name: `Déplacer la visite du ${frDate(isoToday(6))}` });
    await type(move.getByLabel(`Nouvelle date (visite du ${frDate(isoToday(6))})`), '31/02');
    await press(move.getByRole('button', { name: 'Déplacer' }));
    await move.getByRole('alert').getByText('Nouvelle date : jj/mm/aaaa.').waitFor();
    await screenshot(page, '15-serie-deplacer-refuse');
    await press(move.getByRole('button', { name: 'Annuler' }));
    await move.waitFor({ state: 'detached' });
    await visits.getByRole('button', { name: `Déplacer la visite du ${last}` }).waitFor();

    // The round (menu Tournée): today, then yesterday with Alt+←; the real hour then Entrée marks it done.
    await press(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('button', { name: 'Tournée' }));
    await page.getByRole('heading', { name: new RegExp(`Tournée du \\w+ ${frDate(isoToday())}`) }).waitFor();
    await type(page.getByLabel('Heure réelle (SANGARÉ Mariam à 08:00)'), '08:20');
    await page.keyboard.press('Enter');
    await page.getByText('Visite de SANGARÉ Mariam à 08:00 faite à 08:20.').waitFor();
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByRole('heading', { name: new RegExp(`Tournée du \\w+ ${frDate(isoToday(-1))}`) }).waitFor();
    await type(page.getByLabel('Heure réelle (SANGARÉ Mariam à 08:00)'), '07:55');
    await page.keyboard.press('Enter');
    await page.getByText('Visite de SANGARÉ Mariam à 08:00 faite à 07:55.').waitFor();
    // The day before: not done, with its reason.
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByRole('heading', { name: new RegExp(`Tournée du \\w+ ${frDate(isoToday(-2))}`) }).waitFor();
    await press(page.getByRole('button', { name: 'Non faite' }));
    await page.keyboard.type('Patiente absente');
    await page.keyboard.press('Enter');
    await page.getByText('Visite de SANGARÉ Mariam à 08:00 non faite : Patiente absente.').waitFor();
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByRole('heading', { name: new RegExp(`Tournée du \\w+ ${frDate(isoToday())}`) }).waitFor();
    await page.getByRole('table', { name: `Tournée du ${frDate(isoToday())}` }).getByText('Faite', { exact: true }).waitFor();
    await screenshot(page, '15-tournee-du-jour');

    // « Facturer la semaine »: the visits done this week (Monday to Sunday) on feuilles, then printed.
    await press(page.getByRole('button', { name: 'Facturer la semaine' }));
    const prepared = page.getByRole('table', { name: 'Feuilles préparées' });
    await prepared.waitFor();
    const weekStart = new Date(`${isoToday()}T00:00:00Z`);
    const mondayOffset = (weekStart.getUTCDay() + 6) % 7;
    const doneThisWeek = [0, -1].filter((k) => -k <= mondayOffset).length;
    await expect.poll(() => prepared.textContent()).toMatch(new RegExp(`${doneThisWeek} visites?`));
    await screenshot(page, '15-tournee-facturer-la-semaine');
    await press(page.getByRole('button', { name: /imprimer les feuilles/i }));
    await page.getByText(/1 feuille de soins validée et imprimée dans un seul document\./).waitFor();
    await expect.poll(() => app.openedUrls.at(-1)).toMatch(/\/documents\/feuilles-1-000001-x1\.pdf\?token=/);
    const text = pdfText(app, 'feuilles-1-000001-x1.pdf');
    expect(text).toContain('SANGARÉ');
    expect(text).toContain(frDate(isoToday()));
    expect(text).toMatch(/IK 6 km/);
  });

  it('adds on the round a visit for a patient without a series, marks it done and bills it', async () => {
    const patient = await apiCall(app, 'patients/create', {
      lastName: 'Keita', firstName: 'Oumar', birthDate: '1948-07-02', sex: 'M', nir: nirOf('1480799123457'), regime: '01', caisse: '931',
      addressLine: '12 rue de Vincennes', postalCode: '93100', city: 'Montreuil',
    });
    const prescriber = (await apiCall(app, 'prescribers/list', {}))[0]!;
    await apiCall(app, 'prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: isoToday(-5) });
    await press(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('button', { name: 'Tournée' }));
    await page.getByRole('heading', { name: new RegExp(`Tournée du \\w+ ${frDate(isoToday())}`) }).waitFor();
    await press(page.getByRole('button', { name: 'Patient sans série…' }));
    const form = page.getByRole('form', { name: 'Visite d’un patient sans série' });
    await type(form.getByLabel('Rechercher le patient (nom, NIR)'), 'keita');
    // The one patient found and his one prescription are chosen for the desk.
    await expect.poll(() => form.getByLabel('Patient', { exact: true }).inputValue()).toBe(String(patient.id));
    await expect.poll(async () => (await form.getByLabel('Prescription').inputValue()) !== '').toBe(true);
    await form.getByLabel('Acte', { exact: true }).selectOption({ label: 'AMI 1 – Injection sous-cutanée' });
    await type(form.getByLabel('Heure', { exact: true }), '12:30');
    await screenshot(page, '15-tournee-visite-non-prevue');
    await press(form.getByRole('button', { name: 'Ajouter la visite' }));
    await page.getByText(`Visite ajoutée : KEITA Oumar le ${frDate(isoToday())} à 12:30.`).waitFor();
    const round = page.getByRole('table', { name: `Tournée du ${frDate(isoToday())}` });
    await round.getByRole('row', { name: /KEITA Oumar/ }).waitFor();
    await type(page.getByLabel('Heure réelle (KEITA Oumar à 12:30)'), '12:40');
    await page.keyboard.press('Enter');
    await page.getByText('Visite de KEITA Oumar à 12:30 faite à 12:40.').waitFor();
    await screenshot(page, '15-tournee-avec-visite-ajoutee');
    await press(page.getByRole('button', { name: 'Facturer la semaine' }));
    const prepared = page.getByRole('table', { name: 'Feuilles préparées' });
    await expect.poll(() => prepared.textContent()).toMatch(/KEITA Oumar/);
  });

  it('changes the rhythm of the series: the visits to come are planned again, done and billed ones stay', async () => {
    await press(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('button', { name: 'Patients' }));
    await type(page.getByLabel('Rechercher un patient'), 'sangaré');
    await press(page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: /Sangaré/i }));
    await press(page.getByRole('tab', { name: /Prescriptions/ }));
    await press(page.getByRole('button', { name: `Ouvrir la série du ${frDate(isoToday(-3))}` }));
    await page.getByRole('heading', { name: /Série de soins — SANGARÉ Mariam/ }).waitFor();
    await press(page.getByRole('button', { name: 'Modifier le rythme' }));
    const form = page.getByRole('form', { name: 'Modifier le rythme' });
    // The first field has the focus: « Tous les 2 jours » chosen from the keyboard, a second hour added.
    await expect.poll(() => focusedLabel(page)).toBe('Fréquence');
    await form.getByLabel('Fréquence').selectOption('every-other-day');
    await press(form.getByRole('button', { name: 'Ajouter un passage' }));
    await type(form.getByLabel('Heure du passage 2'), '19:00');
    await screenshot(page, '15-serie-modifier-le-rythme');
    await press(form.getByRole('button', { name: 'Replanifier les visites à venir' }));
    await page.getByText(/Rythme modifié : les visites à venir sont replanifiées/).waitFor();
    const visits = page.getByRole('table', { name: 'Visites de la série' });
    // The visits done (and billed) stay; from tomorrow every other day from the start, at 8h and 19h.
    await expect.poll(() => visits.getByText('Facturée', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => visits.getByRole('cell', { name: '19:00', exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, '15-serie-rythme-modifie');
  });
});
