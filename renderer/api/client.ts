/**
 * The renderer's only way to the backend: `api.call(method, input)`, typed from the contract.
 * Two transports implement the same signature: IPC (Electron preload) and HTTP (browser mode).
 */
import type { MethodInput, MethodName, MethodResult } from '../../core/api/contract.ts';
import type { Result } from '../../core/api/result.ts';

export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    feuillet?: Transport;
  }
}

const TOKEN_KEY = 'feuillet.token';

/** Reads the per-run token from `?token=` once, keeps it for the tab, and removes it from the address bar. */
export function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function httpTransport(token: string, base = ''): Transport {
  return {
    async invoke(method, input) {
      try {
        const res = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-feuillet-token': token },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message_fr: 'Feuillet ne répond pas : vérifiez que le programme est toujours lancé.' } };
      }
    },
  };
}

let transport: Transport | null = null;
let token = '';

export function setTransport(t: Transport): void {
  transport = t;
}

function currentTransport(): Transport {
  if (!transport) {
    if (window.feuillet) {
      transport = window.feuillet;
    } else {
      token = takeToken();
      transport = httpTransport(token);
    }
  }
  return transport;
}

export const api = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodResult<M>>> {
    return currentTransport().invoke(method, input) as Promise<Result<MethodResult<M>>>;
  },
};

/** A bridge URL for a file (PDF, backup) with the session token, which the bridge demands. */
function withToken(url: string): string {
  currentTransport();
  return `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

/** Opens a generated PDF in browser mode (Electron's shell has already opened it). */
export function openDocumentUrl(url: string): void {
  window.open(withToken(url), '_blank', 'noopener');
}

/** Follows `href` as a download named `fileName`, without leaving the app. */
function clickDownload(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Downloads a file the bridge serves (a backup) with the session token. */
export function downloadUrl(url: string, fileName: string): void {
  clickDownload(withToken(url), fileName);
}

/** Saves text made in the page (a CSV export) as a file: the browser downloads it, Electron asks where. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  clickDownload(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
