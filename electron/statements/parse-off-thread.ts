/**
 * A statement file is hostile until proven otherwise: it is parsed by maintained libraries (csv-parse,
 * fast-xml-parser, ofx-js) in a worker thread with a time limit, so a huge or crafted file neither blocks
 * the desk nor runs forever. The worker only turns text into plain records; checking them (zod) and
 * reading them as bank lines happens after, in core/domain/bank-statement.ts.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export type RawFormat = 'csv' | 'ofx' | 'camt';

export type RawParse = { ok: true; value: unknown } | { ok: false; reason: 'timeout' | 'unreadable'; detail: string };

/** Beyond this the worker is stopped and the file refused. */
export const PARSE_TIME_LIMIT_MS = 15_000;

/** The packages the worker loads: unpacked from app.asar by electron-builder.yml (asarUnpack). */
export const WORKER_PACKAGES = ['csv-parse', 'fast-xml-parser', 'ofx-js'] as const;

/**
 * In a packaged app the main process resolves the libraries inside app.asar; a worker thread is not
 * promised Electron's archive reading, so it loads the unpacked copies beside it (app.asar.unpacked).
 */
export const unpackedPath = (path: string): string => path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');

export function libraries() {
  const require = createRequire(import.meta.url);
  return {
    csv: unpackedPath(require.resolve('csv-parse/sync')),
    xml: unpackedPath(require.resolve('fast-xml-parser')),
    ofx: pathToFileURL(unpackedPath(require.resolve('ofx-js'))).href,
  };
}

/**
 * Plain CommonJS run by the worker (no bundling needed: it loads the libraries from node_modules).
 * CAMT: every value stays a string (parseTagValue false: an amount never goes through a float), the
 * namespace prefixes dropped, the repeated elements always arrays. A DOCTYPE is refused outright (a CAMT.053
 * never has one: no entity can be declared, so no expansion bomb and no external file); the XML predefined
 * entities and character references (`&amp;`, `&#176;`) are read as the characters they stand for.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { format, text, libs, delimiter } = workerData;
(async () => {
  if (format === 'csv') {
    const { parse } = require(libs.csv);
    return parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true });
  }
  if (format === 'camt') {
    const { XMLParser, XMLValidator } = require(libs.xml);
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error('XML: ' + valid.err.msg);
    const arrays = new Set(['Stmt', 'Ntry', 'TxDtls', 'Ustrd', 'Bal']);
    if (/<!DOCTYPE/i.test(text)) throw new Error('DOCTYPE');
    const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false,
      processEntities: true, htmlEntities: true, isArray: (name) => arrays.has(name) });
    return parser.parse(text);
  }
  const { parseSync } = await import(libs.ofx);
  return parseSync(text);
})().then(
  (value) => parentPort.postMessage({ ok: true, value }),
  (err) => parentPort.postMessage({ ok: false, reason: 'unreadable', detail: err instanceof Error ? err.message : String(err) }),
);
`;

export function parseOffThread(format: RawFormat, text: string, opts: { delimiter?: string; timeLimitMs?: number } = {}): Promise<RawParse> {
  return new Promise((resolve) => {
    let settled = false;
    let worker: Worker | null = null;
    const settle = (r: RawParse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker?.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => settle({ ok: false, reason: 'timeout', detail: 'time limit' }), opts.timeLimitMs ?? PARSE_TIME_LIMIT_MS);
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { format, text, libs: libraries(), delimiter: opts.delimiter ?? ';' } });
    } catch (err) {
      settle({ ok: false, reason: 'unreadable', detail: err instanceof Error ? err.message : String(err) });
      return;
    }
    worker.once('message', (r: RawParse) => settle(r));
    worker.once('error', (err) => settle({ ok: false, reason: 'unreadable', detail: err.message }));
    worker.once('exit', () => settle({ ok: false, reason: 'unreadable', detail: 'worker exited' }));
  });
}
