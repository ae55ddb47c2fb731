/**
 * One Feuillet per data folder, as the user meets it: the browser mode (the BUILT out/bridge/cli.mjs,
 * `npm run build`) started on a folder another Feuillet holds stops at once with a clear French message;
 * once that other process is killed (SIGKILL: no clean-up of its own) the operating system has
 * released the lock and the same command starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/test-backend.ts';

const CLI = join(ROOT, 'out', 'bridge', 'cli.mjs');
const ALREADY_OPEN = "Feuillet n'a pas pu démarrer : Feuillet est déjà ouvert sur ce dossier de données. Fermez l'autre fenêtre de Feuillet, puis réessayez.";
const dirs: string[] = [];
const newDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'feuillet-second-'));
  dirs.push(d);
  return d;
};
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function run(dir: string, command: string, args: string[]) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, FEUILLET_DATA_DIR: dir, FEUILLET_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (stdout.includes(text) ? resolve() : undefined);
      child.stdout!.on('data', check);
      check();
      void exited.then((code) => reject(new Error(`exited (${code}) before printing « ${text} »: ${stderr}`)));
    });
  return { child, exited, printed, out: () => ({ stdout, stderr }) };
}

describe('a second Feuillet on the same data folder', () => {
  it('is refused with a French message; after the first is killed, it starts', async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
    const dir = newDir();
    const holder = run(dir, process.execPath, ['--import', 'tsx', join(ROOT, 'tests/durability/hold-lock.ts'), dir]);
    await holder.printed('locked');

    const second = run(dir, process.execPath, [CLI]);
    expect(await second.exited).toBe(1);
    expect(second.out().stderr).toContain(ALREADY_OPEN);

    holder.child.kill('SIGKILL');
    await holder.exited;
    const third = run(dir, process.execPath, [CLI]);
    await third.printed('?token=');
    const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(third.out().stdout)![0];
    expect((await fetch(url)).status).toBe(200); // it serves the page
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 60_000);

  it('three started at the same moment on a new folder: exactly one runs, the others are refused in French', async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
    const dir = newDir();
    const runs = [0, 1, 2].map(() => run(dir, process.execPath, [CLI]));
    const outcomes = await Promise.all(
      runs.map(
        (r) =>
          new Promise<string>((resolve) => {
            r.printed('?token=').then(() => resolve('serving'), () => undefined);
            void r.exited.then((code) => resolve(`exited ${code}`));
          }),
      ),
    );
    expect(outcomes.filter((o) => o === 'serving')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'exited 1')).toHaveLength(2);
    for (const [k, r] of runs.entries()) if (outcomes[k] !== 'serving') expect(r.out().stderr).toContain(ALREADY_OPEN);
  }, 60_000);
});
