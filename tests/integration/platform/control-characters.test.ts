/**
 * No control character (NUL, BEL, ESC, DEL, C1…) is ever stored in a text the app keeps or prints:
 * every text field of every method of the contract (iterated, so fields added later are covered) is
 * checked at the schema level; the few that accept any text are listed with the reason it is harmless,
 * and that reason is checked through the API.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, methodNames } from '../../../core/api/contract.ts';
import { addAmeCoverage, buildPatientInput, makeTestBackend, seedDraft } from '../../helpers/test-backend.ts';

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; options?: z.ZodType[] };
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas under a field's wrappers (optional, default, pipe, nullable, array, union). */
function objectShapes(s: z.ZodType, depth = 0): Record<string, z.ZodType>[] {
  if (depth > 8) return [];
  const d = def(s);
  if (d.type === 'object') return [d.shape!];
  if (d.type === 'array') return objectShapes(d.element!, depth + 1);
  if (d.type === 'union') return d.options!.flatMap((o) => objectShapes(o, depth + 1));
  const inner = d.innerType ?? d.in;
  return inner ? objectShapes(inner, depth + 1) : [];
}

/** Texts with a control character, shaped to pass a field's other rules (letters, digits, a code). */
const HOSTILE = ['Diallo\u0007', 'A\u0000B', 'Rue\u001b[31m', 'X\u007f', 'Y\u0085', '12\u0000', '01\u0007', 'AMI\u0000', '\u0000'];

/** Every `method.path.to.field` whose schema accepts a text holding a control character. */
function fieldsAcceptingControlCharacters(): string[] {
  const found = new Set<string>();
  const walk = (schema: z.ZodType, path: string) => {
    for (const shape of objectShapes(schema)) {
      for (const [key, field] of Object.entries(shape)) {
        const at = `${path}.${key}`;
        if (objectShapes(field).length > 0) walk(field, at);
        else if (HOSTILE.some((v) => field.safeParse(v).success)) found.add(at);
      }
    }
  };
  for (const method of methodNames) walk(contract[method].input as z.ZodType, method);
  return [...found].sort();
}

/** Fields that take any text, and why that is harmless (each reason is checked below). */
const ANY_TEXT: Record<string, string> = {
  'audit/list.entity': 'a read-only filter, never stored',
  'catalogue/apply-update.content': 'a catalogue file (JSON, with line breaks): every text of its rows refuses control characters, the file is refused whole',
  'catalogue/preview-update.content': 'the same file, previewed: nothing stored',
  'cotation/set-favourite.key': 'looked up in the catalogue: an unknown key is refused, nothing stored',
  'invoices/update-draft.lines.code': 'looked up in the tariffs: an unknown code is refused, nothing stored',
  'patients/search.query': 'a search, never stored',
  'backups/restore-encrypted.passphrase': 'a passphrase: only derived into a key, never stored nor shown',
  'patients-import/preview.fileName': 'the chosen file’s name: only its extension is read, never stored',
  'patients-import/run.fileName': 'the chosen file’s name: only its extension is read, never stored',
};

describe('control characters in texts', () => {
  it('every text field of every method refuses them, except the listed look-ups and filters', () => {
    expect(fieldsAcceptingControlCharacters()).toEqual(Object.keys(ANY_TEXT).sort());
  });

  it('the listed fields store nothing: look-ups refuse the text, filters find nothing', async () => {
    const t = makeTestBackend();
    try {
      const { practitioner, invoice } = await seedDraft(t);
      const before = t.count('audit_log');
      expect((await t.fails('cotation/set-favourite', { practitionerId: practitioner.id, key: 'AMI\u0000', on: true })).code).toBe('not-found');
      const line = await t.fails('invoices/update-draft', { invoiceId: invoice.id, lines: [{ actDate: '2026-11-20', code: 'AMI\u0007', coefficient: 1, quantity: 1 }] });
      expect(line.code).toBe('invalid-input');
      expect(line.message_fr).toMatch(/[A-Za-zéè]/);
      expect(await t.call('patients/search', { query: 'Dia\u0000llo' })).toEqual([]);
      expect(await t.call('audit/list', { entity: 'patient\u0000', entityId: 1 })).toEqual([]);
      const file = '{"format":"feuillet-catalogue-ngap","formatVersion":1,"version":9,"published":"2027-01-01","title":"T\\u0007","checksum":"sha256:' + '0'.repeat(64) + '","tariffs":[],"acts":[],"steps":[]}';
      expect((await t.fails('catalogue/preview-update', { content: file })).message_fr).toContain('caractères de contrôle interdits');
      expect((await t.fails('catalogue/apply-update', { content: file, checksum: `sha256:${'0'.repeat(64)}` })).code).toBe('invalid-input');
      expect(t.count('audit_log')).toBe(before);
    } finally {
      t.dispose();
    }
  });

  it('texts printed on the feuille or the bordereau refuse them: attestation number, caisse address, visit act keys', async () => {
    const t = makeTestBackend();
    try {
      const { practitioner, patient } = await seedDraft(t);
      const coverage = await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
      const attestation = await t.fails('coverages/update', { id: coverage.id, startDate: '2026-03-01', endDate: '2027-02-28', attestationNumber: 'A12\u0000' });
      expect(attestation).toMatchObject({ code: 'invalid-input', field: 'attestationNumber', message_fr: 'Caractère non autorisé (caractère de contrôle) : retapez le texte.' });
      const caisse = await t.fails('caisses/save', { regime: '01', caisse: '751', name: 'CPAM de Paris', addressLine: '21 rue Georges\u0007 Auric', postalCode: '75019', city: 'Paris' });
      expect(caisse).toMatchObject({ code: 'invalid-input', field: 'addressLine' });
      const model = await t.fails('cotation/save-model', { practitionerId: practitioner.id, name: 'Pansement', acts: [{ key: 'AMI-4\u0000', code: 'AMI', coefficient: 4 }] });
      expect(model).toMatchObject({ code: 'invalid-input', field: 'acts.0.key' });
      expect(t.count('act_models')).toBe(0);
      // Multi-line notes keep line breaks and tabs, never NUL.
      expect((await t.fails('patients/create', buildPatientInput({ notes: 'Sonner\u0000' }))).field).toBe('notes');
    } finally {
      t.dispose();
    }
  });
});
