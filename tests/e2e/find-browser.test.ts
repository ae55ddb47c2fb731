import { describe, expect, it, vi } from 'vitest';
import { findBrowser, installedCandidates, NO_BROWSER_MESSAGE, type BrowserSearch } from './find-browser.ts';

const npm = { executablePath: '/tmp/chromium', fontsConf: '/tmp/feuillet-fontconfig/fonts.conf' };
const search = (over: Partial<BrowserSearch> & { files?: string[] }): BrowserSearch => {
  const files = new Set(over.files ?? []);
  return {
    platform: 'linux',
    arch: 'x64',
    env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
    exists: (p) => files.has(p),
    npmChromium: vi.fn(async () => npm),
    ...over,
  };
};

describe('browser discovery for the e2e tests', () => {
  it('takes CHROMIUM_PATH first, even with a browser installed', async () => {
    const s = search({ env: { CHROMIUM_PATH: '/opt/my/chrome', PATH: '/usr/bin' }, files: ['/opt/my/chrome', '/usr/bin/chromium'] });
    await expect(findBrowser(s)).resolves.toEqual({ executablePath: '/opt/my/chrome', source: 'CHROMIUM_PATH' });
  });

  it('refuses a CHROMIUM_PATH that does not exist instead of quietly using another browser', async () => {
    const s = search({ env: { CHROMIUM_PATH: '/nope/chrome', PATH: '/usr/bin' }, files: ['/usr/bin/chromium'] });
    await expect(findBrowser(s)).rejects.toThrow(/CHROMIUM_PATH=\/nope\/chrome : fichier introuvable/);
  });

  it('then an installed Chromium or Chrome on the Linux PATH, Chromium first', async () => {
    const s = search({ files: ['/usr/bin/google-chrome', '/usr/bin/chromium'] });
    await expect(findBrowser(s)).resolves.toEqual({ executablePath: '/usr/bin/chromium', source: 'installed' });
    expect(s.npmChromium).not.toHaveBeenCalled();
  });

  it('knows the macOS and Windows install locations', () => {
    expect(installedCandidates('darwin', { HOME: '/Users/ana' })).toEqual(
      expect.arrayContaining(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium']),
    );
    const win = installedCandidates('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' });
    expect(win).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(win).toContain('C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(win).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
  });

  it('falls back to the npm-shipped Chromium on Linux x64, with its own fonts where the machine has none', async () => {
    await expect(findBrowser(search({ files: ['/etc/fonts/fonts.conf'] }))).resolves.toEqual({ executablePath: '/tmp/chromium', source: 'npm' });
    await expect(findBrowser(search({}))).resolves.toEqual({ executablePath: '/tmp/chromium', source: 'npm', env: { FONTCONFIG_FILE: '/tmp/feuillet-fontconfig/fonts.conf' } });
  });

  it('fails with one line saying what to install when nothing is found (never a silent skip)', async () => {
    const mac = search({ platform: 'darwin', arch: 'arm64', env: { HOME: '/Users/ana' } });
    await expect(findBrowser(mac)).rejects.toThrow(NO_BROWSER_MESSAGE);
    expect(mac.npmChromium).not.toHaveBeenCalled();
    const broken = search({ npmChromium: async () => Promise.reject(new Error('EACCES /tmp/chromium')) });
    await expect(findBrowser(broken)).rejects.toThrow(/installez Google Chrome ou Chromium.*EACCES/);
    expect(NO_BROWSER_MESSAGE).not.toContain('\n');
  });
});
