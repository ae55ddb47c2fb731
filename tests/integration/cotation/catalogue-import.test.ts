/**
 * Tariff updates without a new release (issue 18, DESIGN §7): a catalogue file is previewed (adds, changes,
 * ends, with dates), then applied through the same function as the shipped catalogue's migration, in one
 * transaction, recorded in catalogue_versions and audited. A malformed, older, same or tampered file is
 * refused in French and the database files stay byte for byte the same; validated invoices never change.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogueFile } from '../../../core/cotation/catalogue-file.ts';
import { checksumOf } from '../../../db/catalogue-apply.ts';
import { catalogueFileText, shippedCatalogue } from '../../../db/catalogue-bundle.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, validatedInvoice, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => (t = makeTestBackend('2027-01-10')));
afterEach(() => t.dispose());

/** The version of the shipped catalogue (the migrations apply versions 1 to SHIPPED), and the next one. */
const SHIPPED = shippedCatalogue().version;
const NEXT = SHIPPED + 1;

/** A new version of the shipped catalogue, edited by `edit`, with its checksum recomputed (a genuine update). */
function update(edit: (f: CatalogueFile) => void, version = NEXT): string {
  const file = structuredClone(shippedCatalogue());
  file.version = version;
  file.published = '2027-01-02';
  file.title = 'Mise à jour de test';
  edit(file);
  const { checksum: _old, ...content } = file;
  return catalogueFileText({ ...file, checksum: checksumOf(content) });
}

/** AMI at 3,30 € in métropole from 01/01/2027 (a value made up for the test, as an avenant would add it). */
const amiRaise = (f: CatalogueFile) =>
  f.tariffs.push({ profession: 'infirmier', code: 'AMI', zone: 'metropole', label: 'Acte médico-infirmier', cents: 330, from: '2027-01-01', source: 'test' });

const dbBytes = () => {
  const hash = (p: string) => (existsSync(p) ? createHash('sha256').update(readFileSync(p)).digest('hex') : null);
  t.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  return [hash(join(t.dir, 'feuillet.sqlite')), hash(join(t.dir, 'feuillet.sqlite-wal'))];
};

describe('catalogue versions', () => {
  it('the shipped catalogue came in through migrations, version 1 then each later version', async () => {
    const versions = await t.call('catalogue/versions', {});
    expect(versions.map((v) => [v.version, v.origin])).toEqual(Array.from({ length: SHIPPED }, (_, i) => [SHIPPED - i, 'migration']));
    expect(versions[0]).toMatchObject({ version: SHIPPED, checksum: shippedCatalogue().checksum });
    expect(versions.at(-1)!.counts.add).toBeGreaterThan(50);
  });
});

