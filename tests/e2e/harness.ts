/**
 * E2E harness: runs the BUILT browser-mode server (out/bridge/cli.mjs, as `npm start` does) on a
 * temporary data folder and drives a Chromium with playwright-core — CHROMIUM_PATH, else an installed
 * Chrome/Chromium, else the npm-shipped one (find-browser.ts). `npm test` builds first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findBrowser, installedCandidates, systemSearch, type FoundBrowser } from './find-browser.ts';
export { NO_BROWSER_MESSAGE } from './find-browser.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'out', 'bridge', 'cli.mjs');
/** CHROMIUM_PATH or the installed browser found at load time; '' when only the npm one is left (see browser()). */
export const CHROMIUM: string =
  process.env.CHROMIUM_PATH ?? installedCandidates(process.platform, process.env).find((p) => existsSync(p)) ?? '';

let found: Promise<FoundBrowser> | null = null;
/** The browser the tests drive, looked up once per test file (throws the one-line « what to install » message). */
export function browser(): Promise<FoundBrowser> {
  found ??= findBrowser(systemSearch());
  return found;
}
export const SCREENSHOTS_DIR = join(ROOT, 'test-results', 'screenshots');

export interface RunningServer {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the server; resolves once it printed its URL (token included). */
export function startServer(dataDir: string): Promise<RunningServer> {
  if (!existsSync(CLI)) throw new Error('out/bridge/cli.mjs is missing: run `npm run build` first');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI], {
      env: { ...process.env, FEUILLET_DATA_DIR: dataDir, FEUILLET_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const url = m[1]!;
        resolve({
          url,
          origin: new URL(url).origin,
          dataDir,
          process: child,
          stop: () =>
            new Promise<void>((r) => {
              if (child.exitCode !== null) return r();
              child.once('exit', () => r());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, env } = await browser();
  return chromium.launch({
    executablePath,
    headless: true,
    ...(env ? { env: { ...process.env, ...env } } : {}),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface App {
  page: Page;
  /** URLs of the tabs the app opened (printed PDFs in browser mode); each tab is closed at once. */
  openedUrls: string[];
  server: RunningServer;
  browser: Browser;
  dataDir: string;
  /** Stops the server and starts it again on the same data folder; reloads the page. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A fresh app on an empty data folder, page open at the token URL. */
export async function openApp(opts: { dataDir?: string } = {}): Promise<App> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'feuillet-e2e-'));
  const browser = await launchBrowser();
  let server = await startServer(dataDir);
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  const openedUrls: string[] = [];
  const page = await context.newPage();
  // A PDF tab in front would background the app tab (Chromium then throttles it): note it and close it.
  // A tab's address is its first navigation request, issued before the tab has a frame (Playwright's
  // request.frame() then throws): a headless-only Chromium (the npm one) downloads a PDF instead of
  // showing it, so the tab itself never shows the address.
  context.on('request', (request) => {
    if (!request.isNavigationRequest() || !/^https?:/.test(request.url())) return;
    try {
      request.frame();
    } catch {
      openedUrls.push(request.url());
    }
  });
  context.on('page', (popup) => {
    void popup.waitForURL((u) => u.href !== 'about:blank', { timeout: 5_000 }).catch(() => undefined).finally(() => void popup.close());
  });
  page.on('pageerror', (err) => console.error('[page error]', err));
  await page.goto(server.url);
  const app: App = {
    page,
    openedUrls,
    get server() {
      return server;
    },
    browser,
    dataDir,
    async restart() {
      await server.stop();
      server = await startServer(dataDir);
      await page.goto(server.url);
    },
    async close() {
      await browser.close();
      await server.stop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

/** Saves a full-page screenshot under test-results/screenshots/<name>.png (looked at by people). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Today's date at the desk in ISO and jj/mm/aaaa, plus helpers for relative dates. */
export function isoToday(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
export const frDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Clicks an entry of the main menu (other buttons, e.g. on the patient file, share these names). */
export const openMenu = (page: Page, name: string): Promise<void> =>
  page.getByRole('navigation', { name: 'Menu principal' }).getByRole('button', { name }).click();

/** Both screen sizes the desk uses (1366×768, 1024×768): one screenshot each, then back to 1366×768. */
export async function shotsAtDeskSizes(page: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1366, 768],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `${name}-${w}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** The focused element's label (its aria-label, else its <label>'s text), read in the page. */
export const focusedLabel = (page: Page) =>
  page.evaluate<string | null>(
    '(() => { const e = document.activeElement; return e && (e.getAttribute("aria-label") ?? (e.labels && e.labels[0] ? e.labels[0].textContent : null)); })()',
  );
/** The focused element's text. */
export const focusedText = (page: Page) => page.evaluate<string | null>('document.activeElement && document.activeElement.textContent');
