import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/connection.ts';
import { searchPatients, narrowestPair } from '../db/patients-repo.ts';
import { pairsOfWords, parsePatientQuery } from '../core/domain/search.ts';
const db = openDatabase('/tmp/feuillet-bench-gz8J1m/feuillet.sqlite', { migrationsDir: 'db/migrations' });
const pats = db.prepare('SELECT first_name, last_name FROM patients ORDER BY random() LIMIT 1500').all() as any[];
const opts = { includeArchived: false, limit: 50, today: '2026-11-25' };
for (const p of pats.slice(0, 300)) searchPatients(db, `${p.first_name} ${p.last_name}`, opts);
const res: [number, string, string, number][] = [];
for (const p of pats.slice(300)) {
  const q = `${p.first_name} ${p.last_name}`;
  const a = performance.now(); const r = searchPatients(db, q, opts); const t = performance.now() - a;
  const pq = parsePatientQuery(q); const pairs = pq.kind === 'words' ? pairsOfWords(pq.words) : [];
  res.push([t, q, pairs.length ? narrowestPair(db, pairs).join('+') + ` (${pairs.length})` : 'FTS', r.length]);
}
res.sort((a, b) => b[0] - a[0]);
console.log(res.slice(0, 30).map(([t, q, how, n]) => `${t.toFixed(2)} ${q} | ${how} | ${n}`).join('\n'));
console.log('p50', res[600]![0].toFixed(3), 'p95', res[60]![0].toFixed(3));
