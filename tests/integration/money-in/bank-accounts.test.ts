/**
 * A bank line's identity includes its account: two accounts' CSV exports holding the same line (same date,
 * amount and label) stay two lines, while the same file imported again changes nothing. A CSV naming its
 * account above the header (an IBAN, « Compte … n° … ») is read as such; one naming none is imported only
 * once the desk names the account, offered the last one named for that layout. Lines imported before this
 * (under the account « compte ») are found again, not doubled, after the migration.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineIdentities } from '../../../core/domain/bank-statement.ts';
import type { StatementImport } from '../../../core/domain/money-in.ts';
import { openDatabase } from '../../../db/connection.ts';
import { createBackend } from '../../../electron/backend.ts';
import { fixedClock } from '../../../electron/context.ts';
import { makeTestBackend, ROOT, type TestBackend } from '../../helpers/test-backend.ts';
import { MIGRATIONS, migrationsBefore } from '../../helpers/migrations-before.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');
/** Two honoraria paid the same day by the same patient's bank, on each of the practice's two accounts. */
const SAME_LINES = 'Date;Libellé;Débit;Crédit\n24/11/2026;VIR M. DUPONT HONORAIRES;;12,00\n25/11/2026;VIR CPAM PARIS 751;;31,89\n';

let t: TestBackend | undefined;
const dirs: string[] = [];
afterEach(() => {
  t?.dispose();
  t = undefined;
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('the account typed as the bank prints it', () => {
  it('an IBAN or account number typed spaced or in lower case is the account the file names: the same lines are not imported twice', async () => {
    t = makeTestBackend();
    const named = await t.call('statements/import', { fileName: 'a.csv', contentBase64: b64(`IBAN : FR76 3000 4000 0100 0000 1234 567;;;\n${SAME_LINES}`) });
    expect(named.imported).toBe(2);
    for (const account of ['fr76 3000 4000 0100 0000 1234 567', ' FR7630004000010000001234567 ']) {
      expect(await t.call('statements/import', { fileName: 'bare.csv', contentBase64: b64(SAME_LINES), account })).toMatchObject({ imported: 0, alreadyKnown: 2 });
    }
    const numbered = await t.call('statements/import', { fileName: 'c.csv', contentBase64: b64(`Compte courant n° 00012345678;;;\n${SAME_LINES}`) });
    expect(numbered.imported).toBe(2);
    expect(await t.call('statements/import', { fileName: 'bare.csv', contentBase64: b64(SAME_LINES), account: '000 1234 5678' })).toMatchObject({ imported: 0, alreadyKnown: 2 });
    expect(t.count('bank_lines')).toBe(4);
    // Hostile accounts: refused in French, nothing stored.
    for (const account of ['Compte\u0007pro', 'x'.repeat(10_000), 'Compte\u202Epro']) {
      const refused = await t.fails('statements/import', { fileName: 'bare.csv', contentBase64: b64(SAME_LINES), account });
      expect(refused).toMatchObject({ code: 'invalid-input', field: 'account' });
      expect(refused.message_fr).toMatch(/[éèà]|caractère|compte/i);
    }
    expect(t.count('bank_lines')).toBe(4);
    // A name stays a name (its spaces collapsed, its case kept).
    const pro = await t.call('statements/import', { fileName: 'pro.csv', contentBase64: b64(SAME_LINES), account: 'Compte  pro' });
    expect([...new Set(pro.lines.map((l) => l.account))]).toEqual(['Compte pro']);
  });
});

describe('two accounts, one CSV layout', () => {
  it('asks for the account, keeps both accounts’ identical lines, and the same file again changes nothing', async () => {
    t = makeTestBackend();
    const asked = await t.fails('statements/import', { fileName: 'pro.csv', contentBase64: b64(SAME_LINES) });
    expect(asked).toMatchObject({ code: 'invalid-input', field: 'account' });
    expect(asked.message_fr).toMatch(/^Ce fichier CSV ne dit pas de quel compte il vient : indiquez le compte/);
    expect(asked.issues).toBeUndefined(); // no account named yet for this layout
    expect(t.count('bank_lines')).toBe(0);

    const pro = await t.call('statements/import', { fileName: 'pro.csv', contentBase64: b64(SAME_LINES), account: 'Compte pro' });
    expect(pro).toMatchObject({ imported: 2, alreadyKnown: 0 });
    const joint = await t.call('statements/import', { fileName: 'joint.csv', contentBase64: b64(SAME_LINES), account: 'Compte joint' });
    expect(joint).toMatchObject({ imported: 2, alreadyKnown: 0 });
    expect(t.count('bank_lines')).toBe(4);
    const lines = await t.call('statements/lines', {});
    expect(lines.map((l) => [l.account, l.amountCents]).sort()).toEqual([['Compte joint', 1200], ['Compte joint', 3189], ['Compte pro', 1200], ['Compte pro', 3189]]);

    for (const account of ['Compte pro', 'Compte joint']) {
      expect(await t.call('statements/import', { fileName: 'again.csv', contentBase64: b64(SAME_LINES), account })).toMatchObject({ imported: 0, alreadyKnown: 2 });
    }
    expect(t.count('bank_lines')).toBe(4);

    // The next file of this layout: the field is offered with the last account named.
    const next = await t.fails('statements/import', { fileName: 'dec.csv', contentBase64: b64(SAME_LINES) });
    expect(next.field).toBe('account');
    expect(next.issues?.find((i) => i.field === 'account.last')?.message_fr).toBe('Compte joint');
    expect(t.count('bank_lines')).toBe(4);
  });

  it('reads the account a CSV names above its header: two IBANs keep their lines apart, no question asked', async () => {
    t = makeTestBackend();
    const withIban = (iban: string) => `Relevé de compte;;;\nIBAN : ${iban};;;\n${SAME_LINES}`;
    const a = await t.call('statements/import', { fileName: 'a.csv', contentBase64: b64(withIban('FR76 3000 4000 0100 0000 1234 567')) });
    const b = await t.call('statements/import', { fileName: 'b.csv', contentBase64: b64(withIban('FR76 3000 4000 0100 0000 7654 321')) });
    expect([a.imported, b.imported]).toEqual([2, 2]);
    expect([...new Set(b.lines.map((l) => l.account))]).toEqual(['FR7630004000010000007654321']);
    expect((await t.call('statements/import', { fileName: 'a.csv', contentBase64: b64(withIban('FR76 3000 4000 0100 0000 1234 567')) })).imported).toBe(0);
    // « Compte courant n° … » (the layout of tests/fixtures/statements/bordereau-1.csv).
    const numbered = await t.call('statements/import', { fileName: 'c.csv', contentBase64: b64(`Compte courant n° 00012345678;;;\n${SAME_LINES}`) });
    expect(numbered.lines.map((l) => l.account)).toEqual(['00012345678', '00012345678']);
    expect(t.count('bank_lines')).toBe(6);
  });
});

describe('migration: lines imported before the account was asked', () => {
  it('keeps them, and the same file imported again after the upgrade (account named) adds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feuillet-bank-accounts-'));
    dirs.push(dir);
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const old = openDatabase(join(dataDir, 'feuillet.sqlite'), { migrationsDir: migrationsBefore(dir, '-bank-csv-accounts.sql') });
    // As the former import stored them: account « compte », identity hashed from it.
    const lines = [
      { account: 'compte', bookedOn: '2026-11-24', amountCents: 1200, label: 'VIR M. DUPONT HONORAIRES', bankRef: null },
      { account: 'compte', bookedOn: '2026-11-25', amountCents: 3189, label: 'VIR CPAM PARIS 751', bankRef: null },
    ];
    const identities = lineIdentities('csv', lines).map((k) => createHash('sha256').update(k).digest('hex'));
    const insert = old.prepare("INSERT INTO bank_lines (identity, account, booked_on, amount_cents, label, source, imported_at) VALUES (?, ?, ?, ?, ?, 'csv', '2026-11-25T09:00:00.000Z')");
    lines.forEach((l, i) => insert.run(identities[i], l.account, l.bookedOn, l.amountCents, l.label));
    const before = old.prepare('SELECT * FROM bank_lines ORDER BY id').all();
    expect(old.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'bank_csv_accounts'").pluck().get()).toBe(0);
    old.close();

    const now = createBackend({ dataDir, migrationsDir: MIGRATIONS, fontsDir: join(ROOT, 'invoice-templates', 'fonts'), transport: 'browser', appVersion: 'test', clock: fixedClock('2026-11-25') });
    try {
      expect(now.ctx.db.prepare('SELECT * FROM bank_lines ORDER BY id').all()).toEqual(before);
      expect(now.ctx.db.prepare('SELECT count(*) FROM bank_csv_accounts').pluck().get()).toBe(0);
      const r = await now.dispatch('statements/import', { fileName: 'pro.csv', contentBase64: b64(SAME_LINES), account: 'Compte pro' });
      if (!r.ok) throw new Error(r.error.message_fr);
      expect(r.value as StatementImport).toMatchObject({ imported: 0, alreadyKnown: 2 });
      expect(now.ctx.db.prepare('SELECT count(*) FROM bank_lines').pluck().get()).toBe(2);
      // Remembered for the layout from now on.
      expect(now.ctx.db.prepare('SELECT account FROM bank_csv_accounts').pluck().all()).toEqual(['Compte pro']);
    } finally {
      now.close();
    }
  });
});
