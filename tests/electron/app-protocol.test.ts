import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, registerAppProtocol, resolveAppFile, serveAppFile } = await import('../../electron/main/app-protocol.ts');
const { fakeProtocol } = await import('./fake-electron.ts');

const root = mkdtempSync(join(tmpdir(), 'feuillet-proto-'));
const renderer = join(root, 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Feuillet</title>');
writeFileSync(join(renderer, 'assets', 'index.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.txt'), 'not for the page');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app protocol feuillet://app/ (instead of file://)', () => {
  it('is registered as a standard, secure scheme that may fetch, without bypassing the CSP', () => {
    expect(APP_INDEX_URL).toBe('feuillet://app/index.html');
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'feuillet', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  it('maps URLs to files inside the renderer folder only', () => {
    expect(resolveAppFile(renderer, 'feuillet://app/index.html')).toBe(join(renderer, 'index.html'));
    expect(resolveAppFile(renderer, 'feuillet://app/')).toBe(join(renderer, 'index.html'));
    expect(resolveAppFile(renderer, 'feuillet://app/assets/index.js?v=1#x')).toBe(join(renderer, 'assets', 'index.js'));
    // URL parsing resolves `..` and `%2e%2e` inside the host's root: still the renderer folder.
    expect(resolveAppFile(renderer, 'feuillet://app/../secret.txt')).toBe(join(renderer, 'secret.txt'));
    expect(resolveAppFile(renderer, 'feuillet://app/%2e%2e/secret.txt')).toBe(join(renderer, 'secret.txt'));
    // An encoded slash is decoded after parsing: the escape is caught on the file path.
    expect(resolveAppFile(renderer, 'feuillet://app/assets/..%2f..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(renderer, 'feuillet://app/%00')).toBeNull();
    expect(resolveAppFile(renderer, 'feuillet://app/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(renderer, 'feuillet://other/index.html')).toBeNull();
    expect(resolveAppFile(renderer, 'file:///etc/passwd')).toBeNull();
  });

  it('serves files with their type, the CSP and nosniff; 404 for the rest', async () => {
    const index = await serveAppFile(renderer, 'feuillet://app/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>Feuillet</title>');
    const js = await serveAppFile(renderer, 'feuillet://app/assets/index.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await serveAppFile(renderer, 'feuillet://app/%2e%2e/secret.txt')).status).toBe(404);
    expect((await serveAppFile(renderer, 'feuillet://app/assets/..%2f..%2fsecret.txt')).status).toBe(404);
    expect((await serveAppFile(renderer, 'feuillet://app/missing.js')).status).toBe(404);
  });

  it('registers one handler on the scheme that answers from the folder', async () => {
    const protocol = fakeProtocol();
    registerAppProtocol(protocol as never, renderer);
    const handler = protocol.handlers.get('feuillet')!;
    const res = await handler({ url: 'feuillet://app/index.html' });
    expect(res.status).toBe(200);
  });
});
