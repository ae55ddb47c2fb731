import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend();
});
afterEach(() => t.dispose());

describe('caisses catalogue', () => {
  it('is seeded from the Assurance Maladie public list (Paris 01/751 among them)', async () => {
    const caisses = await t.call('caisses/list', {});
    expect(caisses.find((c) => c.caisse === '751')).toMatchObject({ regime: '01', name: 'Assurance Maladie de Paris', postalCode: '75948', city: 'PARIS Cedex 19' });
    expect(caisses.length).toBeGreaterThanOrEqual(8);
  });

  it('adds, corrects and removes a caisse, audited, with French messages for bad codes', async () => {
    const added = await t.call('caisses/save', { regime: '01', caisse: '691', name: 'CPAM du Rhône', postalCode: '69907', city: 'LYON Cedex 20' });
    expect(added).toMatchObject({ addressLine: '', updatedAt: '2026-11-25T09:00:00.000Z' });
    const fixed = await t.call('caisses/save', { regime: '01', caisse: '691', name: 'CPAM du Rhône', addressLine: '276 cours Émile Zola', postalCode: '69907', city: 'LYON Cedex 20' });
    expect(fixed.addressLine).toBe('276 cours Émile Zola');
    expect((await t.call('caisses/list', {})).filter((c) => c.caisse === '691')).toHaveLength(1);
    expect(await t.call('caisses/delete', { regime: '01', caisse: '691' })).toEqual({ deleted: true });
    expect((await t.fails('caisses/delete', { regime: '01', caisse: '691' })).code).toBe('not-found');
    expect(await t.fails('caisses/save', { regime: '1', caisse: '751', name: 'X', postalCode: '75000', city: 'Paris' })).toMatchObject({
      field: 'regime',
      message_fr: 'Régime : 2 chiffres (01 pour le régime général).',
    });
    const audit = t.ctx.db.prepare("SELECT action FROM audit_log WHERE entity = 'caisse' ORDER BY id").all();
    expect(audit).toEqual([{ action: 'create' }, { action: 'update' }, { action: 'delete' }]);
  });
});
