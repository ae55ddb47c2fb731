/**
 * Which Chromium the e2e tests drive, in this order: CHROMIUM_PATH; a Chrome/Chromium/Edge installed on
 * the computer (Linux: on the PATH; macOS: /Applications; Windows: Program Files / LocalAppData); the one
 * the npm package `@sparticuz/chromium` ships (Linux x64 only, unpacked to the temp folder on first use).
 * None → one line saying what to install; the e2e project then fails, it never skips.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface FoundBrowser {
  executablePath: string;
  source: 'CHROMIUM_PATH' | 'installed' | 'npm';
  /** Extra environment for the browser process (the npm build's own fonts on a machine without any). */
  env?: Record<string, string>;
}

export interface BrowserSearch {
  platform: NodeJS.Platform;
  arch: string;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  /** Unpacks the npm-shipped Chromium; its path and a fontconfig file naming its fonts (Linux x64 only). */
  npmChromium: () => Promise<{ executablePath: string; fontsConf: string }>;
}

export const NO_BROWSER_MESSAGE =
  "Aucun navigateur Chromium pour les tests e2e / No Chromium for the e2e tests: installez Google Chrome ou Chromium, ou donnez son chemin dans CHROMIUM_PATH (install Google Chrome or Chromium, or set CHROMIUM_PATH); sur Linux x64, `npm install` fournit @sparticuz/chromium (on Linux x64 `npm install` brings @sparticuz/chromium).";

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

/** Installed browsers to try, most likely first. */
export function installedCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const roots = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => `${root}/${app}`));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((r): r is string => !!r);
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return roots.flatMap((root) => exes.map((exe) => `${root.replace(/\\$/, '')}\\${exe}`));
  }
  // Linux and the other Unixes: whatever the PATH offers (Debian's /usr/bin/chromium, snap, Google's packages).
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return LINUX_NAMES.flatMap((name) => dirs.map((dir) => join(dir, name)));
}

export async function findBrowser(search: BrowserSearch): Promise<FoundBrowser> {
  const fromEnv = search.env.CHROMIUM_PATH;
  if (fromEnv) {
    // An explicit choice is never silently replaced by another browser.
    if (!search.exists(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} : fichier introuvable / file not found. ${NO_BROWSER_MESSAGE}`);
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  }
  const installed = installedCandidates(search.platform, search.env).find((p) => search.exists(p));
  if (installed) return { executablePath: installed, source: 'installed' };
  if (search.platform === 'linux' && search.arch === 'x64') {
    let npm: { executablePath: string; fontsConf: string };
    try {
      npm = await search.npmChromium();
    } catch (err) {
      throw new Error(`${NO_BROWSER_MESSAGE} (@sparticuz/chromium : ${err instanceof Error ? err.message : String(err)})`);
    }
    // A machine with no fontconfig setup at all (a bare container) still lays out text with the npm build's fonts.
    const env = search.exists('/etc/fonts/fonts.conf') ? undefined : { FONTCONFIG_FILE: npm.fontsConf };
    return { executablePath: npm.executablePath, source: 'npm', ...(env ? { env } : {}) };
  }
  throw new Error(NO_BROWSER_MESSAGE);
}

/** The real computer's search. */
export const systemSearch = (): BrowserSearch => ({
  platform: process.platform,
  arch: process.arch,
  env: process.env,
  exists: existsSync,
  npmChromium: async () => {
    const { default: Chromium } = await import('@sparticuz/chromium');
    const executablePath = await Chromium.executablePath();
    // It unpacks its fonts beside the binary (its own fonts.conf assumes /tmp): name that folder ourselves.
    const dir = join(tmpdir(), 'feuillet-fontconfig');
    mkdirSync(dir, { recursive: true });
    const fontsConf = join(dir, 'fonts.conf');
    const fonts = join(executablePath, '..', 'fonts');
    writeFileSync(
      fontsConf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${fonts}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
    );
    return { executablePath, fontsConf };
  },
});
