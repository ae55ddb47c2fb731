/**
 * What a durable commit costs, for the benches that put a Feuillet transaction beside a bare one:
 * WAL frames per commit, the b-trees those pages belong to, the fsyncs a commit makes, the bare
 * validation-shaped transaction, and where the time of a transaction goes (statements, JS, commit).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection.ts';

/**
 * Frames in the WAL now: mxFrame of the wal-index header (offset 16 of the -shm file, native byte order).
 * A commit adds its frames to it; the first commit after a checkpoint starts the WAL again from 0.
 */
export function walFrameCounter(db: Db): { (): number; close(): void } {
  const fd = openSync(`${db.name}-shm`, 'r');
  const buf = Buffer.alloc(4);
  return Object.assign(
    () => {
      readSync(fd, buf, 0, 4, 16);
      return endianness() === 'LE' ? buf.readUInt32LE(0) : buf.readUInt32BE(0);
    },
    { close: () => closeSync(fd) },
  );
}

/** Sums the frames of each commit; a commit that started the WAL again (after a checkpoint) is left out. */
export function frameTally() {
  let frames = 0;
  let commits = 0;
  return {
    add(before: number, after: number) {
      if (after < before) return;
      frames += after - before;
      commits++;
    },
    perCommit: () => (commits === 0 ? 0 : frames / commits),
  };
}

/**
 * The bare durable transaction a validation is compared with, in the same file: bump a counter, write the
 * validated row and an audit row (3 statements, one IMMEDIATE transaction, the connection's `synchronous`).
 */