describe('importing a catalogue update', () => {
  it('previews what it adds, changes and ends, with dates, and writes nothing', async () => {
    const content = update((f) => {
      amiRaise(f);
      const ifd = f.tariffs.find((r) => r.profession === 'infirmier' && r.code === 'IFD' && r.zone === 'metropole' && r.from === '2024-01-28')!;
      ifd.to = '2026-12-31';
      f.acts = f.acts.filter((a) => a.key !== 'idel-soins-bouche');
      f.acts.find((a) => a.key === 'idel-aerosol')!.label = 'Séance d’aérosol (nébulisation)';
    });
    const audit = t.count('audit_log');
    const preview = await t.call('catalogue/preview-update', { content });
    expect(preview).toMatchObject({ version: NEXT, published: '2027-01-02', current: { version: SHIPPED }, counts: { add: 1, change: 1, end: 2 } });
    expect(preview.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'tarif', action: 'add', code: 'AMI', detail: expect.stringMatching(/^3,30\s€ \(métropole\)$/), from: '2027-01-01', to: null }),
      expect.objectContaining({ kind: 'tarif', action: 'end', code: 'IFD', from: '2024-01-28', to: '2026-12-31' }),
      expect.objectContaining({ kind: 'acte', action: 'end', code: 'AMI', detail: 'AMI 1,25 — retiré' }),
      expect.objectContaining({ kind: 'acte', action: 'change', label: 'Séance d’aérosol (nébulisation)', before: 'AMI 1,5 — Séance d’aérosol' }),
    ]));
    expect(await t.call('catalogue/versions', {})).toHaveLength(SHIPPED);
    expect(t.count('audit_log')).toBe(audit);
  });

  it('applies in one transaction, audited; drafts are priced with it, a validated invoice never changes', async () => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const validated = await validatedInvoice(t, nurse.id, { ame: false, lines: [{ actDate: '2027-01-05', code: 'AMI', coefficient: 2, quantity: 1 }] });
    const before = await t.call('invoices/get', { id: validated.id });
    expect(before.lines.map((l) => l.amountCents)).toEqual([630]);

    const content = update((f) => {
      amiRaise(f);
      // A value corrected at the same date: the row is replaced (withdrawn + added), never rewritten.
      f.tariffs.find((r) => r.profession === 'infirmier' && r.code === 'AIS' && r.zone === 'metropole')!.cents = 266;
    });
    const preview = await t.call('catalogue/preview-update', { content });
    const applied = await t.call('catalogue/apply-update', { content, checksum: preview.checksum });
    expect(applied).toMatchObject({ version: NEXT, origin: 'import', appliedAt: '2027-01-10T09:00:00.000Z', counts: { add: 1, change: 1, end: 0 } });
    expect((await t.call('catalogue/versions', {})).map((v) => v.version)).toEqual(Array.from({ length: NEXT }, (_, i) => NEXT - i));
    const entry = t.ctx.db.prepare("SELECT action, after_json FROM audit_log WHERE entity = 'catalogue'").get() as { action: string; after_json: string };
    expect(entry.action).toBe('apply');
    expect(JSON.parse(entry.after_json)).toMatchObject({ version: NEXT, checksum: preview.checksum, counts: { add: 1, change: 1, end: 0 } });
    expect(t.ctx.db.prepare("SELECT count(*) AS n FROM tariffs WHERE code = 'AIS' AND zone = 'metropole' AND withdrawn_by IS NOT NULL").get()).toEqual({ n: 1 });

    expect(await t.call('invoices/get', { id: validated.id })).toEqual(before);
    const patient = await t.call('patients/create', buildPatientInput({ firstName: 'Lina' }));
    const draft = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    const priced = await t.call('invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: '2027-01-05', code: 'AMI', coefficient: 2, quantity: 1 }, { actDate: '2027-01-06', code: 'AIS', coefficient: 3, quantity: 1 }] });
    expect(priced.lines.map((l) => `${l.code} ${l.amountCents}`)).toEqual(['AMI 660', 'AIS 798']);
  });

  const refusals: { name: string; content: () => string; message: RegExp }[] = [
    { name: 'a file that is not JSON', content: () => '{ "format": "feuillet-catalogue-ngap", ', message: /n’est pas un fichier JSON lisible/ },
    { name: 'another kind of file', content: () => JSON.stringify({ hello: 'world' }), message: /ce n’est pas un catalogue NGAP de Feuillet/ },
    { name: 'a row with a bad date', content: () => update((f) => { f.tariffs[3]!.from = '2027-13-01'; }), message: /ligne 4 des tarifs, champ « from » : date attendue/ },
    { name: 'a label with a control character', content: () => update((f) => { f.acts[0]!.label = 'Prise\u0000 de sang'; }), message: /ligne 1 des actes, champ « label »/ },
    { name: 'a tariff row twice', content: () => update((f) => { f.tariffs.push({ ...f.tariffs[0]! }); }), message: /en double/ },
    { name: 'an act without a tariff', content: () => update((f) => { f.acts.push({ ...f.acts[0]!, key: 'idel-inconnu', code: 'ZZZ' }); }), message: /aucun tarif « ZZZ »/ },
    {
      name: 'a tampered file (a value changed after publication)',
      content: () => update(amiRaise).replace('"cents":330', '"cents":990'),
      message: /somme de contrôle ne correspond pas/,
    },
    {
      name: 'an older file',
      content: () => update(amiRaise, SHIPPED),
      message: new RegExp(`version ${SHIPPED} du 02/01/2027\\) n’est pas plus récent que le catalogue en place \\(version ${SHIPPED} du 06/12/2026\\)`),
    },
    { name: 'the catalogue already in place', content: () => catalogueFileText(shippedCatalogue()), message: /est déjà appliquée/ },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name} in French, the database byte for byte unchanged`, async () => {
      const bytes = dbBytes();
      const content = r.content();
      const preview = await t.fails('catalogue/preview-update', { content });
      expect(preview).toMatchObject({ code: 'invalid-input', field: 'content' });
      expect(preview.message_fr).toMatch(r.message);
      expect(preview.message_fr).toMatch(/^Fichier de catalogue refusé : .* Rien n’a été modifié\.$/);
      const apply = await t.fails('catalogue/apply-update', { content, checksum: `sha256:${'0'.repeat(64)}` });
      expect(apply.message_fr).toBe(preview.message_fr);
      expect(dbBytes()).toEqual(bytes);
    });
  }

  it('refuses to apply a file other than the one previewed', async () => {
    const previewed = await t.call('catalogue/preview-update', { content: update(amiRaise) });
    const bytes = dbBytes();
    const other = update((f) => { amiRaise(f); f.tariffs.at(-1)!.cents = 340; });
    const error = await t.fails('catalogue/apply-update', { content: other, checksum: previewed.checksum });
    expect(error.message_fr).toContain('il a changé depuis l’aperçu');
    expect(dbBytes()).toEqual(bytes);
  });
});
