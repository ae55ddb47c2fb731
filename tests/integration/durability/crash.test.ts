/**
 * Crash test: a child process writes through the real dispatcher (patients, AME invoices validated with
 * their PDF, bordereaux, payments) and is SIGKILLed at a random moment — during start-up, a migration,
 * a transaction, a PDF write — at least 200 times. After each kill the folder is opened as at the next
 * start and must be sound: integrity_check ok, every acknowledged write present, invoice and bordereau
 * numbers gapless, no half invoice or bordereau, every recorded PDF complete, and the lock free again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWriter, checkDataDir, sleep, startWriter, type Ack } from '../../durability/harness.ts';

const KILLS = Number(process.env.FEUILLET_CRASH_KILLS ?? 200);
const LANES = 2; // two data folders killed in parallel
let writer: string;
const dirs: string[] = [];
beforeAll(async () => {
  writer = await buildWriter();
}, 60_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function lane(lane: number, kills: number): Promise<{ problems: string[]; acks: number; killedWhileWriting: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-crash-'));
  dirs.push(dir);
  const acks: Ack[] = [];
  const problems: string[] = [];
  let killedWhileWriting = 0;
  for (let round = 0; round < kills && problems.length === 0; round++) {
    const seed = lane * 100_000 + round + 1;
    const run = startWriter(writer, dir, seed);
    // One kill in four anywhere in the start-up (lock, leftovers, migrations); the others while writing.
    const r = ((seed * 7919) % 1000) / 1000;
    if (round % 4 === 0) await sleep(Math.floor(r * 300));
    else {
      await run.ready;
      if (round % 4 === 2) await run.firstAck; // some kills always after acknowledged work, however slow the machine
      await sleep(Math.floor(r * 250));
    }
    run.child.kill('SIGKILL');
    const { signal, stderr, code } = await run.exited;
    if (signal !== 'SIGKILL') problems.push(`round ${round}: writer ended by itself (${code}): ${stderr.slice(0, 400)}`);
    if (run.acks.length > 0) killedWhileWriting++;
    acks.push(...run.acks);
    problems.push(...checkDataDir(dir, acks).map((p) => `lane ${lane} round ${round}: ${p}`));
  }
  return { problems, acks: acks.length, killedWhileWriting };
}

describe('SIGKILL in the middle of writes', () => {
  it(`${KILLS} kills: nothing acknowledged lost, numbering gapless, nothing half-written`, async () => {
    const results = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i, Math.ceil(KILLS / LANES))));
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    // The test must really have killed writers in the middle of their work, many times.
    expect(results.reduce((n, r) => n + r.killedWhileWriting, 0)).toBeGreaterThan(KILLS / 2);
    expect(results.reduce((n, r) => n + r.acks, 0)).toBeGreaterThan(KILLS / 2);
  }, 600_000);
});
