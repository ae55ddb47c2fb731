/**
 * The desktop menu's actions, carried out by the real renderer: the page runs with a stand-in for the
 * Electron preload (window.feuillet: invoke over the HTTP bridge + onShellAction), and the test plays
 * the menu by calling the listener the page registered — what main's webContents.send does in Electron.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { aboutContent } from '../../electron/main/about.ts';
import { frDate, isoToday, openApp, screenshot, type App } from './harness.ts';
import { imprimer, nirOf, seedPatient, seedPractitioner } from './helpers-billing.ts';

let app: App;
let page: Page;

/** The preload's API as the page sees it in Electron, over the bridge; `__menu(action)` plays a menu click. */
const FAKE_PRELOAD = `(() => {
  const token = new URL(location.href).searchParams.get('token') ?? '';
  const listeners = new Set();
  window.feuillet = {
    invoke: (method, input) =>
      fetch('/api/' + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-feuillet-token': token },
        body: JSON.stringify(input ?? {}),
      }).then((r) => r.json()),
    onShellAction(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  window.__menu = (action) => listeners.forEach((l) => l(action));
})();`;

const menu = (action: string) => page.evaluate(`window.__menu(${JSON.stringify(action)})`);
const current = () => page.getByRole('navigation', { name: 'Menu principal' }).locator('[aria-current="page"]');
/** A menu button by its accessible name: the visible shortcut hint is aria-hidden, announced through aria-keyshortcuts. */
const navButton = (name: string) => page.getByRole('navigation', { name: 'Menu principal' }).getByRole('button', { name, exact: true });

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  await page.context().addInitScript({ content: FAKE_PRELOAD });
  await page.goto(app.server.url);
  await seedPractitioner(app);
});
afterAll(async () => {
  await app?.close();
});

describe('application menu actions in the page (Electron preload stand-in)', () => {
  it('Fichier → Facturer and Nouveau patient open their screens', async () => {
    await menu('facturer');
    await expect.poll(() => navButton('Facturer').getAttribute('aria-current')).toBe('page');
    expect(await navButton('Facturer').getAttribute('aria-keyshortcuts')).toBe('Alt+F');
    await menu('nouveau-patient');
    await page.getByRole('heading', { name: 'Nouveau patient' }).waitFor();
  });

  it('Édition → Rechercher goes to the patients and puts the cursor in the search field', async () => {
    await menu('facturer');
    await menu('rechercher');
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('patient-search');
    expect(await current().textContent()).toBe('Patients');
  });

  it('Imprimer says so when the screen has nothing to print', async () => {
    await menu('imprimer');
    await page.getByRole('status').filter({ hasText: 'Rien à imprimer sur cet écran' }).waitFor();
    await screenshot(page, '60-menu-rien-a-imprimer');
  });

  it('Imprimer on an invoice presses its Imprimer button: the invoice is validated and printed', async () => {
    await seedPatient(app, 'Menuprint', nirOf('1850599123456'));
    await menu('facturer');
    await page.getByLabel('Patient à facturer').fill('Menuprint');
    await page.getByRole('list', { name: 'Patients trouvés' }).getByRole('button').first().click();
    await page.getByRole('button', { name: 'Créer la facture' }).click();
    await page.getByRole('heading', { name: /Nouvelle facture/ }).waitFor();
    await page.getByRole('tab', { name: /Actes/ }).click();
    await page.getByLabel('Date de la visite 1').fill(frDate(isoToday(-1)));
    await page.getByLabel('Rechercher un acte (visite 1)').fill('prise de sang');
    await page.getByRole('button', { name: /^Ajouter AMI 1,5 – Prélèvement/ }).click();
    await page.getByRole('button', { name: 'Enregistrer les visites' }).click();
    await page.getByRole('tab', { name: /^Actes \([1-9]\)$/ }).waitFor();
    await page.getByRole('tab', { name: 'Facture' }).click();
    await menu('imprimer');
    // The menu pressed Imprimer: the preview first, then (no prescription) the desk's warning.
    await imprimer(page, { pressed: true });
    await page.getByText(/Facture n° \d+ validée/).waitFor();
    await expect.poll(() => readdirSync(join(app.dataDir, 'documents')).filter((f) => f.startsWith('facture-')).length).toBe(1);
  });

  it('Fichier → Sauvegarder maintenant makes a checked backup and says so', async () => {
    const folder = join(app.dataDir, 'sauvegardes');
    const before = existsSync(folder) ? readdirSync(folder).length : 0;
    await menu('sauvegarder');
    const status = page.getByRole('status').filter({ hasText: 'Sauvegarde faite et vérifiée' });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/1 patient, 1 facture/);
    expect(readdirSync(folder).length).toBe(before + 1);
    await screenshot(page, '61-menu-sauvegarde');
    await page.getByRole('button', { name: 'Fermer le message' }).click();
    await expect.poll(() => status.count()).toBe(0);
  });
});

describe('« À propos de Feuillet »', () => {
  it('is rendered as the message box shows it (screenshot looked at by people)', async () => {
    const about = aboutContent({ version: '0.1.0', dataDir: '/home/ana/.config/Feuillet', versions: { electron: '45.4.1', chrome: '142.0.7444.59', node: '22.20.0' } });
    const p = await app.browser.newPage({ viewport: { width: 560, height: 420 }, locale: 'fr-FR' });
    const esc = (s: string) => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
    await p.setContent(`<!doctype html><html lang="fr"><body style="margin:0;font:14px system-ui,sans-serif;background:#e9ecef">
      <div role="dialog" aria-label="${esc(about.title)}" style="margin:16px;background:#fff;border:1px solid #adb5bd;border-radius:6px;box-shadow:0 4px 16px #0003">
        <div style="padding:8px 12px;border-bottom:1px solid #dee2e6;background:#f1f3f5;font-weight:600">${esc(about.title)}</div>
        <div style="display:flex;gap:14px;padding:16px">
          <div aria-hidden="true" style="flex:none;width:40px;height:40px;border-radius:50%;background:#1d5f8a;color:#fff;display:grid;place-items:center;font-weight:700">i</div>
          <div><p style="margin:0 0 10px;font-size:16px;font-weight:600">${esc(about.message)}</p><p style="margin:0;white-space:pre-line;color:#343a40">${esc(about.detail)}</p></div>
        </div>
        <div style="text-align:right;padding:0 16px 14px"><button style="padding:4px 22px">OK</button></div>
      </div></body></html>`);
    const dialog = p.getByRole('dialog', { name: 'À propos de Feuillet' });
    expect(await dialog.textContent()).toContain('non certifié SESAM-Vitale');
    await screenshot(p, '62-a-propos');
    await p.close();
  });
});
