/** The act picker's data through the API: catalogue in force, favourites and per-practitioner models. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchActs } from '../../../core/cotation/act-search.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => (t = makeTestBackend('2026-11-25')));
afterEach(() => t.dispose());

describe('act picker', () => {
  it('finds acts by words or code in the catalogue of the practitioner', async () => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput());
    const ctx = await t.call('cotation/context', { practitionerId: nurse.id, patientId: patient.id });
    expect(ctx.practice).toEqual({ profession: 'infirmier', tariffZone: 'metropole', ikZone: 'plaine', postalCode: '75011' });
    expect(ctx.patientBirthDate).toBe('1988-05-14');
    const keys = (q: string) => searchActs(ctx.catalogue.acts, q, '2026-11-24').map((a) => a.key);
    // The words a nurse types (issue 18): each finds its acts, the one whose label says it first.
    expect(keys('prise de sang')).toEqual(['idel-prelevement', 'idel-prelevement-catheter']);
    expect(keys('pansement lourd')).toEqual(['idel-pansement-lourd', 'idel-insuline-pansement', 'idel-bilan-plaie']);
    expect(keys('insuline').sort()).toEqual(['idel-insuline-hebdo', 'idel-insuline-injection', 'idel-insuline-pansement', 'idel-insuline-surveillance']);
    expect(keys('AMI 1,5')[0]).toBe('idel-prelevement');
    expect(keys('vaccin')).toEqual(['idel-vaccin', 'idel-vaccin-sans-prescription']);
    expect(keys('agrafes')).toEqual(['idel-ablation-fils', 'idel-ablation-fils-plus-10']);
    expect(keys('agrafes plus de dix')).toEqual(['idel-ablation-fils-plus-10']);
    expect(keys('perfusion')).toHaveLength(7);
    expect(keys('perfusion longue')).toEqual(['idel-perfusion-longue', 'idel-perfusion-longue-immuno']);
    // Before 23/03/2023 no vaccination act (AMI 2,4 / 3,05), only the flu-campaign supplement (ILM n°309, NGAP 04/2022).
    expect(searchActs(ctx.catalogue.acts, 'vaccin', '2023-03-22').map((a) => a.key)).toEqual(['idel-supplement-grippe']);
    expect(searchActs(ctx.catalogue.acts, 'bsa', '2019-06-01')).toEqual([]);
    const mk = await t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute', amNumber: '751234999' }));
    const kine = await t.call('cotation/context', { practitionerId: mk.id });
    const kineKeys = (q: string) => searchActs(kine.catalogue.acts, q, '2026-11-24').map((a) => a.key);
    expect(kineKeys('reeducation respiratoire')).toEqual(['mk-arl', 'mk-respiratoire-chir']);
    // The words a kiné types (issue 18): « genou » finds the knee rehabilitation, « prothèse » the arthroplasties first.
    expect(kineKeys('genou')).toEqual(expect.arrayContaining(['mk-prothese-genou', 'mk-lca', 'mk-menisque', 'mk-genou', 'mk-genou-opere']));
    expect(kineKeys('prothese genou')[0]).toBe('mk-prothese-genou');
    expect(kineKeys('prothèse').slice(0, 2)).toEqual(['mk-prothese-genou', 'mk-prothese-hanche']);
    expect(kineKeys('lombalgie')[0]).toBe('mk-lombalgie');
  });

  it('keeps favourites and models per practitioner', async () => {
    const a = await t.call('practitioners/create', buildPractitionerInput());
    const b = await t.call('practitioners/create', buildPractitionerInput({ amNumber: '751234999' }));
    expect(await t.call('cotation/set-favourite', { practitionerId: a.id, key: 'idel-insuline-injection', on: true })).toEqual(['idel-insuline-injection']);
    expect((await t.call('cotation/context', { practitionerId: b.id })).favourites).toEqual([]);
    expect(await t.call('cotation/set-favourite', { practitionerId: a.id, key: 'idel-insuline-injection', on: false })).toEqual([]);
    expect((await t.fails('cotation/set-favourite', { practitionerId: a.id, key: 'nope', on: true })).message_fr).toBe('Acte introuvable dans le catalogue.');

    const models = await t.call('cotation/save-model', {
      practitionerId: a.id,
      name: 'insuline matin',
      acts: [{ key: 'idel-insuline-surveillance', code: 'AMI', coefficient: 1 }, { key: 'idel-insuline-injection', code: 'AMI', coefficient: 1 }],
    });
    expect(models).toEqual([
      { id: expect.any(Number), practitionerId: a.id, name: 'insuline matin', acts: [{ key: 'idel-insuline-surveillance', code: 'AMI', coefficient: 100 }, { key: 'idel-insuline-injection', code: 'AMI', coefficient: 100 }] },
    ]);
    const dup = await t.fails('cotation/save-model', { practitionerId: a.id, name: 'insuline matin', acts: [{ code: 'AMI', coefficient: 1 }] });
    expect(dup).toMatchObject({ code: 'conflict', field: 'name', message_fr: 'Un modèle « insuline matin » existe déjà : choisissez un autre nom.' });
    expect((await t.call('cotation/context', { practitionerId: b.id })).models).toEqual([]);
    expect(await t.call('cotation/delete-model', { practitionerId: a.id, id: models[0]!.id })).toEqual([]);
  });
});
