/**
 * `npm run bench -- --statements --patients 20000 --lines 500000`: a 5,000-line bank statement (CSV) imported and
 * matched against the open invoices of the bench database (about 20,000), through the dispatcher as the desk does.
 * Run once; prints the figures. Target: well under a second for import + matching.
 */
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../electron/backend.ts';
import type { Db } from '../db/connection.ts';
import { matchCandidates } from '../db/bank-lines-repo.ts';
import { addDays, formatFrDate } from '../core/domain/dates.ts';
import { csvEuros } from '../core/domain/csv.ts';
import type { StatementImport } from '../core/domain/money-in.ts';

const STATEMENT_LINES = 5_000;
const TARGET_MS = 1_000;

export async function benchStatements(deps: { openBackend(dir: string): Backend; build(db: Db): unknown; today: string }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-bench-statements-'));
  const backend = deps.openBackend(dir);
  try {
    deps.build(backend.ctx.db);
    const candidates = matchCandidates(backend.ctx.db);
    const bordereaux = candidates.filter((c) => c.kind === 'bordereau');
    const invoices = candidates.filter((c) => c.kind === 'invoice');
    // Credits: one per bordereau (CPAM transfer naming it) while they last, single invoices, and unrelated credits.
    const rows: string[] = ['Date;Libellé;Débit euros;Crédit euros'];
    for (let i = 0; i < STATEMENT_LINES; i++) {
      const b = bordereaux[i % Math.max(1, bordereaux.length)];
      const inv = invoices[(i * 7919) % Math.max(1, invoices.length)];
      const kind = i % 5;
      const [date, label, cents] =
        kind < 2 && b
          ? [b.since, `VIR CPAM PARIS ${b.caisse} BORD ${b.number}`, b.owedCents]
          : kind < 4 && inv
            ? [inv.since, `VIR AME FACT ${inv.number}`, inv.owedCents]
            : ['2026-10-01', `VIR DE M. PATIENT ${i}`, 1_000 + i];
      const on = addDays(date, 10) > deps.today ? deps.today : addDays(date, 10);
      rows.push(`${formatFrDate(on)};${label};;${csvEuros(cents)}`);
    }
    const csv = `${rows.join('\r\n')}\r\n`;
    const t0 = performance.now();
    const r = await backend.dispatch('statements/import', { fileName: 'releve.csv', contentBase64: Buffer.from(csv).toString('base64'), account: 'Compte pro' });
    const importMs = performance.now() - t0;
    if (!r.ok) throw new Error(r.error.message_fr);
    const first = r.value as StatementImport;
    const suggested = first.lines.filter((l) => l.suggestion !== null).length;
    const t1 = performance.now();
    const again = await backend.dispatch('statements/import', { fileName: 'releve.csv', contentBase64: Buffer.from(csv).toString('base64'), account: 'Compte pro' });
    const againMs = performance.now() - t1;
    if (!again.ok) throw new Error(again.error.message_fr);
    const second = again.value as StatementImport;
    console.log(`open invoices ${invoices.length.toLocaleString('en')} in ${bordereaux.length.toLocaleString('en')} bordereaux; statement ${STATEMENT_LINES.toLocaleString('en')} lines (${(csv.length / 1024).toFixed(0)} KB)`);
    console.log(`import + match: ${importMs.toFixed(0)} ms (target < ${TARGET_MS} ms: ${importMs < TARGET_MS ? 'met' : 'NOT MET'}) — ${first.imported.toLocaleString('en')} credits stored, ${suggested.toLocaleString('en')} with a suggestion`);
    console.log(`same file again: ${againMs.toFixed(0)} ms — ${second.imported} new, ${second.alreadyKnown.toLocaleString('en')} already known`);
    if (importMs >= TARGET_MS) process.exitCode = 1;
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
