/**
 * The browser-mode bridge is a local HTTP server holding patient data: it must listen on loopback
 * only, demand its token, refuse foreign Host headers (DNS rebinding), odd bodies, and never serve
 * a file outside the built renderer or the generated documents.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningBridge } from '../../../electron/http-bridge/server.ts';
import { MAX_BODY_BYTES } from '../../../electron/http-bridge/server.ts';
import { http, startTestBridge } from './http.ts';

const dispatch = vi.fn(async (method: string, input: unknown) => ({ ok: true as const, value: { method, input } }));

let bridge: RunningBridge;
let dir: string;
let documentsDir: string;

beforeAll(async () => {
  ({ bridge, dir, documentsDir } = await startTestBridge(dispatch));
  writeFileSync(join(documentsDir, 'facture-2026-000012.pdf'), '%PDF-1.4 facture');
});
afterAll(async () => {
  await bridge.close();
  rmSync(dir, { recursive: true, force: true });
});

const api = (path: string, headers: Record<string, string>, body = '{}') =>
  http(bridge.port, { method: 'POST', path, headers, body });
const withToken = (extra: Record<string, string> = {}) => ({
  'Content-Type': 'application/json',
  'x-feuillet-token': bridge.token,
  ...extra,
});

describe('HTTP bridge: where it listens', () => {
  it('binds 127.0.0.1 only, on the port it reports', () => {
    const address = bridge.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).toBe(bridge.port);
  });

  it('prints a URL on 127.0.0.1 carrying a long random token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  });
});

describe('HTTP bridge: the API', () => {
  it('dispatches a call that carries the token and JSON', async () => {
    dispatch.mockClear();
    const r = await api('/api/patients/search', withToken(), '{"query":"dia"}');
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ ok: true, value: { method: 'patients/search', input: { query: 'dia' } } });
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['no token', { 'Content-Type': 'application/json' }],
    ['a wrong token', { 'Content-Type': 'application/json', 'x-feuillet-token': 'nope' }],
    ['a wrong token of the right length', { 'Content-Type': 'application/json', 'x-feuillet-token': 'x'.repeat(32) }],
    ['an empty token', { 'Content-Type': 'application/json', 'x-feuillet-token': '' }],
  ])('answers 401 forbidden to %s, without dispatching', async (_label, headers) => {
    dispatch.mockClear();
    const r = await api('/api/patients/search', headers);
    expect(r.status).toBe(401);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('does not accept the token in the query string for the API', async () => {
    const r = await api(`/api/patients/search?token=${bridge.token}`, { 'Content-Type': 'application/json' });
    expect(r.status).toBe(401);
  });

  it.each(['evil.example', `evil.example:${0}`, '127.0.0.1', '127.0.0.1.nip.io:PORT', '[::1]:PORT', 'localhost.evil:PORT'])(
    'rejects the Host header %s (DNS rebinding), even with the token',
    async (host) => {
      dispatch.mockClear();
      const r = await api('/api/patients/search', withToken({ Host: host.replace('PORT', String(bridge.port)) }));
      expect(r.status).toBe(421);
      expect(r.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(dispatch).not.toHaveBeenCalled();
    },
  );

  it('accepts Host localhost:<port> as well as 127.0.0.1:<port>', async () => {
    const r = await api('/api/app/info', withToken({ Host: `localhost:${bridge.port}` }));
    expect(r.status).toBe(200);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', ''])(
    'answers 415 to a body of type « %s »',
    async (type) => {
      dispatch.mockClear();
      const r = await api('/api/patients/search', withToken({ 'Content-Type': type }));
      expect(r.status).toBe(415);
      expect(r.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(dispatch).not.toHaveBeenCalled();
    },
  );

  it('accepts application/json with a charset', async () => {
    const r = await api('/api/app/info', withToken({ 'Content-Type': 'application/json; charset=utf-8' }));
    expect(r.status).toBe(200);
  });

  it.each([
    ['streamed (chunked)', {}],
    ['announced by Content-Length', { 'Content-Length': String(MAX_BODY_BYTES + 22) }],
  ])('answers 413 to a body over 1 MB %s, without dispatching', async (_label, headers) => {
    dispatch.mockClear();
    const big = JSON.stringify({ query: 'x'.repeat(MAX_BODY_BYTES + 10) });
    const r = await api('/api/patients/search', withToken(headers), big);
    expect(r.status).toBe(413);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'invalid-input', message_fr: 'Requête trop volumineuse.' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('still serves the next request after refusing a large body', async () => {
    const r = await api('/api/app/info', withToken());
    expect(r.status).toBe(200);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const r = await api('/api/patients/search', withToken(), '{"query":');
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers 405 to a GET on the API', async () => {
    const r = await http(bridge.port, { path: '/api/patients/search', headers: withToken() });
    expect(r.status).toBe(405);
  });

  it('answers 405 to a POST outside the API', async () => {
    const r = await http(bridge.port, { method: 'POST', path: '/index.html', headers: withToken(), body: '{}' });
    expect(r.status).toBe(405);
  });
});

describe('HTTP bridge: static files', () => {
  it('serves the renderer without a token (it holds no data), with a CSP', async () => {
    const r = await http(bridge.port, { path: '/' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Feuillet</title>');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const js = await http(bridge.port, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/assets',
  ])('answers 404 to %s and never leaks a file outside the renderer', async (path) => {
    const r = await http(bridge.port, { path });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('SECRET');
    expect(r.body).not.toContain('root:');
  });
});

describe('HTTP bridge: generated documents', () => {
  const doc = '/documents/facture-2026-000012.pdf';

  it('serves a PDF with the token, inline, not cached', async () => {
    const r = await http(bridge.port, { path: `${doc}?token=${bridge.token}` });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body).toBe('%PDF-1.4 facture');
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await http(bridge.port, { path: doc })).status).toBe(401);
    expect((await http(bridge.port, { path: `${doc}?token=x${bridge.token}` })).status).toBe(401);
    expect((await http(bridge.port, { path: doc, headers: { 'x-feuillet-token': bridge.token } })).status).toBe(401);
  });

  it.each([
    '/documents/..%2fsecret.pdf',
    '/documents/%2e%2e%2fsecret.pdf',
    '/documents/../secret.pdf',
    '/documents/.hidden.pdf',
    '/documents/facture-2026-000012.PDF.exe',
    '/documents/facture%2012.pdf',
    '/documents/absent.pdf',
    '/documents/%E0%A4%A.pdf',
    '/documents/',
  ])('answers 404 to the unsafe or unknown name %s, even with the token', async (path) => {
    const r = await http(bridge.port, { path: `${path}?token=${bridge.token}` });
    expect([404]).toContain(r.status);
    expect(r.body).not.toContain('secret');
  });
});
