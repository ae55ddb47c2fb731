import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/connection.ts';
import { searchPatients } from '../db/patients-repo.ts';
const db = openDatabase('/tmp/feuillet-bench-gz8J1m/feuillet.sqlite', { migrationsDir: 'db/migrations' });
const opts = { includeArchived: false, limit: 50, today: '2026-11-25' };
for (const q of ['Jean Ba', 'Nadège Da Silva', 'Ion Ionescu', 'Léa Lê', 'Jacques Lê', 'Mamadou Mathieu', 'Michel Fofana', 'Marie Ba', 'Marie Le Gall-Martin']) {
  const s: number[] = [];
  for (let i = 0; i < 9; i++) { const a = performance.now(); searchPatients(db, q, opts); s.push(performance.now() - a); }
  console.log(q.padEnd(24), s.map((x) => x.toFixed(2)).join(' '));
}
