/**
 * The renderer is served from `feuillet://app/…` (a privileged, secure, standard scheme of our own)
 * rather than `file://`: the page gets one origin of its own, and no other local file is reachable.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';

export const APP_SCHEME = 'feuillet';
export const APP_HOST = 'app';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Registered before `ready`: standard (relative URLs, origin), secure (like https), fetch allowed. No CSP bypass. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Same policy as renderer/index.html's meta tag, sent as a header too (it also covers frame-ancestors). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** True for a URL of the bundled renderer (scheme and host; the path is checked when served). */
export function isAppOrigin(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The file under `rootDir` a request names, or null (other host, escape out of the folder, bad encoding). */
export function resolveAppFile(rootDir: string, url: string): string | null {
  if (!isAppOrigin(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const file = join(rootDir, ...path.split('/').filter(Boolean));
  const rel = relative(rootDir, file);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return file;
}

/** The answer to one request: the file with its type and the CSP, or a plain 404. */
export async function serveAppFile(rootDir: string, url: string, read: (file: string) => Promise<Buffer> = readFile): Promise<Response> {
  const file = resolveAppFile(rootDir, url);
  if (file) {
    try {
      const body = await read(file);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: {
          'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      // Missing or unreadable: the same 404 as a refused path.
    }
  }
  return new Response('Introuvable', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** Serves `rootDir` (out/renderer) on feuillet://app/ (call once the app is ready). */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(rootDir, request.url));
}