export function rawValidationTx(db: Db): { run(i: number): void; drop(): void } {
  db.exec(`CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, n INTEGER, status TEXT, at TEXT);
           CREATE TABLE bench_raw_audit (id INTEGER PRIMARY KEY, entity_id INTEGER, after_json TEXT);
           CREATE TABLE bench_counter (n INTEGER); INSERT INTO bench_counter VALUES (0)`);
  const bump = db.prepare('UPDATE bench_counter SET n = n + 1 RETURNING n');
  const mark = db.prepare("INSERT INTO bench_raw (n, status, at) VALUES (?, 'validated', ?)");
  const audit = db.prepare('INSERT INTO bench_raw_audit (entity_id, after_json) VALUES (?, ?)');
  const tx = db.transaction((i: number) => {
    const { n } = bump.get() as { n: number };
    mark.run(n, '2026-11-25T09:00:00.000Z');
    audit.run(i, JSON.stringify({ status: 'validated', number: n }));
  });
  return { run: (i) => void tx.immediate(i), drop: () => db.exec('DROP TABLE bench_raw; DROP TABLE bench_raw_audit; DROP TABLE bench_counter') };
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Sleeps without using the CPU (the machine is shared). */
export const pause = (ms: number) => void Atomics.wait(sleeper, 0, 0, ms);

/** The b-tree (table or index) each page of the file belongs to; pages past the end are new ones. */
export function pageOwners(db: Db): Map<number, string> {
  return new Map((db.prepare('SELECT pageno, name FROM dbstat').all() as { pageno: number; name: string }[]).map((r) => [r.pageno, r.name]));
}

/** The pages one commit wrote to the WAL, by b-tree: the WAL is emptied first (TRUNCATE checkpoint). */
export function walPagesOf(db: Db, owners: Map<number, string>, commit: () => void): Map<string, number> {
  db.pragma('wal_checkpoint(TRUNCATE)');
  commit();
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const wal = readFileSync(`${db.name}-wal`);
  const pages = new Map<string, number>();
  for (let off = 32; off + 24 + pageSize <= wal.length; off += 24 + pageSize) {
    const page = wal.readUInt32BE(off);
    const name = page === 1 ? 'page 1 (en-tête)' : (owners.get(page) ?? 'page ajoutée');
    pages.set(name, (pages.get(name) ?? 0) + 1);
  }
  return pages;
}

/**
 * fsync/fdatasync calls made while `fn` runs, by file (WAL or database), counted by attaching strace to
 * this process — null where strace is missing or not allowed (the figure is then not printed).
 */
export async function countSyncs(db: Db, fn: () => void): Promise<{ wal: number; db: number } | null> {
  if (spawnSync('strace', ['-V']).status !== 0) return null;
  const out = join(tmpdir(), `feuillet-bench-syncs-${process.pid}.txt`);
  const tracer = spawn('strace', ['-p', String(process.pid), '-y', '-e', 'trace=fsync,fdatasync', '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let attached = false;
  tracer.stderr.on('data', (d: Buffer) => (attached ||= d.toString().includes('attached')));
  for (let waited = 0; !attached && waited < 3000 && tracer.exitCode === null; waited += 20) await new Promise((r) => setTimeout(r, 20));
  if (!attached) {
    tracer.kill();
    return null;
  }
  fn();
  tracer.kill('SIGINT');
  await new Promise((r) => tracer.once('exit', r));
  if (!existsSync(out)) return null;
  const lines = readFileSync(out, 'utf8').split('\n').filter((l) => /^f(data)?sync\(/.test(l));
  rmSync(out, { force: true });
  return { wal: lines.filter((l) => l.includes(`${db.name}-wal>`)).length, db: lines.filter((l) => l.includes(`${db.name}>`)).length };
}

/** Per transaction: the time inside its function and the part of it spent in SQL statements; per statement, each call's time. */
export interface TxProfile {
  transactions: { insideMs: number; sqlMs: number }[];
  statements: Map<string, number[]>;
}

/**
 * Times every prepared statement run (run/get/all) and the function of every `db.transaction`, until
 * `stop()`. BEGIN and COMMIT (run by better-sqlite3 around the function) are left out of both: the caller's
 * total minus the time inside is what they cost. A few µs per statement: a separate pass only.
 */
export function profileTransactions(db: Db): { stop(): TxProfile } {
  const profile: TxProfile = { transactions: [], statements: new Map() };
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'run' | 'get' | 'all', (...a: unknown[]) => unknown>;
  const originals = { run: proto.run, get: proto.get, all: proto.all };
  let inside = false;
  let sqlMs = 0;
  for (const method of ['run', 'get', 'all'] as const) {
    const original = originals[method];
    proto[method] = function (this: Statement, ...args: unknown[]) {
      const t0 = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        if (inside) {
          const ms = performance.now() - t0;
          sqlMs += ms;
          const calls = profile.statements.get(this.source) ?? [];
          calls.push(ms);
          profile.statements.set(this.source, calls);
        }
      }
    };
  }
  const transaction = db.transaction;
  db.transaction = ((fn: (...a: unknown[]) => unknown) =>
    transaction.call(db, (...args: unknown[]) => {
      inside = true;
      sqlMs = 0;
      const t0 = performance.now();
      try {
        return fn(...args);
      } finally {
        profile.transactions.push({ insideMs: performance.now() - t0, sqlMs });
        inside = false;
      }
    })) as Db['transaction'];
  return {
    stop() {
      Object.assign(proto, originals);
      delete (db as Partial<Db>).transaction;
      return profile;
    },
  };
}

/**
 * What one durable commit costs by the number of pages it writes, in the same file: bare transactions
 * rewriting `pages` rows of 3 KB each (one per page, random bytes so that every page really changes),
 * each after an idle pause, the sizes taken in turn. Medians in ms, by page count.
 */
export function commitCostByPages(db: Db, sizes: readonly number[], rounds: number, gapMs: number): Map<number, number> {
  db.exec('CREATE TABLE bench_pages (id INTEGER PRIMARY KEY, pad BLOB)');
  const rows = 2_000;
  db.transaction(() => {
    const insert = db.prepare('INSERT INTO bench_pages (pad) VALUES (randomblob(3000))');
    for (let i = 0; i < rows; i++) insert.run();
  })();
  const rewrite = db.prepare('UPDATE bench_pages SET pad = randomblob(3000) WHERE id = ?');
  const tx = db.transaction((n: number, round: number) => {
    for (let j = 0; j < n; j++) rewrite.run(1 + ((round * 37 + j * 101) % rows));
  });
  const samples = new Map<number, number[]>(sizes.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (const n of round % 2 === 0 ? sizes : [...sizes].reverse()) {
      pause(gapMs);
      const t0 = performance.now();
      tx.immediate(n, round);
      samples.get(n)!.push(performance.now() - t0);
    }
  }
  db.exec('DROP TABLE bench_pages');
  return new Map([...samples].map(([n, s]) => [n, [...s].sort((a, b) => a - b)[s.length >> 1]!]));
}
