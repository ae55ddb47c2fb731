/**
 * The bridge's Origin check (CSRF): a page of another site — or of another port of this computer — that
 * somehow held the token still cannot call the API or fetch a document; our own page, and clients that
 * send no Origin (typed address, download, tests), are served as before.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../../electron/http-bridge/server.ts';
import { makeTestBackend, type TestBackend } from '../../helpers/test-backend.ts';
import { http, startTestBridge } from './http.ts';

let t: TestBackend;
let bridge: RunningBridge;
let dir: string;
beforeAll(async () => {
  t = makeTestBackend();
  ({ bridge, dir } = await startTestBridge(t.dispatch, t.documentsDir));
});
afterAll(async () => {
  await bridge.close();
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const api = (headers: Record<string, string>) =>
  http(bridge.port, {
    method: 'POST',
    path: '/api/app/info',
    headers: { 'Content-Type': 'application/json', 'x-feuillet-token': bridge.token, ...headers },
    body: '{}',
  });

describe('Origin check', () => {
  it('serves our own page (127.0.0.1 or localhost on our port) and clients sending no Origin', async () => {
    expect((await api({ Origin: `http://127.0.0.1:${bridge.port}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await api({ Origin: `http://localhost:${bridge.port}` })).status).toBe(200);
    expect((await api({})).status).toBe(200);
    expect((await http(bridge.port, { path: '/', headers: { 'Sec-Fetch-Site': 'none' } })).status).not.toBe(403);
  });

  it('refuses another site, another port, a null origin, and cross-site fetches, in French', async () => {
    for (const headers of <Record<string, string>[]>[
      { Origin: 'https://evil.example' },
      { Origin: `http://127.0.0.1:${bridge.port + 1}` },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ]) {
      const r = await api(headers);
      expect([JSON.stringify(headers), r.status]).toEqual([JSON.stringify(headers), 403]);
      expect(r.json()).toMatchObject({ ok: false, error: { code: 'forbidden', message_fr: 'Origine non autorisée : seule la page de Feuillet peut appeler Feuillet.' } });
    }
    const doc = await http(bridge.port, { path: `/documents/x.pdf?token=${bridge.token}`, headers: { Origin: 'https://evil.example' } });
    expect(doc.status).toBe(403);
  });
});
