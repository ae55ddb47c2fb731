/**
 * Issue #19 on screen, by role and French label only: the first AME invoice of a patient with a prescription
 * on file counted keyboard-only (at most 10 keys and clicks after setup); the AME button's state in words and
 * the question when it is turned off on a patient with rights; typed acts kept when leaving through the menu;
 * dates typed jjmmaaaa; NIR vs identity warned; focus after Enter, Escape, saving a prescription and validation.
 * Screenshots at 1366×768 and 1024×768.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatNir } from '../../core/domain/nir.ts';
import { buildPractitionerInput } from '../helpers/test-backend.ts';
import { focusedLabel as focusedLabelOf, focusedText as focusedTextOf, frDate, isoToday, openApp, openMenu, screenshot, shotsAtDeskSizes, type App } from './harness.ts';
import { apiCall, nirOf, printPreview } from './helpers-billing.ts';

let app: App;
let page: Page;
let patientId = 0;

const focusedText = () => focusedTextOf(page);
const focusedLabel = () => focusedLabelOf(page);

const shots = (name: string) => shotsAtDeskSizes(page, `19-${name}`);

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  // Setup (not counted): the nurse, a patient with AME rights, her nurse's prescription and a kiné's one.
  const nurse = await apiCall(app, 'practitioners/create', buildPractitionerInput());
  const patient = await apiCall(app, 'patients/create', {
    lastName: 'Diallo', firstName: 'Aminata', birthDate: '1985-05-14', sex: 'F', nir: nirOf('8850599123456'), regime: '01', caisse: '751',
  });
  patientId = patient.id;
  await apiCall(app, 'coverages/add', { patientId, organismId: 1, startDate: isoToday(-60), endDate: isoToday(300) });
  const prescriber = await apiCall(app, 'prescribers/create', { lastName: 'Roux', firstName: 'Anne', identifier: '751111111' });
  await apiCall(app, 'prescriptions/create', {
    patientId, prescriberId: prescriber.id, prescriptionDate: isoToday(-10), ame: true, profession: 'infirmier', prescribedActs: ['AMI'],
    plannedActs: 'Prise de sang à domicile',
  });
  await apiCall(app, 'prescriptions/create', {
    patientId, prescriberId: prescriber.id, prescriptionDate: isoToday(-5), profession: 'masseur-kinesitherapeute', sessionsPrescribed: 10,
    plannedActs: 'Rééducation du genou',
  });
  void nurse;
  await page.reload();
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
});
afterAll(async () => {
  await app?.close();
});

describe('the desk, keyboard only', () => {
  it('first AME invoice of a patient with a prescription on file: at most 10 keys and clicks', async () => {
    let count = 0;
    const press = async (key: string) => {
      count++;
      await page.keyboard.press(key);
    };
    const type = async (text: string) => {
      count++; // a field typed counts as one
      await page.keyboard.type(text);
    };
    // The search has the focus on the Patients screen.
    await expect.poll(() => focusedLabel()).toMatch(/Rechercher/);
    await type('diallo');
    await page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: /Diallo/i }).waitFor();
    await press('Enter');
    await page.getByRole('heading', { name: /DIALLO Aminata/ }).waitFor();
    // Opened with Enter: the focus is on « Facturer », not lost on the page (item 11).
    await expect.poll(focusedText).toBe('Facturer');
    await press('Alt+KeyF');
    // Facturer opens with the patient and her only nurse's prescription; the kiné's is not offered (item 8).
    await page.getByRole('heading', { name: 'Facturer' }).waitFor();
    await page.getByText(/Patient : DIALLO Aminata/).waitFor();
    const select = page.getByLabel('Prescription', { exact: true });
    await expect.poll(async () => (await select.locator('option:checked').textContent()) ?? '').toMatch(/Dr ROUX — AMI — AME/);
    expect(await select.locator('option').allTextContents()).toEqual(['Sans prescription', expect.stringMatching(/AMI — AME$/)]);
    await expect.poll(focusedText).toBe('Créer la facture');
    await shots('facturer-prescription');
    await press('Enter');
    await page.getByRole('heading', { name: /Nouvelle facture/ }).waitFor();
    await expect.poll(() => focusedLabel()).toBe('Rechercher un acte (visite 1)');
    await type('prise de sang');
    await expect.poll(() => page.getByRole('group', { name: 'Visite 1' }).locator('#picker-1-hint').textContent()).toMatch(/^Entrée : ajouter AMI 1,5/);
    await press('Enter');
    await expect.poll(() => page.getByLabel('Code 1.1').count()).toBe(1);
    // Not saved yet: the tab already counts the act typed (item 7).
    await page.getByRole('tab', { name: 'Actes (1)' }).waitFor();
    await press('Alt+KeyI');
    const preview = printPreview(page);
    await preview.getByRole('table', { name: 'Actes à imprimer' }).waitFor();
    await expect.poll(focusedText).toBe('Imprimer');
    // The preview says when and where the care was given (item 13).
    await preview.getByText(new RegExp(`${frDate(isoToday())}.* — au cabinet`)).waitFor();
    await shots('apercu');
    await press('Enter');
    await page.getByText(/Facture n° 1 validée/).waitFor();
    console.log(`[issue 19] first AME invoice of a patient with a prescription on file: ${count} keys and clicks`);
    expect(count).toBeLessThanOrEqual(10);
    const invoice = (await apiCall(app, 'invoices/list', {})).find((i) => i.number === 1)!;
    expect(invoice).toMatchObject({ ame: true });
    // After validation the focus is on the next useful control, not on the page (item 11).
    await expect.poll(focusedText).toBe('← Dossier patient');
  });
});

describe('wrong money on screen', () => {
  it('the AME button says its state in words; turned off on a patient with rights, Imprimer asks first', async () => {
    const draft = await apiCall(app, 'invoices/create-draft', { practitionerId: 1, patientId });
    await apiCall(app, 'invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: isoToday(-3), code: 'AMI', coefficient: 2, quantity: 1 }] });
    await page.reload();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await openMenu(page, 'Factures');
    await page.getByRole('row', { name: /Brouillon/ }).first().click();
    const button = page.getByRole('button', { name: "Aide médicale d'État" });
    await expect.poll(() => button.textContent()).toMatch(/Aide médicale d'État : activée/);
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await shots('ame-activee');
    await button.click();
    await expect.poll(() => button.textContent()).toMatch(/Aide médicale d'État : non/);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    // Not « AME possible »: the rights on file are named (item 13).
    await page.getByText(/Droits AME du .* — facture hors AME/).waitFor();
    await shots('ame-non');
    await page.getByRole('button', { name: 'Imprimer', exact: true }).click();
    await printPreview(page).getByRole('button', { name: 'Imprimer', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Facture sans prescription' }).getByRole('button', { name: 'Imprimer sans prescription' }).click();
    const prompt = page.getByRole('alertdialog', { name: "Aide médicale de l'État" });
    await prompt.getByText(/droits AME enregistrés .* la caisse paierait 60 %/).waitFor();
    await shots('question-ame-droits');
    await prompt.getByRole('button', { name: 'Oui' }).click();
    await page.getByText(/Facture n° 2 validée/).waitFor();
    expect((await apiCall(app, 'invoices/get', { id: draft.id })).ame).toBe(true);
  });
});

describe('lost work', () => {
  it('an act typed but not saved is kept when leaving through the menu', async () => {
    await openMenu(page, 'Facturer');
    await page.getByLabel('Patient à facturer').fill('diallo');
    await page.getByRole('list', { name: 'Patients trouvés' }).getByRole('button', { name: /DIALLO Aminata/ }).click();
    await page.getByRole('button', { name: 'Créer la facture' }).click();
    await page.getByRole('heading', { name: /Nouvelle facture/ }).waitFor();
    await expect.poll(() => focusedLabel()).toBe('Rechercher un acte (visite 1)');
    await page.keyboard.type('AMI 1');
    await expect.poll(() => page.getByRole('group', { name: 'Visite 1' }).locator('#picker-1-hint').textContent()).toMatch(/^Entrée : ajouter AMI/);
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Actes (1)' }).waitFor();
    const drafts = async () => (await apiCall(app, 'invoices/list', {})).filter((i) => i.status === 'draft');
    const id = (await drafts()).at(-1)!.id;
    expect((await apiCall(app, 'invoices/get', { id })).lines).toHaveLength(0); // typed, not saved
    await openMenu(page, 'Patients');
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    const kept = await apiCall(app, 'invoices/get', { id });
    expect(kept.visits).toHaveLength(1);
    expect(kept.lines.map((l) => l.code)).toContain('AMI');
  });
});

describe('faster forms', () => {
  it('a birth date typed 15031985 is read, and a NIR contradicting the identity is warned of, not refused', async () => {
    await page.keyboard.press('Alt+KeyN');
    await page.getByLabel('Nom de naissance').fill('Keita');
    await page.getByLabel('Prénom', { exact: true }).fill('Moussa');
    await page.getByLabel('Date de naissance', { exact: true }).fill('15031985');
    await page.keyboard.press('Tab'); // leaving the field shows the date as read
    await page.getByLabel('Sexe').selectOption({ label: 'Homme' });
    await expect.poll(() => page.getByLabel('Date de naissance', { exact: true }).inputValue()).toBe('15/03/1985');
    // 2 62 06 …: a woman born in June 1962.
    await page.getByLabel('NIR ou NIA').fill(formatNir(nirOf('2620662765118')));
    await page.getByText(/Le NIR ne correspond pas à l'identité saisie/).waitFor();
    await shots('nir-identite');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: /KEITA Moussa/ }).waitFor();
    const found = await apiCall(app, 'patients/search', { query: 'keita' });
    expect(found[0]).toMatchObject({ birthDate: '1985-03-15' });
  });

  it('Escape in a dialog gives the focus back; « Nouvelle prescription » offers the known prescriber and the catalogue’s acts', async () => {
    await page.getByRole('tab', { name: 'Prescriptions' }).click();
    const open = page.getByRole('button', { name: 'Nouvelle prescription' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle prescription' });
    await expect.poll(async () => (await dialog.getByLabel('Prescripteur').locator('option:checked').textContent()) ?? '').toMatch(/Dr ROUX Anne/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(focusedText).toBe('Nouvelle prescription');
    await open.click();
    await dialog.getByLabel('Date de prescription').fill(frDate(isoToday(-2)).replace(/\//g, ''));
    await dialog.getByRole('group', { name: 'Lettres-clés prescrites' }).getByRole('button', { name: 'AIS' }).click();
    await dialog.getByLabel('Actes prescrits').fill('Toilette quotidienne');
    await shots('prescription-actes');
    await dialog.getByRole('button', { name: 'Enregistrer la prescription' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Saved: the focus is on « Facturer » for that prescription (item 11).
    await expect.poll(focusedLabel).toMatch(/^Facturer la prescription du/);
    const list = await apiCall(app, 'prescriptions/list', { patientId: (await apiCall(app, 'patients/search', { query: 'keita' }))[0]!.id });
    expect(list[0]).toMatchObject({ prescribedActs: ['AIS'], plannedActs: 'Toilette quotidienne', profession: 'infirmier', prescriptionDate: isoToday(-2) });
  });
});

describe('small words on screen', () => {
  it('the payment dialog drops a refused amount’s message once corrected; « Payé par » whole at 1280 px', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openMenu(page, 'Factures');
    await page.getByRole('table', { name: 'Factures' }).getByRole('row', { name: /^1 Claire Martin/ }).click();
    await page.getByRole('tab', { name: 'Suivi' }).click();
    await page.getByRole('button', { name: 'Enregistrer un paiement' }).click();
    const dialog = page.getByRole('dialog', { name: /Paiement reçu/ });
    const amount = dialog.getByLabel('Montant reçu (€)');
    await amount.fill('dix euros');
    await dialog.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await dialog.getByText(/Montant reçu invalide/).waitFor();
    await amount.fill('1,00');
    await expect.poll(() => dialog.getByText(/Montant reçu invalide/).count()).toBe(0);
    // The payer's select shows its whole choice (not cut) at 1280 px.
    await dialog.getByLabel('Payé par').waitFor();
    // The payer's select (the dialog's first) is wide enough for its chosen option's whole text.
    const fits = await page.evaluate<boolean>(`(() => {
      const s = document.querySelector('dialog[open] select');
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(s).font;
      probe.style.position = 'absolute';
      probe.textContent = s.options[s.selectedIndex].text;
      document.body.append(probe);
      const need = probe.getBoundingClientRect().width;
      probe.remove();
      return need + 30 <= s.getBoundingClientRect().width;
    })()`);
    expect(fits).toBe(true);
    await screenshot(page, '19-paiement-1280');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});
