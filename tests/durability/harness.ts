/**
 * Shared by the crash and power-cut tests: builds the writer child (tests/durability/writer.ts) into one
 * ES module (fast to start, ~100 ms), runs it on a data folder, and checks a data folder after a kill.
 */
import { bundleForNode } from '../../scripts/bundle-node.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend.ts';
import { fixedClock } from '../../electron/context.ts';
import { ROOT } from '../helpers/test-backend.ts';

export const MIGRATIONS = join(ROOT, 'db', 'migrations');
export const FONTS = join(ROOT, 'invoice-templates', 'fonts');
const OUT = join(ROOT, 'test-results', 'durability');

/** Bundles the writer (better-sqlite3 and pdfkit stay external, found in the repository's node_modules). */
export async function buildWriter(): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const outfile = join(OUT, 'writer.mjs');
  return bundleForNode(join(ROOT, 'tests/durability/writer.ts'), outfile);
}

export type Ack =
  | { kind: 'patient'; id: number; lastName: string }
  | { kind: 'invoice'; id: number; number: number; totalCents: number }
  | { kind: 'bordereau'; id: number; number: number }
  | { kind: 'payment'; invoiceId: number; amountCents: number }
  | { kind: 'backup'; fileName: string; patients: number };

export interface WriterRun {
  child: ChildProcess;
  acks: Ack[];
  ready: Promise<void>;
  /** Resolved at the first acknowledged write (or when the writer ends). */
  firstAck: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts the writer on `dataDir`; `env` may add LD_PRELOAD for the power-cut shim. */
export function startWriter(writer: string, dataDir: string, seed: number, env: NodeJS.ProcessEnv = {}, mode: 'billing' | 'backup' = 'billing'): WriterRun {
  const child = spawn(process.execPath, [writer, dataDir, MIGRATIONS, FONTS, String(seed), mode], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  let buffer = '';
  let stderr = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  let onAck: () => void = () => {};
  const firstAck = new Promise<void>((resolve) => (onAck = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line === 'READY') onReady();
      else if (line.startsWith('ACK ')) {
        acks.push(JSON.parse(line.slice(4)) as Ack);
        onAck();
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => {
      onReady();
      onAck();
      // Let the last piped lines arrive before the caller reads `acks`.
      child.stdout!.once('close', () => resolve({ code, signal, stderr }));
      if (child.stdout!.closed) resolve({ code, signal, stderr });
    }),
  );
  return { child, acks, ready, firstAck, exited };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens the data folder as the app does at its next start and returns every broken promise found:
 * integrity, foreign keys, acknowledged writes missing, gaps in numbering, half-written invoices or
 * bordereaux, a recorded PDF missing or incomplete. Empty = sound.
 */
export function checkDataDir(dataDir: string, acks: readonly Ack[]): string[] {
  const problems: string[] = [];
  const backend = createBackend({ dataDir, migrationsDir: MIGRATIONS, fontsDir: FONTS, transport: 'browser', appVersion: 'check', clock: fixedClock('2026-11-25') });
  try {
    const db = backend.ctx.db;
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);
    const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T | undefined;
    for (const a of acks) {
      if (a.kind === 'patient') {
        const row = one<{ last_name: string }>('SELECT last_name FROM patients WHERE id = ?', a.id);
        if (row?.last_name !== a.lastName) problems.push(`acknowledged patient ${a.id} (${a.lastName}) missing`);
      } else if (a.kind === 'invoice') {
        const row = one<{ status: string; number: number; total_cents: number }>('SELECT status, number, total_cents FROM invoices WHERE id = ?', a.id);
        if (!row || row.status !== 'validated' || row.number !== a.number || row.total_cents !== a.totalCents) {
          problems.push(`acknowledged invoice n° ${a.number} (id ${a.id}) lost or changed: ${JSON.stringify(row ?? null)}`);
        }
      } else if (a.kind === 'bordereau') {
        const row = one<{ number: number }>('SELECT number FROM bordereaux WHERE id = ?', a.id);
        if (row?.number !== a.number) problems.push(`acknowledged bordereau n° ${a.number} missing`);
      }
    }
    const acknowledgedPayments = new Map<number, number>();
    for (const a of acks) if (a.kind === 'payment') acknowledgedPayments.set(a.invoiceId, (acknowledgedPayments.get(a.invoiceId) ?? 0) + 1);
    for (const [invoiceId, n] of acknowledgedPayments) {
      const found = one<{ n: number }>('SELECT count(*) AS n FROM payments WHERE invoice_id = ?', invoiceId)!.n;
      if (found < n) problems.push(`acknowledged payment of invoice ${invoiceId} missing`);
    }
    const gapless = (what: string, numbers: number[], counter: number | undefined) => {
      numbers.forEach((n, i) => n !== i + 1 && problems.push(`${what}: number ${i + 1} missing (found ${n})`));
      if ((counter ?? 0) !== numbers.length) problems.push(`${what}: counter ${counter} for ${numbers.length} numbers`);
    };
    for (const { id } of db.prepare('SELECT id FROM practitioners').all() as { id: number }[]) {
      const numbers = (db.prepare("SELECT number FROM invoices WHERE practitioner_id = ? AND status <> 'draft' ORDER BY number").all(id) as { number: number }[]).map((r) => r.number);
      gapless('invoices', numbers, one<{ last_number: number }>('SELECT last_number FROM invoice_counters WHERE practitioner_id = ?', id)?.last_number);
      const bordereaux = (db.prepare('SELECT number FROM bordereaux WHERE practitioner_id = ? ORDER BY number').all(id) as { number: number }[]).map((r) => r.number);
      gapless('bordereaux', bordereaux, one<{ last_number: number }>('SELECT last_number FROM bordereau_counters WHERE practitioner_id = ?', id)?.last_number);
    }
    const halfInvoices = db
      .prepare(
        `SELECT i.id, i.total_cents, count(l.id) AS lines, coalesce(sum(l.amount_cents), 0) AS sum
           FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = i.id
          WHERE i.status <> 'draft' GROUP BY i.id HAVING lines = 0 OR sum <> i.total_cents`,
      )
      .all();
    if (halfInvoices.length > 0) problems.push(`half-written invoices: ${JSON.stringify(halfInvoices.slice(0, 3))}`);
    const halfBordereaux = db
      .prepare('SELECT b.id FROM bordereaux b WHERE b.invoice_count <> (SELECT count(*) FROM bordereau_invoices bi WHERE bi.bordereau_id = b.id)')
      .all();
    if (halfBordereaux.length > 0) problems.push(`half-written bordereaux: ${JSON.stringify(halfBordereaux)}`);
    const documents = join(dataDir, 'documents');
    for (const { pdf_file } of db.prepare('SELECT pdf_file FROM invoices WHERE pdf_file IS NOT NULL UNION ALL SELECT pdf_file FROM bordereaux WHERE pdf_file IS NOT NULL').all() as { pdf_file: string }[]) {
      const file = join(documents, pdf_file);
      if (!existsSync(file)) problems.push(`recorded PDF ${pdf_file} missing`);
    }
    for (const name of existsSync(documents) ? readdirSync(documents) : []) {
      const bytes = readFileSync(join(documents, name));
      if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-')) || !bytes.subarray(-32).toString('latin1').includes('%%EOF')) problems.push(`incomplete PDF ${name} (${bytes.length} bytes)`);
    }
  } finally {
    backend.close();
  }
  return problems;
}
