import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeNirKey, formatNir } from '../../core/domain/nir.ts';
import { frDate, isoToday, openApp, screenshot, type App } from './harness.ts';
import { nirOf, seedPatient, seedPractitioner } from './helpers-billing.ts';

const NIA = '8850599123456' + computeNirKey('8850599123456');

let app: App;
beforeAll(async () => {
  app = await openApp();
  // An empty data folder opens on the first-run setup (tests/e2e/desk.test.ts goes through it).
  await seedPractitioner(app);
});
afterAll(async () => {
  await app?.close();
});

async function fillIdentity(p: { last: string; first: string; birth: string; sex: 'Femme' | 'Homme'; nir: string }) {
  const { page } = app;
  await page.getByRole('button', { name: 'Patients', exact: true }).click();
  await page.getByRole('button', { name: 'Nouveau patient' }).click();
  await page.getByLabel('Nom de naissance').fill(p.last);
  await page.getByLabel('Prénom', { exact: true }).fill(p.first);
  await page.getByLabel('Date de naissance', { exact: true }).fill(p.birth);
  await page.getByLabel('Sexe').selectOption({ label: p.sex });
  await page.getByLabel('NIR ou NIA').fill(p.nir);
}

describe('patient file created by hand (issue 2)', () => {
  it('creates a patient with an NIA starting with 8, flags AME possible, adds AME rights, survives a restart', async () => {
    const { page } = app;
    await screenshot(page, '01-patients-vide');
    await fillIdentity({ last: 'Diallo', first: 'Aminata', birth: '14/05/1988', sex: 'Femme', nir: formatNir(NIA) });
    await expect.poll(() => page.getByText("susceptible de bénéficier de l'AME").count()).toBeGreaterThan(0);
    await page.getByLabel('Caisse', { exact: true }).fill('751');
    await screenshot(page, '02-nouveau-patient-nia');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: /DIALLO Aminata/ }).waitFor();
    expect(await page.getByRole('heading', { name: /DIALLO Aminata/ }).getByText('AME possible').count()).toBe(1);

    await page.getByRole('tab', { name: 'Complémentaire' }).click();
    await page.getByRole('button', { name: 'Choisir' }).click();
    const picker = page.getByRole('dialog', { name: 'Choisir un organisme complémentaire' });
    await screenshot(page, '03-choisir-organisme');
    await picker.getByRole('button', { name: /AME \(0075500017\)/ }).click();
    const dates = page.getByRole('dialog', { name: 'Droits AME' });
    const start = isoToday(-30);
    await dates.getByLabel('Début des droits').fill(frDate(start));
    const proposedEnd = await dates.getByLabel('Fin des droits').inputValue();
    expect(proposedEnd).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await screenshot(page, '04-droits-ame');
    await dates.getByRole('button', { name: 'OK' }).click();
    const row = page.getByRole('table', { name: 'Couvertures' }).getByRole('row').nth(1);
    await expect.poll(() => row.textContent()).toContain('0075500017');
    expect(await row.textContent()).toContain(frDate(start));
    expect(await row.textContent()).toContain(proposedEnd);
    expect(await row.textContent()).toContain('En cours');
    await screenshot(page, '05-complementaire');

    await app.restart();
    await page.getByLabel('Rechercher un patient').fill('diallo');
    const list = page.getByRole('table', { name: 'Patients' });
    await expect.poll(() => list.getByRole('row').count()).toBe(2);
    expect(await list.textContent()).toContain('AME en cours');
    await page.getByLabel('Rechercher un patient').fill(NIA.slice(0, 5));
    await expect.poll(() => list.textContent()).toContain('Diallo');
    await screenshot(page, '06-liste-patients');
    await list.getByRole('row').nth(1).click();
    await page.getByRole('tab', { name: 'Complémentaire' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Couvertures' }).textContent()).toContain(proposedEnd);
    await page.getByRole('tab', { name: 'Identité' }).click();
    expect(await page.getByLabel('NIR ou NIA').inputValue()).toBe(formatNir(NIA));
    expect(await page.getByLabel('Date de naissance', { exact: true }).inputValue()).toBe('14/05/1988');
  });

  it('shows the French message for a wrong NIR key and saves nothing', async () => {
    const { page } = app;
    await fillIdentity({ last: 'Erreur', first: 'Clé', birth: '01/01/1980', sex: 'Homme', nir: '1 80 01 75 123 456 00' });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const error = page.getByText(/La clé \(00\) ne correspond pas au numéro/).first();
    await error.waitFor();
    await screenshot(page, '07-erreur-cle-nir');
    await page.getByRole('button', { name: 'Patients', exact: true }).click();
    await page.getByLabel('Rechercher un patient').fill('erreur');
    await page.getByText('Aucun patient ne correspond à cette recherche.').waitFor();
  });

  it('refuses an end of rights before its start', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Patients', exact: true }).click();
    await page.getByLabel('Rechercher un patient').fill('diallo');
    await page.getByRole('table', { name: 'Patients' }).getByRole('row').nth(1).click();
    await page.getByRole('tab', { name: 'Complémentaire' }).click();
    await page.getByRole('button', { name: 'Choisir' }).click();
    await page.getByRole('dialog', { name: 'Choisir un organisme complémentaire' }).getByRole('button', { name: /AME \(0075500017\)/ }).click();
    const dates = page.getByRole('dialog', { name: 'Droits AME' });
    await dates.getByLabel('Début des droits').fill('01/06/2026');
    await dates.getByLabel('Fin des droits').fill('31/05/2026');
    await dates.getByRole('button', { name: 'OK' }).click();
    await dates.getByText('La fin des droits ne peut pas précéder leur début.').waitFor();
    await dates.getByRole('button', { name: 'Annuler' }).click();
    expect(await page.getByRole('table', { name: 'Couvertures' }).getByRole('row').count()).toBe(2);
  });

  it('finds names whatever the accents, case and apostrophes', async () => {
    const { page } = app;
    const nir = (body: string) => body + computeNirKey(body);
    await fillIdentity({ last: 'Séverine', first: 'Lucie', birth: '02/02/1970', sex: 'Femme', nir: nir('2700275123456') });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: /SÉVERINE/ }).waitFor();
    await fillIdentity({ last: "N'Diaye", first: 'Moussa', birth: '03/03/1975', sex: 'Homme', nir: nir('1750375123456') });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: /N'DIAYE/ }).waitFor();
    await fillIdentity({ last: 'Le Gall-Martin', first: 'Anne', birth: '04/04/1965', sex: 'Femme', nir: nir('2650475123456') });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: /LE GALL-MARTIN/ }).waitFor();
    await page.getByRole('button', { name: 'Patients', exact: true }).click();
    const list = page.getByRole('table', { name: 'Patients' });
    for (const [query, expected] of [
      ['severine', 'Séverine'],
      ['ndiaye', "N'Diaye"],
      ["n'diaye", "N'Diaye"],
      ['le gall', 'Le Gall-Martin'],
      ['03/03/1975', "N'Diaye"],
    ] as const) {
      await page.getByLabel('Rechercher un patient').fill(query);
      await expect.poll(() => list.textContent(), { timeout: 5000 }).toContain(expected);
    }
  });

  it('lists a name being typed whole words first, and NIR digits in NIR order', async () => {
    const { page } = app;
    const list = page.getByRole('table', { name: 'Patients' });
    const rows = async () => (await list.getByRole('row').allTextContents()).slice(1).map((r) => r.replace(/\s+/g, ' '));
    // « le gall m »: Le Gall-Martin (whole « le », « gall », a word starting « m ») — found through the pairs index.
    await page.getByLabel('Rechercher un patient').fill('le gall m');
    await expect.poll(async () => (await rows()).join('|'), { timeout: 5000 }).toContain('Le Gall-Martin');
    // Digits: the NIRs starting « 2 » in NIR order — Le Gall-Martin (2 65…), Séverine (2 70…), Abadie (2 80…) —
    // not by name (Abadie would come first).
    await seedPatient(app, 'Abadie', nirOf('2800175123456'));
    await page.getByLabel('Rechercher un patient').fill('2');
    await expect.poll(async () => (await rows()).length, { timeout: 5000 }).toBe(3);
    const names = ['Le Gall-Martin', 'Séverine', 'Abadie'];
    expect((await rows()).map((r) => names.find((n) => r.startsWith(n)))).toEqual(names);
    await screenshot(page, '08-recherche-nir');
  });
});
