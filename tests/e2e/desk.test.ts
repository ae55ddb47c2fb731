/**
 * Issue #9 end to end, by role and French label only: first run on an empty folder → setup → patient
 * with NIA 8… and AME rights → Facturer → acts typed with the keyboard alone → Imprimer → AME feuille
 * without the AME prompt; the same without rights on file → the prompt; a kiné and a nurse each bill
 * under their own name without choosing again on each screen. Screenshots at 1366×768 and 1024×768.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { computeNirKey, formatNir } from '../../core/domain/nir.ts';
import { focusedLabel as focusedLabelOf, focusedText as focusedTextOf, frDate, isoToday, openApp, openMenu, shotsAtDeskSizes, type App } from './harness.ts';
import { apiCall, imprimer, latestPdfText, printPreview } from './helpers-billing.ts';

let app: App;
let page: Page;
const nia = (body: string) => body + computeNirKey(body)!;
const yesterday = frDate(isoToday(-1));

/** What the desk user does, counted: clicks (and shortcuts, Enter on a button) and fields typed. */
const effort = { clicks: 0, fields: 0, screens: new Set<string>() };
const click = async (locator: ReturnType<Page['getByRole']>) => {
  effort.clicks++;
  await locator.click();
};
const fill = async (locator: ReturnType<Page['getByLabel']>, value: string) => {
  effort.fields++;
  await locator.fill(value);
};
const press = async (key: string) => {
  effort.clicks++;
  await page.keyboard.press(key);
};
const screen = async (name: string) => {
  effort.screens.add(name);
};

const focusedLabel = () => focusedLabelOf(page);
/** What Enter will add from the act picker of visit n (its hint, read by screen readers too). */
const highlighted = (n: number) => page.getByRole('group', { name: `Visite ${n}` }).locator(`#picker-${n}-hint`).textContent();
const focusedText = () => focusedTextOf(page);

const shots = (name: string) => shotsAtDeskSizes(page, `9-${name}`);

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.close();
});

