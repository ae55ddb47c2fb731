/**
 * Hostile catalogue update files (review of issue 18): each is refused in French, the database files stay
 * byte for byte the same, and a validated invoice is never re-priced. The checksum only proves the file
 * was not damaged after it was written: a forger can recompute it, so the rows themselves must be plausible.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogueFile } from '../../../core/cotation/catalogue-file.ts';
import { checksumOf } from '../../../db/catalogue-apply.ts';
import { catalogueFileText, shippedCatalogue } from '../../../db/catalogue-bundle.ts';
import { buildPractitionerInput, makeTestBackend, validatedInvoice, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => (t = makeTestBackend('2027-01-10')));
afterEach(() => t.dispose());

/** A new version of the shipped catalogue, edited by `edit`, its checksum recomputed (as a forger would). */
const NEXT = shippedCatalogue().version + 1;
function update(edit: (f: CatalogueFile) => void): string {
  const file = structuredClone(shippedCatalogue());
  file.version = NEXT;
  file.published = '2027-01-02';
  file.title = 'Mise à jour';
  edit(file);
  const { checksum: _old, ...content } = file;
  return catalogueFileText({ ...file, checksum: checksumOf(content) });
}
const ami = (f: CatalogueFile) => f.acts.find((a) => a.key === 'idel-injection-im')!;

const dbBytes = () => {
  const hash = (p: string) => (existsSync(p) ? createHash('sha256').update(readFileSync(p)).digest('hex') : null);
  t.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  return [hash(join(t.dir, 'feuillet.sqlite')), hash(join(t.dir, 'feuillet.sqlite-wal'))];
};

async function refused(content: string, message: RegExp): Promise<void> {
  const bytes = dbBytes();
  for (const method of ['catalogue/preview-update', 'catalogue/apply-update'] as const) {
    const error = await t.fails(method, { content, checksum: `sha256:${'0'.repeat(64)}` });
    expect(error).toMatchObject({ code: 'invalid-input' });
    expect(error.message_fr).toMatch(message);
  }
  expect(dbBytes()).toEqual(bytes);
}

describe('hostile catalogue files', () => {
  it('a huge file', async () => {
    await refused(`{"format":"feuillet-catalogue-ngap","pad":"${'x'.repeat(2_100_000)}"}`, /refusé|trop|volumineux|caractères/);
  });
  it('deeply nested JSON', async () => {
    await refused(`{"format":"feuillet-catalogue-ngap","formatVersion":1,"title":${'['.repeat(500_000)}${']'.repeat(500_000)}}`, /refusé/);
  });
  it('a __proto__ key in the header and in a row', async () => {
    await refused(update(() => {}).replace(`"version": ${NEXT}`, `"__proto__": {"version": 99}, "version": ${NEXT}`), /refusé/);
    await refused(update(() => {}).replace('{"profession":"infirmier"', '{"__proto__":{"cents":1},"profession":"infirmier"'), /refusé/);
    expect(({} as Record<string, unknown>).cents).toBeUndefined();
  });
  it('a coefficient of 1e9 or negative', async () => {
    await refused(update((f) => { ami(f).coefficient = 1e9; }), /ligne \d+ des actes, champ « coefficient »/);
    await refused(update((f) => { ami(f).coefficient = -100; }), /ligne \d+ des actes, champ « coefficient »/);
    await refused(update((f) => { f.tariffs[0]!.cents = -315; }), /ligne 1 des tarifs, champ « cents »/);
  });
  it('dates in 2300 (a row, the publication date) and a day that does not exist', async () => {
    await refused(update((f) => { f.tariffs.push({ ...f.tariffs[0]!, from: '2300-01-01' }); }), /champ « from » : date/);
    await refused(update((f) => { f.published = '2300-01-01'; }), /champ « published » : date/);
    await refused(update((f) => { f.tariffs.push({ ...f.tariffs[0]!, from: '2027-02-31' }); }), /champ « from » : date/);
  });
  it('a newer version that withdraws a tariff validated invoices were priced with', async () => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const validated = await validatedInvoice(t, nurse.id, { ame: false, lines: [{ actDate: '2027-01-05', code: 'AMI', coefficient: 2, quantity: 1 }] });
    const before = await t.call('invoices/get', { id: validated.id });
    const used = t.ctx.db.prepare('SELECT tariff_id FROM invoice_lines WHERE invoice_id = ?').get(validated.id) as { tariff_id: number };
    const row = t.ctx.db.prepare('SELECT profession, code, zone, effective_from AS "from" FROM tariffs WHERE id = ?').get(used.tariff_id) as { profession: string; code: string; zone: string; from: string };
    await refused(
      update((f) => { f.tariffs = f.tariffs.filter((r) => !(r.profession === row.profession && r.code === row.code && r.zone === row.zone && r.from === row.from)); }),
      /retire le tarif AMI .* utilisé par 1 facture validée/,
    );
    expect(await t.call('invoices/get', { id: validated.id })).toEqual(before);
  });
});
