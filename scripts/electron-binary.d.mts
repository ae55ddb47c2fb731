// Types of electron-binary.mjs (a plain Node script: npm start runs it before anything is built).
export function findElectronBinary(root: string): string | null;
export const DEFAULT_INSTALL_TIMEOUT_MS: number;
export const BROWSER_FALLBACK_MESSAGE: string;
export interface InstallOptions {
  /** The installer to run (default: node_modules/electron/install.js); tests pass a stand-in. */
  installer?: string;
  timeoutMs?: number;
  log?: (line: string) => void;
  stdio?: 'inherit' | 'ignore' | 'pipe';
}
export function installElectronBinary(root: string, opts?: InstallOptions): Promise<string | null>;
export function chooseRuntime(
  root: string,
  opts?: InstallOptions & { forceBrowser?: boolean },
): Promise<{ kind: 'electron'; binary: string } | { kind: 'browser'; reason: 'forced' | 'no-binary' }>;
