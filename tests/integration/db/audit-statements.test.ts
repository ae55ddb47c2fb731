/** The audit log stores what changed (not whole documents twice), and the statement cache. */
import { describe, expect, it } from 'vitest';
import { auditDiff, listAudit, recordAudit } from '../../../db/audit-repo.ts';
import { openDatabase } from '../../../db/connection.ts';
import { cached } from '../../../db/statements.ts';
import { ROOT } from '../../helpers/test-backend.ts';
import { join } from 'node:path';

describe('auditDiff', () => {
  it('keeps only the fields that changed, on both sides', () => {
    const before = { id: 7, lines: [{ code: 'AMI', coefficient: 1 }], totalCents: 315, ame: false, note: 'x' };
    const after = { id: 7, lines: [{ code: 'AMI', coefficient: 1 }], totalCents: 473, ame: true, added: 1 };
    expect(auditDiff(before, after)).toEqual([{ totalCents: 315, ame: false, note: 'x' }, { totalCents: 473, ame: true, added: 1 }]);
  });

  it('leaves creations, deletions and non-objects as they are', () => {
    expect(auditDiff(null, { a: 1 })).toEqual([null, { a: 1 }]);
    expect(auditDiff({ a: 1 }, null)).toEqual([{ a: 1 }, null]);
    expect(auditDiff([1], [2])).toEqual([[1], [2]]);
  });

  it('an invoice edit of one act stores that act list, not the invoice twice', () => {
    const db = openDatabase(':memory:', { migrationsDir: join(ROOT, 'db', 'migrations') });
    const invoice = { id: 1, patientName: 'DIALLO Aminata', nir: '285059912345607', lines: Array.from({ length: 20 }, (_, i) => ({ position: i, code: 'AMI' })), totalCents: 6300 };
    recordAudit(db, '2026-11-25T09:00:00.000Z', 'invoice', 1, 'update', invoice, { ...invoice, totalCents: 6615 });
    expect(listAudit(db, 'invoice', 1)[0]).toMatchObject({ before: { totalCents: 6300 }, after: { totalCents: 6615 } });
    const stored = db.prepare('SELECT length(before_json) + length(after_json) AS n FROM audit_log').get() as { n: number };
    expect(stored.n).toBeLessThan(60);
    db.close();
  });
});

describe('cached statements', () => {
  it('compiles a statement once per connection', () => {
    const a = openDatabase(':memory:', { migrationsDir: join(ROOT, 'db', 'migrations') });
    const b = openDatabase(':memory:', { migrationsDir: join(ROOT, 'db', 'migrations') });
    const sql = 'SELECT count(*) AS n FROM patients';
    expect(cached(a, sql)).toBe(cached(a, sql));
    expect(cached(b, sql)).not.toBe(cached(a, sql));
    expect(cached(a, sql).get()).toEqual({ n: 0 });
    a.close();
    b.close();
  });
});
