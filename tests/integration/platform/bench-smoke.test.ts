/**
 * `npm run bench` at a tiny size, so the bench cannot rot: it builds its database, measures every
 * section (searches beside raw queries and growth, validation FULL/NORMAL beside a raw transaction and
 * bare pdfkit, start → first answer and RSS) and ends normally. Targets are printed, not enforced here
 * (--smoke): they are meant for the 100k-patient run.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/test-backend.ts';

describe('bench smoke run', () => {
  it('runs every section at a tiny size and exits 0', async () => {
    const args = ['--import', 'tsx', join(ROOT, 'scripts/bench.ts'), '--patients', '1000', '--lines', '2000', '--runs', '5', '--validations', '5', '--smoke'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(out).toMatch(/search \(dispatch vs best raw better-sqlite3 query\)/);
    expect(out).toMatch(/search: name prefix \(2–4 letters\) \[1,000 patients\] +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+× +[\d.]+×/);
    expect(out).toMatch(/synchronous = FULL: +median [\d.]+ ms, sustained \d+\/s/);
    // WAL bytes per commit read from the wal-index: a validation writes several pages, the raw transaction a few.
    const wal = /sustained \d+\/s, WAL [\d.]+ KB \(([\d.]+) pages\) per validation/.exec(out);
    expect(Number(wal?.[1])).toBeGreaterThan(3);
    expect(out).toMatch(/raw transaction \(counter \+ row \+ audit, FULL\): median [\d.]+ ms, WAL [1-9][\d.]* KB per commit/);
    expect(out).toMatch(/synchronous = NORMAL: +median [\d.]+ ms/);
    expect(out).toMatch(/bare pdfkit page: [\d.]+ ms/);
    expect(out).toMatch(/start → first answer \d+ ms .* RSS after 1,200 searches \d+ MB/);
    expect(out).toMatch(/browser-mode bundle \(ESM.*\): \d+ ms \(min \d+, max \d+; CPU \d+ ms\); Electron main bundle \(CommonJS.*\): \d+ ms \(min \d+, max \d+; CPU \d+ ms\)/);
    expect(out).toMatch(/pdfkit\/fontkit loaded by the first answer: no/);
    expect(out).toMatch(/pdfkit\/fontkit at first answer +not loaded/);
    expect(out).toMatch(/start → first answer on this small folder, median of \d+ fresh starts .*: ESM \d+ ms \(min \d+, max \d+; CPU \d+ ms\), CommonJS \d+ ms/);
    expect([code, out.slice(-600)]).toEqual([0, out.slice(-600)]);
  }, 60_000);
});
