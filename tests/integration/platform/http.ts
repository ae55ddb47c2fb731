/**
 * A raw HTTP client for the bridge tests: node:http rather than fetch, so a test controls the Host
 * header and sends paths exactly as typed (`/../package.json` is not normalised away by a URL parser).
 */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../../core/api/result.ts';
import type { Dispatcher } from '../../../electron/dispatch.ts';
import { startBridge, type RunningBridge } from '../../../electron/http-bridge/server.ts';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json(): unknown;
}

export function http(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** POST /api/<method> with the token and a JSON body, as the renderer's HTTP transport does. */
export async function callApi(bridge: RunningBridge, method: string, input: unknown): Promise<Result<unknown>> {
  const r = await http(bridge.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'x-feuillet-token': bridge.token },
    body: JSON.stringify(input),
  });
  if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${r.body}`);
  return r.json() as Result<unknown>;
}

/**
 * A bridge over `dispatch` with a small static folder and a documents folder, inside a temp dir that
 * also holds files the bridge must never serve (one level above the static folder).
 */
export async function startTestBridge(dispatch: Dispatcher, documentsDir?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-bridge-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Feuillet</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("feuillet")');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET: outside the static folder');
  writeFileSync(join(dir, 'secret.pdf'), '%PDF-1.4 secret');
  const docs = documentsDir ?? join(dir, 'documents');
  mkdirSync(docs, { recursive: true });
  const bridge = await startBridge({ dispatch, staticDir, documentsDir: docs });
  return { bridge, dir, staticDir, documentsDir: docs };
}
