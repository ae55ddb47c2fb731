/**
 * The validation prices with the catalogue kept per connection (db/catalogue-cache.ts): never a stale
 * one. A tariff added through the app, by another connection, or added then rolled back, is seen by the
 * next validation exactly as if the catalogue were read from the tables.
 * Amounts: AMI 3,15 €, IFD 2,75 € in force on 20–21/11/2026 (catalogue, BILLING-RULES §1); AMI 1,5 →
 * 4,725 rounded half up to 4,73 €; with AMI at 3,99 €: 5,985 → 5,99 € (NGAP coefficients, rounding of §1).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentCatalogue } from '../../../db/catalogue-cache.ts';
import { loadCatalogue } from '../../../db/catalogue-repo.ts';
import { makeTestBackend, NIR_1, seedDraft, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend();
});
afterEach(() => t.dispose());

async function validatedAmounts(): Promise<number[]> {
  const { invoice } = await seedDraft(t, { nir: NIR_1 });
  const r = await t.call('invoices/validate', { invoiceId: invoice.id });
  if (r.kind !== 'validated') throw new Error(r.kind);
  return r.invoice.lines.map((l) => l.amountCents);
}

const addAmiTariff = (db: Database.Database, unitCents: number) =>
  db
    .prepare(
      "INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, created_at) VALUES ('infirmier', 'AMI', 'metropole', 'Acte médico-infirmier', ?, '2026-11-01', '2026-11-25T09:00:00.000Z')",
    )
    .run(unitCents);

describe('catalogue kept per connection for the validation', () => {
  it('is read once, then given again while nothing changed, equal to what the tables give, and frozen', async () => {
    expect(await validatedAmounts()).toEqual([315, 275, 473]);
    const first = currentCatalogue(t.ctx.db, 'infirmier');
    expect(currentCatalogue(t.ctx.db, 'infirmier')).toBe(first);
    expect(first).toEqual(loadCatalogue(t.ctx.db, 'infirmier'));
    expect(Object.isFrozen(first.tariffs) && Object.isFrozen(first.tariffs[0])).toBe(true);
    expect(() => (first.tariffs as unknown as unknown[]).push({})).toThrow();
  });

  it('a tariff added through the app after a validation prices the next validation', async () => {
    expect(await validatedAmounts()).toEqual([315, 275, 473]);
    await t.call('tariffs/add', { profession: 'infirmier', code: 'AMI', label: 'Acte médico-infirmier', unitCents: 399, effectiveFrom: '2026-11-01' });
    expect(await validatedAmounts()).toEqual([399, 275, 599]);
  });

  it('a tariff added by another connection (another process) prices the next validation', async () => {
    expect(await validatedAmounts()).toEqual([315, 275, 473]);
    const other = new Database(join(t.dir, 'feuillet.sqlite'));
    try {
      addAmiTariff(other, 399);
    } finally {
      other.close();
    }
    expect(await validatedAmounts()).toEqual([399, 275, 599]);
  });

  it('a tariff added then rolled back is not priced, and one added afterwards is', async () => {
    expect(await validatedAmounts()).toEqual([315, 275, 473]);
    const db = t.ctx.db;
    // Read inside the transaction that added a tariff, then rolled back: the cache must not keep it.
    expect(() =>
      db.transaction(() => {
        addAmiTariff(db, 4321);
        expect(currentCatalogue(db, 'infirmier').tariffs.some((x) => x.unitCents === 4321)).toBe(true);
        throw new Error('rollback');
      })(),
    ).toThrow('rollback');
    expect(currentCatalogue(db, 'infirmier').tariffs.some((x) => x.unitCents === 4321)).toBe(false);
    expect(await validatedAmounts()).toEqual([315, 275, 473]);
    addAmiTariff(db, 399);
    expect(await validatedAmounts()).toEqual([399, 275, 599]);
  });

  it('when its watching triggers were rolled back with the first transaction, reads the tables and watches again', () => {
    const db = t.ctx.db;
    expect(() =>
      db.transaction(() => {
        currentCatalogue(db, 'infirmier');
        throw new Error('rollback');
      })(),
    ).toThrow('rollback');
    const watchers = () => db.prepare("SELECT count(*) FROM temp.sqlite_schema WHERE type = 'trigger'").pluck().get();
    expect(watchers()).toBe(0);
    const read = currentCatalogue(db, 'infirmier');
    expect(watchers()).toBe(9);
    addAmiTariff(db, 399);
    const after = currentCatalogue(db, 'infirmier');
    expect(after).not.toBe(read);
    expect(after.tariffs.some((x) => x.unitCents === 399)).toBe(true);
  });
  it('watches again when a table was rebuilt under its name (its triggers left on the renamed one) or the stamp row removed', () => {
    const db = t.ctx.db;
    const has = (cents: number) => currentCatalogue(db, 'infirmier').tariffs.some((x) => x.unitCents === cents);
    currentCatalogue(db, 'infirmier');
    db.exec('ALTER TABLE tariffs RENAME TO tariffs_old; CREATE TABLE tariffs AS SELECT * FROM tariffs_old;');
    currentCatalogue(db, 'infirmier');
    addAmiTariff(db, 411);
    expect(has(411)).toBe(true);
    db.exec('DELETE FROM temp.feuillet_catalogue_stamp');
    currentCatalogue(db, 'infirmier');
    addAmiTariff(db, 422);
    expect(has(422)).toBe(true);
    // Acts and coefficient steps are watched too: an act's label changed, the kiné steps removed.
    db.prepare("UPDATE ngap_acts SET label = 'changé' WHERE key = 'idel-injection-sc'").run();
    expect(currentCatalogue(db, 'infirmier').acts.find((a) => a.key === 'idel-injection-sc')?.label).toBe('changé');
    currentCatalogue(db, 'masseur-kinesitherapeute');
    db.prepare("DELETE FROM coefficient_steps WHERE profession = 'masseur-kinesitherapeute'").run();
    expect(currentCatalogue(db, 'masseur-kinesitherapeute').steps).toEqual([]);
  });
});
