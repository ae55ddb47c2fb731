/**
 * Run by the printing bench in a fresh process: opens a backend, answers one call, and reports how
 * long that took and whether pdfkit got loaded on the way (it must not be: it loads when printing).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MessageChannel } from 'node:worker_threads';

// A resolve hook that reports every module resolved inside node_modules/pdfkit or node_modules/fontkit.
const { port1, port2 } = new MessageChannel();
const pdfkitUrls: string[] = [];
port1.on('message', (url: string) => pdfkitUrls.push(url));
port1.unref();
const hook = `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (/[\\/]node_modules[\\/](pdfkit|fontkit)[\\/]/.test(r.url)) port.postMessage(r.url);
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { port: port2 }, transferList: [port2] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const started = performance.now();
const { createBackend } = await import('../electron/backend.ts');
const { fixedClock } = await import('../electron/context.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'feuillet-start-'));
const root = join(import.meta.dirname, '..');
const backend = createBackend({
  dataDir,
  migrationsDir: join(root, 'db', 'migrations'),
  fontsDir: join(root, 'invoice-templates', 'fonts'),
  transport: 'browser',
  appVersion: 'bench',
  clock: fixedClock('2026-11-25'),
});
const r = await backend.dispatch('app/info', {});
const firstAnswerMs = performance.now() - started;
await settle();
const loaded = pdfkitUrls.length > 0;
// The hook itself works: printing-time loading is seen.
await import('pdfkit');
await settle();
const hookSees = pdfkitUrls.length > 0;
backend.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ ok: r.ok && hookSees, firstAnswerMs, pdfkitLoaded: loaded }));
