/**
 * Power-cut test (Linux): the writer child runs with tests/durability/powercut-shim.c preloaded and is
 * SIGKILLed at a random moment; the data folder is then rebuilt as the disk could hold it when the power
 * fails (tests/durability/power-cut.ts): what had been fsynced, plus — every other cut — a random part of
 * the writes that had not been, and opened as at the next start. 40 cuts in a row, each starting from the previous one's surviving state: integrity ok,
 * every acknowledged write present (an invoice number printed on paper is never given again), numbering
 * gapless, no half invoice, every recorded PDF complete. A control run with synchronous = NORMAL shows
 * the harness does catch lost acknowledged writes.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWriter, checkDataDir, sleep, startWriter, type Ack } from '../../durability/harness.ts';
import { buildShim, replayDurable } from '../../durability/power-cut.ts';

const CUTS = Number(process.env.FEUILLET_POWER_CUTS ?? 40);
let writer: string;
let shim: string;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'feuillet-power-'));
  dirs.push(d);
  return d;
};
beforeAll(async () => {
  writer = await buildWriter();
  shim = buildShim();
}, 60_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Outcome { problems: string[]; acks: number; lostWrites: number; keptWrites: number; operations: number }

async function powerCuts(cuts: number, env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  const work = tempDir();
  let durable = join(work, 'state-0'); // the folder as the disk holds it; empty at first
  cpSync(tempDir(), durable, { recursive: true });
  const acks: Ack[] = [];
  const outcome: Outcome = { problems: [], acks: 0, lostWrites: 0, keptWrites: 0, operations: 0 };
  for (let cut = 1; cut <= cuts && outcome.problems.length === 0; cut++) {
    const live = join(work, 'live');
    const log = join(work, `cut-${cut}.log`);
    rmSync(live, { recursive: true, force: true });
    cpSync(durable, live, { recursive: true });
    const run = startWriter(writer, live, cut, { LD_PRELOAD: shim, FEUILLET_POWERCUT_DIR: live, FEUILLET_POWERCUT_LOG: log, ...env });
    await run.ready;
    if (cut % 2 === 0) await run.firstAck; // acknowledged work in every other cut, however slow the machine
    await sleep(80 + ((cut * 7919) % 500));
    run.child.kill('SIGKILL');
    const { signal, stderr, code } = await run.exited;
    if (signal !== 'SIGKILL') outcome.problems.push(`cut ${cut}: writer ended by itself (${code}): ${stderr.slice(0, 400)}`);
    const next = join(work, `state-${cut}`);
    // Odd cuts lose every unsynced write; even cuts keep a random part of them (the disk got some).
    const stats = replayDurable(durable, live, log, next, cut % 2 === 0 ? { keepRandomly: cut } : 'drop');
    outcome.lostWrites += stats.lostWrites;
    outcome.keptWrites += stats.keptWrites;
    outcome.operations += stats.operations;
    acks.push(...run.acks);
    outcome.problems.push(...checkDataDir(next, acks).map((p) => `cut ${cut}: ${p}`));
    rmSync(durable, { recursive: true, force: true });
    rmSync(log, { force: true });
    durable = next;
  }
  outcome.acks = acks.length;
  return outcome;
}

describe.runIf(process.platform === 'linux')('power cuts (fsynced bytes survive, unsynced ones maybe)', () => {
  it(`${CUTS} power cuts with synchronous = FULL: nothing acknowledged lost, nothing half-written`, async () => {
    const outcome = await powerCuts(CUTS);
    console.log(`power cuts: ${CUTS}, acknowledged writes ${outcome.acks}, logged operations ${outcome.operations}, unsynced writes thrown away ${outcome.lostWrites}, kept ${outcome.keptWrites}`);
    expect(outcome.problems).toEqual([]);
    expect(outcome.acks).toBeGreaterThan(CUTS); // the writer really did acknowledged work between cuts
    expect(outcome.lostWrites).toBeGreaterThan(0); // and the cuts really threw away unsynced writes
    expect(outcome.keptWrites).toBeGreaterThan(0); // and the even cuts kept some of them
  }, 600_000);

  it('control: with synchronous = NORMAL the same harness finds acknowledged writes lost', async () => {
    const outcome = await powerCuts(3, { FEUILLET_TEST_SYNCHRONOUS: 'NORMAL' });
    console.log(`control run (NORMAL): ${outcome.problems[0]}`);
    expect(outcome.problems.join('\n')).toMatch(/acknowledged .* (missing|lost)/);
  }, 120_000);
});
