/**
 * Browser-mode transport: node:http on 127.0.0.1 only, a per-run token, JSON in and out.
 * POST /api/<area>/<verb> with header `x-feuillet-token` → the same dispatch() as IPC.
 * Static files of the built renderer are served without token (they hold no data);
 * generated PDFs and backups need the token (query `?token=`, because the browser opens them as a tab or a download).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatcher } from '../dispatch.ts';
import { BACKUP_NAME_RE, DOCUMENT_NAME_RE, ENCRYPTED_NAME_RE } from '../paths.ts';

export const MAX_BODY_BYTES = 1_000_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export interface BridgeOptions {
  dispatch: Dispatcher;
  /** Built renderer folder (out/renderer). */
  staticDir: string;
  /** Folder of generated PDFs. */
  documentsDir: string;
  /** Folder of the database backups (downloads). */
  backupsDir?: string;
  port?: number;
  token?: string;
}

export interface RunningBridge {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

export const newToken = (): string => randomBytes(24).toString('base64url');

function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(payload);
}

const apiError = (code: string, message_fr: string) => ({ ok: false, error: { code, message_fr } });

/**
 * The body as text, or null when it exceeds MAX_BODY_BYTES. The request is not destroyed on overflow:
 * the 413 must reach the client, and Node discards the unread rest once the answer is sent.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    let size = 0;
    let tooLarge = false;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        // A client that keeps streaming far past the limit is cut off.
        if (size > 8 * MAX_BODY_BYTES) req.destroy();
        return;
      }
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** decodeURIComponent that answers null instead of throwing on a malformed escape (`%E0%A4%A`). */
function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** `application/json`, with or without parameters (`; charset=utf-8`); nothing else. */
function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** DNS-rebinding guard: only our own loopback host names are accepted. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * CSRF guard: a browser says which page a request comes from (`Origin`, and `Sec-Fetch-Site` on recent
 * ones). Only our own page may call us; a request without these headers (a typed address, a download,
 * a non-browser client) still needs the token.
 */
function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, opts: BridgeOptions, token: string) {
  if (req.method !== 'POST') return sendJson(res, 405, apiError('invalid-input', 'Méthode HTTP non autorisée.'));
  const given = req.headers['x-feuillet-token'];
  if (!tokenMatches(Array.isArray(given) ? given[0] : given, token)) {
    return sendJson(res, 401, apiError('forbidden', 'Accès refusé : jeton de session absent ou invalide. Rouvrez Feuillet avec l\'adresse affichée au démarrage.'));
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    return sendJson(res, 415, apiError('invalid-input', 'Contenu JSON attendu.'));
  }
  const body = await readBody(req);
  if (body === null) return sendJson(res, 413, apiError('invalid-input', 'Requête trop volumineuse.'));
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    return sendJson(res, 400, apiError('invalid-input', 'Requête illisible (JSON invalide).'));
  }
  const result = await opts.dispatch(method, input);
  // Domain errors are data: HTTP 200 with ok:false, exactly as over IPC.
  sendJson(res, 200, result);
}

function serveFile(res: ServerResponse, file: string, contentType: string, extraHeaders: Record<string, string> = {}) {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType, ...extraHeaders });
  createReadStream(file).pipe(res);
}

/** Files the bridge hands out by name only (no path), with the token in the query (opened as a tab or a download). */
interface FileRoute {
  prefix: string;
  dir: string;
  nameRe: RegExp;
  contentType: string;
  disposition: 'inline' | 'attachment';
  notFound: string;
}

function handleFile(res: ServerResponse, url: URL, route: FileRoute, token: string) {
  if (!tokenMatches(url.searchParams.get('token'), token)) return sendJson(res, 401, apiError('forbidden', 'Accès refusé.'));
  const name = safeDecode(url.pathname.slice(route.prefix.length));
  if (name === null || !route.nameRe.test(name)) return sendJson(res, 404, apiError('not-found', route.notFound));
  const file = join(route.dir, name);
  if (!existsSync(file)) return sendJson(res, 404, apiError('not-found', route.notFound));
  serveFile(res, file, route.contentType, { 'Content-Disposition': `${route.disposition}; filename="${name}"`, 'Cache-Control': 'no-store' });
}

function handleStatic(res: ServerResponse, url: URL, opts: BridgeOptions) {
  const decoded = url.pathname === '/' ? 'index.html' : safeDecode(url.pathname);
  if (decoded === null) return sendJson(res, 404, apiError('not-found', 'Page introuvable.'));
  const relative = decoded.replace(/^\/+/, '');
  const file = normalize(join(opts.staticDir, relative));
  const inside = file.startsWith(normalize(opts.staticDir) + sep);
  if (!inside || !existsSync(file) || !statSync(file).isFile()) {
    return sendJson(res, 404, apiError('not-found', 'Page introuvable.'));
  }
  serveFile(res, file, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
}

export function startBridge(opts: BridgeOptions): Promise<RunningBridge> {
  const token = opts.token ?? newToken();
  let port = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req, port)) return sendJson(res, 421, apiError('forbidden', 'Hôte non autorisé.'));
    if (!originAllowed(req, port)) return sendJson(res, 403, apiError('forbidden', 'Origine non autorisée : seule la page de Feuillet peut appeler Feuillet.'));
    const onError = (err: unknown) => {
      console.error('[feuillet] bridge error', err);
      if (!res.headersSent) sendJson(res, 500, apiError('internal', 'Erreur interne.'));
    };
    try {
      if (url.pathname.startsWith('/api/')) {
        handleApi(req, res, url.pathname.slice('/api/'.length), opts, token).catch(onError);
      } else if (url.pathname.startsWith('/documents/')) {
        handleFile(res, url, { prefix: '/documents/', dir: opts.documentsDir, nameRe: DOCUMENT_NAME_RE, contentType: 'application/pdf', disposition: 'inline', notFound: 'Document introuvable.' }, token);
      } else if (url.pathname.startsWith('/backups/') && opts.backupsDir) {
        const encrypted = ENCRYPTED_NAME_RE.test(safeDecode(url.pathname.slice('/backups/'.length)) ?? '');
        handleFile(
          res,
          url,
          encrypted
            ? { prefix: '/backups/', dir: opts.backupsDir, nameRe: ENCRYPTED_NAME_RE, contentType: 'application/octet-stream', disposition: 'attachment', notFound: 'Sauvegarde introuvable.' }
            : { prefix: '/backups/', dir: opts.backupsDir, nameRe: BACKUP_NAME_RE, contentType: 'application/vnd.sqlite3', disposition: 'attachment', notFound: 'Sauvegarde introuvable.' },
          token,
        );
      } else if (req.method === 'GET') {
        handleStatic(res, url, opts);
      } else {
        sendJson(res, 405, apiError('invalid-input', 'Méthode HTTP non autorisée.'));
      }
    } catch (err) {
      onError(err);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        // Browsers keep connections alive: close them too, or close() waits forever.
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