describe('first run and the first AME invoice, keyboard-first', () => {
  it('an empty folder opens on the setup, then lands on Patients with the AME guide', async () => {
    await page.getByRole('heading', { name: 'Bienvenue dans Feuillet' }).waitFor();
    await shots('setup');
    const form = page.getByRole('form', { name: 'Praticien' });
    await form.getByLabel('Profession').selectOption({ label: 'Infirmier·ère' });
    await form.getByLabel('Nom', { exact: true }).fill('Martin');
    await form.getByLabel('Prénom', { exact: true }).fill('Claire');
    // Typed as printed on the card: spaces are accepted (issue #9, item 6).
    await form.getByLabel('N° de facturation (AM)').fill('75 6 12345 6');
    await form.getByLabel('Adresse du cabinet').fill('3 place du Marché');
    await form.getByLabel('Code postal').fill('75011');
    await form.getByLabel('Ville').fill('Paris');
    await form.getByRole('button', { name: 'Enregistrer le praticien' }).click();
    await page.getByText(/Praticien enregistré\. Pour une facture AME/).waitFor();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    expect((await apiCall(app, 'practitioners/list', {}))[0]!.amNumber).toBe('756123456');
    // Shown once: the footer carries the SESAM-Vitale notice, Réglages no longer repeats it.
    await shots('patients-guide');
    // The first-run guide is said once: gone after moving on (issue #19 item 14).
    await openMenu(page, 'Réglages');
    await openMenu(page, 'Patients');
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    expect(await page.getByText(/Praticien enregistré\. Pour une facture AME/).count()).toBe(0);
  });

  it('patient with NIA 8… and AME rights → Facturer → acts by keyboard → Imprimer: AME feuille, no AME prompt', async () => {
    // Nouveau patient by its shortcut.
    await screen('Patients');
    await press('Alt+KeyN');
    await screen('Nouveau patient');
    await fill(page.getByLabel('Nom de naissance'), 'Diallo');
    await fill(page.getByLabel('Prénom', { exact: true }), 'Aminata');
    await fill(page.getByLabel('Date de naissance', { exact: true }), '14/05/1988');
    effort.fields++;
    await page.getByLabel('Sexe').selectOption({ label: 'Femme' });
    await fill(page.getByLabel('NIR ou NIA'), formatNir(nia('8850599123456')));
    await fill(page.getByLabel('Caisse', { exact: true }), '751');
    await click(page.getByRole('button', { name: 'Enregistrer' }));
    await page.getByRole('heading', { name: /DIALLO Aminata/ }).waitFor();
    await screen('Dossier patient');
    await click(page.getByRole('tab', { name: 'Complémentaire' }));
    await click(page.getByRole('button', { name: 'Choisir' }));
    await click(page.getByRole('dialog', { name: 'Choisir un organisme complémentaire' }).getByRole('button', { name: /AME \(0075500017\)/ }));
    const dates = page.getByRole('dialog', { name: 'Droits AME' });
    await fill(dates.getByLabel('Début des droits'), frDate(isoToday(-30)));
    await click(dates.getByRole('button', { name: 'OK' }));
    await expect.poll(() => page.getByRole('table', { name: 'Couvertures' }).textContent()).toContain('0075500017');

    // Facturer by its shortcut from the patient's file: that patient is already chosen (issue #19 item 8), Enter creates.
    await press('Alt+KeyF');
    await screen('Facturer');
    await page.getByText(/Patient : DIALLO Aminata/).waitFor();
    await shots('facturer');
    await expect.poll(() => focusedText()).toBe('Créer la facture');
    await press('Enter');
    await screen('Facture');
    await page.getByRole('heading', { name: /Nouvelle facture/ }).waitFor();
    // Focus is in visit 1's act search (the visit starts today). A home visit: Shift+Tab to the place,
    // ↓ picks « À domicile »; Tab past the distance (none: no IK) and the household rank, back to the search.
    await expect.poll(() => focusedLabel()).toBe('Rechercher un acte (visite 1)');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedLabel()).toBe('Lieu de la visite 1');
    effort.fields++;
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Lieu de la visite 1').inputValue()).toBe('domicile');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Distance aller en km (visite 1)');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Rechercher un acte (visite 1)');
    // The act typed as a nurse says it: Enter adds the highlighted result, the cursor stays for the next act.
    effort.fields++;
    await page.keyboard.type('prise de sang');
    await expect.poll(() => highlighted(1)).toMatch(/^Entrée : ajouter AMI 1,5 – Prélèvement/);
    await shots('actes-recherche');
    await expect.poll(() => focusedLabel()).toBe('Rechercher un acte (visite 1)');
    await press('Enter');
    const acts = page.getByRole('table', { name: 'Actes de la visite 1' });
    await expect.poll(() => acts.getByRole('row').count()).toBe(2);
    expect(await page.getByLabel('Code 1.1').inputValue()).toBe('AMI');
    expect(await page.getByLabel('Coefficient 1.1').inputValue()).toBe('1,5');
    expect(await focusedLabel()).toBe('Rechercher un acte (visite 1)');
    expect(await page.getByLabel('Rechercher un acte (visite 1)').inputValue()).toBe('');
    // Live cotation: the act, its MAU (single AMI 1,5, NGAP art. 23.1 of the CPAM guide) and the IFD of a home visit.
    const live = page.getByRole('table', { name: 'Cotation de la visite 1' });
    await expect.poll(async () => (await live.textContent()) ?? '').toMatch(/AMI 1,5.*4,73\s€.*MAU.*IFD.*2,75\s€/);
    await shots('actes-clavier');
    // Enter in the empty search saves the visits; the cursor is still there afterwards.
    await press('Enter');
    await page.getByRole('tab', { name: 'Actes (3)' }).waitFor();
    expect(await focusedLabel()).toBe('Rechercher un acte (visite 1)');

    // Facture tab (arrow keys on the tabs): AME by default, said in one sentence.
    await page.getByRole('tab', { name: 'Actes (3)' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.getByText("Facture mise en forme AME d'office").waitFor();
    expect(await page.getByRole('button', { name: "Aide médicale d'État" }).getAttribute('aria-pressed')).toBe('true');
    await shots('facture-ame-office');

    // Imprimer by its shortcut: first the preview of what will be printed, Imprimer focused (Enter goes on).
    await press('Alt+KeyI');
    const preview = printPreview(page);
    await preview.getByRole('table', { name: 'Actes à imprimer' }).waitFor();
    await expect.poll(focusedText).toBe('Imprimer');
    expect(await preview.getByRole('note', { name: 'Mise en forme AME' }).textContent()).toMatch(/part obligatoire 0 % et part complémentaire 100 % \(AME 0075500017\)/);
    expect(await preview.getByRole('table', { name: 'Montants à imprimer' }).textContent()).toMatch(/Reste à payer par le patient0,00\s€/);
    await shots('apercu-impression');
    await press('Enter');
    // No prescription → the warning (not the AME prompt).
    const warning = page.getByRole('alertdialog', { name: 'Facture sans prescription' });
    await warning.waitFor();
    // The safer answer has the focus: Enter attaches a prescription.
    await expect.poll(focusedText).toBe('Joindre une prescription');
    await shots('sans-prescription');
    await click(warning.getByRole('button', { name: 'Imprimer sans prescription' }));
    await page.getByText(/Facture n° 1 validée/).waitFor();
    expect(await page.getByRole('alertdialog', { name: "Aide médicale de l'État" }).count()).toBe(0);
    const pdf = latestPdfText(app);
    expect(pdf).toContain('AME — 0075500017');
    // AMI 1,5 (4,73 €) + MAU (1,35 €, single AMI 1,5: CPAM guide art. 23.1) + IFD (2,75 €) = 8,83 €, all paid by
    // the AME (NGAP tariffs, BILLING-RULES.md §4 and §9).
    expect(pdf).toMatch(/Part complémentaire \(100 %\)\s+8,83\s€/);
    expect(pdf).toMatch(/Reste à payer par le patient\s+0,00\s€/);
    console.log(`[issue 9] first AME invoice after setup: ${effort.screens.size} screens, ${effort.clicks} clicks/keys, ${effort.fields} fields`);
  });

  it('a prescription for a patient with AME rights on file has its AME box ticked; Réglages shows the notice once', async () => {
    await openMenu(page, 'Patients');
    await page.getByLabel('Rechercher un patient').fill('diallo');
    await page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: /Diallo/i }).click();
    await page.getByRole('tab', { name: 'Prescriptions' }).click();
    await page.getByRole('button', { name: 'Nouvelle prescription' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle prescription' });
    await expect.poll(() => dialog.getByLabel('aide médicale de base - AME').isChecked()).toBe(true);
    await dialog.getByText(/cochée d'office : droits AME enregistrés/).waitFor();
    await shots('prescription-ame-cochee');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await openMenu(page, 'Réglages');
    await page.getByRole('heading', { name: 'Praticiens' }).waitFor();
    expect(await page.getByText('ne télétransmet pas').count()).toBe(1);
    await shots('reglages');
  });

  it('the same kind of patient without rights on file gets the « susceptible de bénéficier » prompt', async () => {
    await apiCall(app, 'patients/create', { lastName: 'Sow', firstName: 'Awa', birthDate: '1990-03-14', sex: 'F', nir: nia('8900399123456'), regime: '01', caisse: '751' });
    await openMenu(page, 'Facturer');
    await page.getByLabel('Patient à facturer').fill('14031990'); // birth date without separators
    await page.getByRole('list', { name: 'Patients trouvés' }).getByRole('button', { name: /SOW Awa/ }).click();
    await page.getByRole('button', { name: 'Créer la facture' }).click();
    // Yesterday's visit, typed with the keyboard alone: Shift+Tab ×3 back to the date, Tab ×3 to the search;
    // « AMI 1 » finds several acts: ↓ and ↑ move the highlight, Enter adds, Enter again saves.
    await expect.poll(() => focusedLabel()).toBe('Rechercher un acte (visite 1)');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedLabel()).toBe('Date de la visite 1');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(yesterday);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    // Escape closes the results (and empties the search) without leaving the field.
    await page.keyboard.type('pansement');
    const found = page.getByRole('list', { name: 'Actes trouvés (visite 1)' });
    await found.waitFor();
    await page.keyboard.press('Escape');
    await found.waitFor({ state: 'detached' });
    expect(await focusedLabel()).toBe('Rechercher un acte (visite 1)');
    await page.keyboard.type('AMI 1');
    await expect.poll(() => highlighted(1)).toMatch(/^Entrée : ajouter AMI/);
    const first = await highlighted(1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => highlighted(1)).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => highlighted(1)).toBe(first);
    const picked = /ajouter (AMI [\d,]+) –/.exec(first ?? '')![1]!;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Code 1.1').count()).toBe(1);
    expect(`AMI ${await page.getByLabel('Coefficient 1.1').inputValue()}`).toBe(picked);
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: /^Actes \([1-9]\)$/ }).waitFor();
    expect(await page.getByLabel('Date de la visite 1').inputValue()).toBe(yesterday); // as saved by the server
    await imprimer(page);
    const prompt = page.getByRole('alertdialog', { name: "Aide médicale de l'État" });
    await prompt.getByText("susceptible de bénéficier de l'AME").waitFor();
    await prompt.getByRole('button', { name: 'Non' }).click();
    await page.getByText(/Facture n° 2 validée/).waitFor();
  });

  it('« Saisie libre des lignes » keeps its keyboard path: first date, Tab to the code, « Ajouter un acte » into the new row, Enter saves', async () => {
    await openMenu(page, 'Facturer');
    await page.getByLabel('Patient à facturer').fill('Sow');
    await page.getByRole('list', { name: 'Patients trouvés' }).getByRole('button', { name: /SOW Awa/ }).click();
    await page.getByRole('button', { name: 'Créer la facture' }).click();
    await expect.poll(() => focusedLabel()).toBe('Rechercher un acte (visite 1)');
    await page.getByRole('button', { name: /Saisie libre des lignes/ }).click();
    await expect.poll(() => focusedLabel()).toBe("Date de l'acte 1");
    await page.keyboard.type(yesterday);
    await page.keyboard.press('Tab');
    await page.keyboard.type('AMI');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Actes (1)' }).waitFor();
    await page.getByRole('button', { name: 'Ajouter un acte' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel()).toBe('Code 2');
    await page.keyboard.type('IFD');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Actes (2)' }).waitFor();
    await shots('saisie-libre-clavier');
    await page.getByRole('button', { name: 'Supprimer le brouillon' }).click();
    await page.getByRole('alertdialog', { name: 'Supprimer le brouillon ?' }).getByRole('button', { name: 'Supprimer', exact: true }).click();
    await page.getByRole('heading', { name: /SOW Awa/ }).waitFor();
  });

  it('« Supprimer le brouillon » asks first', async () => {
    await openMenu(page, 'Facturer');
    await page.getByLabel('Patient à facturer').fill('Sow');
    await page.getByRole('list', { name: 'Patients trouvés' }).getByRole('button', { name: /SOW Awa/ }).click();
    await page.getByRole('button', { name: 'Créer la facture' }).click();
    await page.getByRole('heading', { name: /Nouvelle facture/ }).waitFor();
    await page.getByRole('button', { name: 'Supprimer le brouillon' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Supprimer le brouillon ?' });
    await expect.poll(focusedText).toBe('Garder le brouillon');
    await page.keyboard.press('Escape'); // Escape keeps it too
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Supprimer le brouillon' }).click();
    await shots('supprimer-brouillon');
    const drafts = async () => (await apiCall(app, 'invoices/list', { status: 'draft' })).length;
    const before = await drafts();
    await dialog.getByRole('button', { name: 'Garder le brouillon' }).click();
    expect(await drafts()).toBe(before);
    await page.getByRole('button', { name: 'Supprimer le brouillon' }).click();
    await page.getByRole('alertdialog', { name: 'Supprimer le brouillon ?' }).getByRole('button', { name: 'Supprimer', exact: true }).click();
    await expect.poll(drafts).toBe(before - 1);
  });
});

describe('a nurse and a kiné on one practice', () => {
  it('each bills under their own name, chosen once in the header, kept across screens and reloads', async () => {
    await apiCall(app, 'practitioners/create', {
      profession: 'masseur-kinesitherapeute',
      lastName: 'Bernard',
      firstName: 'Hugo',
      amNumber: '759876543',
      addressLine: '3 place du Marché',
      postalCode: '75011',
      city: 'Paris',
    });
    await openMenu(page, 'Patients');
    // The header turns into a choice once the list of practitioners is reloaded (it may still show the single name).
    const current = page.getByRole('combobox', { name: 'Praticien en cours' });
    await current.selectOption({ label: 'Hugo Bernard — Masseur-kinésithérapeute' });
    await shots('praticien-en-cours');
    // Facturer under the kiné: AMK accepted.
    await openMenu(page, 'Facturer');
    await page.getByText(/Praticien : Hugo Bernard/).waitFor();
    await page.getByLabel('Patient à facturer').fill('1990');
    await page.getByRole('list', { name: 'Patients trouvés' }).getByRole('button', { name: /SOW Awa/ }).click();
    await page.getByRole('button', { name: 'Créer la facture' }).click();
    // A code typed directly (« Saisir un code »): the cursor goes into it; Enter in the coefficient saves.
    await page.getByLabel('Date de la visite 1').fill(yesterday);
    await page.getByRole('button', { name: 'Saisir un code (visite 1)' }).click();
    await expect.poll(() => focusedLabel()).toBe('Code 1.1');
    await page.keyboard.type('AMK');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8,1');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Actes (1)' }).waitFor();
    await shots('actes-kine');
    // The draft can change hands: to the nurse, AMK is refused and named; back to the kiné.
    await page.getByRole('tab', { name: 'Facture', exact: true }).click();
    await page.getByLabel('Praticien de la facture').selectOption({ label: 'Claire Martin — Infirmier·ère' });
    await page.getByText(/Praticien non changé/).waitFor();
    await shots('praticien-brouillon');

    // The choice survives a reload (kept by this workstation's browser), and Suivi follows it.
    await page.reload();
    await expect.poll(() => page.getByLabel('Praticien en cours').inputValue()).not.toBe('');
    await openMenu(page, 'Suivi');
    await page.getByText(/Praticien : Hugo Bernard/).waitFor();
    // Back to the nurse: Factures shows who billed what (two « N° 1 » side by side).
    await page.getByLabel('Praticien en cours').selectOption({ label: 'Claire Martin — Infirmier·ère' });
    await openMenu(page, 'Facturer');
    await page.getByText(/Praticien : Claire Martin/).waitFor();
    await openMenu(page, 'Factures');
    const table = page.getByRole('table', { name: 'Factures' });
    await table.getByRole('row', { name: /Hugo Bernard/ }).first().waitFor();
    await table.getByRole('row', { name: /^1 Claire Martin/ }).waitFor();
    await shots('factures-praticien');
  });

  it('records the patient’s own share and shows payer and practitioner in Recettes', async () => {
    await openMenu(page, 'Factures');
    await page.getByRole('table', { name: 'Factures' }).getByRole('row', { name: /^2 Claire Martin/ }).click();
    await page.getByRole('tab', { name: 'Suivi' }).click();
    await page.getByText('À encaisser (patient)').first().waitFor();
    await page.getByRole('button', { name: 'Enregistrer un paiement' }).click();
    const dialog = page.getByRole('dialog', { name: /Paiement reçu/ });
    expect(await dialog.getByLabel('Payé par').inputValue()).toBe('patient');
    await shots('paiement-patient');
    await dialog.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await page.getByText('Paiement enregistré.').waitFor();
    await page.getByText('Réglée').first().waitFor();
    await shots('suivi-facture-patient');
    await openMenu(page, 'Suivi');
    await page.getByRole('tab', { name: 'Recettes' }).click();
    const recettes = page.getByRole('table', { name: 'Recettes' });
    await recettes.getByRole('row', { name: /Claire Martin.*Patient/ }).waitFor();
    await shots('recettes');
  });
});
