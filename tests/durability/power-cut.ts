/**
 * Power-cut simulation (Linux): the writer runs with powercut-shim.c preloaded, which logs every write,
 * truncate, fsync, create, unlink and rename under the data folder. `replayDurable` rebuilds the folder
 * as a disk could hold it if the power had failed at the kill: for each file, the operations followed by
 * an fsync of that file are kept; of the others, none (`'drop'`) or a random part (`keepRandomly`).
 *
 * Model (documented in the README): file CONTENTS are durable up to their last fsync, and unsynced writes
 * may be lost, all of them or some; names (create, rename, unlink) are taken as durable when
 * they happen — SQLite fsyncs the folder itself in FULL mode, and writeFileAtomic fsyncs it after each
 * rename. `-shm` files are dropped: SQLite rebuilds the WAL index from the WAL at the first opening.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from '../helpers/test-backend.ts';

/** Compiles the shim with the machine's C compiler; returns the .so path. */
export function buildShim(): string {
  const out = join(ROOT, 'test-results', 'durability');
  mkdirSync(out, { recursive: true });
  const so = join(out, 'powercut.so');
  execFileSync('cc', ['-shared', '-fPIC', '-O2', '-o', so, join(ROOT, 'tests/durability/powercut-shim.c'), '-ldl']);
  return so;
}

type FileState = { durable: Buffer; pending: ({ op: 'W'; offset: number; data: Buffer } | { op: 'T'; size: number })[] };

function applyOps(state: FileState): void {
  let buf = state.durable;
  for (const p of state.pending) {
    if (p.op === 'T') {
      buf = p.size <= buf.length ? buf.subarray(0, p.size) : Buffer.concat([buf, Buffer.alloc(p.size - buf.length)]);
    } else {
      const end = p.offset + p.data.length;
      if (end > buf.length) buf = Buffer.concat([buf, Buffer.alloc(end - buf.length)]);
      else buf = Buffer.from(buf);
      p.data.copy(buf, p.offset);
    }
  }
  state.durable = Buffer.from(buf);
  state.pending = [];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export interface ReplayStats {
  operations: number;
  /** Writes not followed by an fsync of their file: thrown away (or, with `unsynced`, some kept). */
  lostWrites: number;
  /** Writes not followed by an fsync that were kept anyway (`keepRandomly` only). */
  keptWrites: number;
}

/**
 * What becomes of the writes (and truncates) not followed by an fsync: with `'drop'` all are lost; with a
 * seed, each is kept or lost at random, in its order — the disk may have written some of them before the
 * power failed (a later one without an earlier one, a rename's content half there), which SQLite's WAL
 * checksums and the atomic writer's fsync-before-rename must both survive.
 */
export type Unsynced = 'drop' | { keepRandomly: number };

/**
 * `before`: the folder as it was when the writer started (fully durable); `log`: the shim's log, whose
 * paths are under `liveDir`; writes the state after the power cut into `target` (emptied first).
 */
export function replayDurable(before: string, liveDir: string, log: string, target: string, unsynced: Unsynced = 'drop'): ReplayStats {
  const files = new Map<string, FileState>();
  for (const path of filesUnder(before)) files.set(relative(before, path), { durable: readFileSync(path), pending: [] });
  const raw = existsSync(log) ? readFileSync(log) : Buffer.alloc(0);
  let at = 0;
  let operations = 0;
  // The kill can land while the shim writes its own log: a last entry cut short is an operation whose
  // record never completed, so nothing after it (an fsync, an acknowledgement) can have happened.
  class CutShort extends Error {}
  const need = (bytes: number) => {
    if (at + bytes > raw.length) throw new CutShort();
  };
  const str = () => {
    need(4);
    const len = raw.readUInt32LE(at);
    need(4 + len);
    const s = raw.subarray(at + 4, at + 4 + len).toString('utf8');
    at += 4 + len;
    return relative(liveDir, s);
  };
  const entry = (rel: string) => {
    let f = files.get(rel);
    if (!f) files.set(rel, (f = { durable: Buffer.alloc(0), pending: [] }));
    return f;
  };
  while (at < raw.length) {
    const start = at;
    try {
      readEntry();
    } catch (e) {
      if (!(e instanceof CutShort)) throw e;
      at = start;
      break;
    }
  }
  function readEntry() {
    const type = String.fromCharCode(raw[at]!);
    at += 1;
    const path = str();
    if (type === 'W') {
      need(12);
      const offset = Number(raw.readBigInt64LE(at));
      const len = raw.readUInt32LE(at + 8);
      need(12 + len);
      const data = Buffer.from(raw.subarray(at + 12, at + 12 + len));
      at += 12 + len;
      entry(path).pending.push({ op: 'W', offset, data });
    } else if (type === 'T') {
      need(8);
      const size = Number(raw.readBigInt64LE(at));
      at += 8;
      entry(path).pending.push({ op: 'T', size });
    } else if (type === 'S') {
      const f = files.get(path);
      if (f) applyOps(f);
    } else if (type === 'C') {
      entry(path);
    } else if (type === 'U') {
      files.delete(path);
    } else if (type === 'R') {
      const to = str();
      const f = files.get(path);
      files.delete(path);
      if (f) files.set(to, f);
    } else {
      throw new Error(`power-cut log damaged at byte ${at - 1} (${type})`);
    }
    operations++;
  }
  let lostWrites = 0;
  let keptWrites = 0;
  let seed = typeof unsynced === 'object' ? unsynced.keepRandomly >>> 0 || 1 : 0;
  const coin = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed < 2 ** 31;
  };
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const [rel, f] of files) {
    const lost = new Set(unsynced === 'drop' ? f.pending : f.pending.filter(() => !coin()));
    lostWrites += [...lost].filter((p) => p.op === 'W').length;
    if (unsynced !== 'drop') {
      keptWrites += f.pending.filter((p) => p.op === 'W' && !lost.has(p)).length;
      f.pending = f.pending.filter((p) => !lost.has(p));
      applyOps(f);
    }
    if (rel.startsWith('..') || rel.endsWith('-shm')) continue;
    const path = join(target, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.durable);
  }
  for (const folder of ['documents', 'sauvegardes']) mkdirSync(join(target, folder), { recursive: true });
  return { operations, lostWrites, keptWrites };
}
