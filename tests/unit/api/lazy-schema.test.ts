/**
 * The contract's schemas are built on first use (core/api/lazy-schema.ts), so a fresh process does not
 * build ~70 schemas before its first answer. Built once, on first use, and answering exactly as the
 * schema itself would (same data, same French messages, same paths).
 */
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { builtSchema, isUnbuiltLazySchema, lazySchema } from '../../../core/api/lazy-schema.ts';

const eagerAddress = () =>
  z
    .object({
      city: z.string({ error: 'La ville est obligatoire.' }).trim().min(1, 'La ville est obligatoire.'),
      postalCode: z.string().regex(/^[0-9]{5}$/, 'Code postal : 5 chiffres.').optional(),
      rank: z.number().int().min(1, 'Rang : 1 au minimum.').default(1),
    })
    .superRefine((a, ctx) => {
      if (a.city === 'Nulle-part') ctx.addIssue({ code: 'custom', path: ['city'], message: 'Ville inconnue.' });
    });

const INPUTS: unknown[] = [
  { city: ' Paris ', postalCode: '75011' },
  { city: '', postalCode: '7501' },
  { city: 'Nulle-part' },
  { postalCode: 75011, rank: 0.5 },
  null,
  'texte',
  { city: 'Lyon', rank: 3, extra: true },
];

describe('lazySchema', () => {
  it('builds nothing until the schema is first read, then builds it once', () => {
    const build = vi.fn(eagerAddress);
    const lazy = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(isUnbuiltLazySchema(lazy)).toBe(true);
    for (const input of INPUTS) lazy.safeParse(input);
    expect(builtSchema(lazy)).toBe(builtSchema(lazy));
    expect(build).toHaveBeenCalledTimes(1);
    expect(isUnbuiltLazySchema(lazy)).toBe(false);
  });

  it('answers exactly as the schema itself: values, messages, paths', () => {
    const eager = eagerAddress();
    const lazy = lazySchema(eagerAddress);
    for (const input of INPUTS) expect(lazy.safeParse(input)).toEqual(eager.safeParse(input));
    expect(lazy.safeParse({ city: '', postalCode: '7501' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['city', 'La ville est obligatoire.'],
      ['postalCode', 'Code postal : 5 chiffres.'],
    ]);
  });

  it('works inside other schemas (object field, optional field, array, union) exactly as the schema itself', () => {
    const city = () => z.string().trim().min(1, 'La ville est obligatoire.');
    const postalCode = () => z.string().regex(/^[0-9]{5}$/, 'Code postal : 5 chiffres.').optional();
    const outer = (c: z.ZodType<string>, p: z.ZodType<string | undefined>) =>
      z.object({ city: c, postalCode: p, others: z.array(c).max(2, '2 villes au maximum.'), either: z.union([c, z.number()]) });
    const eager = outer(city(), postalCode());
    const lazyCity = lazySchema(city);
    const lazy = outer(lazyCity, lazySchema(postalCode));
    const inputs = [
      { city: ' Caen ', others: ['Metz'], either: 3 },
      { city: ' ', postalCode: '1', others: ['', 'a'], either: true },
      { city: 'Caen', postalCode: '14000', others: ['a', 'b', 'c'], either: ' ' },
      { others: [1] },
      {},
    ];
    for (const input of inputs) expect(lazy.safeParse(input)).toEqual(eager.safeParse(input));
    expect(lazy.safeParse(inputs[1]).error?.issues[0]).toMatchObject({ path: ['city'], message: 'La ville est obligatoire.' });
    expect(lazy.safeParse({ city: 'Caen', others: [], either: 1 }).success).toBe(true); // postalCode stays optional
    expect(lazyCity).toBeInstanceOf(z.ZodString);
    expect('_zod' in lazyCity).toBe(true);
    const address = lazySchema(eagerAddress);
    expect(Object.keys(address)).toEqual(Object.keys(eagerAddress()));
  });

  it('builtSchema gives the schema itself (no proxy on the per-call path), and any other schema unchanged', () => {
    const real = z.object({ id: z.number() });
    const lazy = lazySchema(() => real);
    expect(builtSchema(lazy)).toBe(real);
    expect(builtSchema(real)).toBe(real);
    expect(isUnbuiltLazySchema(real)).toBe(false);
  });
});

describe('the API contract builds a method’s schema on first use of that method', () => {
  it('importing the contract builds no schema; reading a method’s input builds its schema once', async () => {
    vi.resetModules();
    const lazyModule = await import('../../../core/api/lazy-schema.ts');
    const { contract, methodNames } = await import('../../../core/api/contract.ts');
    const patients = await import('../../../core/api/schemas/patients.ts');
    expect(lazyModule.lazySchemasBuilt()).toBe(0);
    expect(lazyModule.isUnbuiltLazySchema(patients.PatientInput)).toBe(true);

    const search = contract['patients/search'].input;
    expect(contract['patients/search'].input).toBe(search);
    expect(lazyModule.lazySchemasBuilt()).toBe(1);
    expect(search.parse({})).toEqual({ query: '', includeArchived: false, limit: 50 });
    expect(lazyModule.isUnbuiltLazySchema(patients.PatientInput)).toBe(true);

    // A nested schema (the patient patch inside patients/update) is built when first used, with its French messages.
    const update = contract['patients/update'].input.safeParse({ id: 1, patient: { firstName: 'Awa', lastName: ' ' } });
    expect(update.success).toBe(false);
    expect(update.error?.issues.find((i) => i.path.join('.') === 'patient.lastName')?.message).toBe('Le nom de naissance est obligatoire.');
    expect(patients.PatientInput.safeParse({ firstName: 'Awa' })).toEqual(lazyModule.builtSchema(patients.PatientInput).safeParse({ firstName: 'Awa' }));

    // Every method still has its schema, each built once however often it is read.
    for (const m of methodNames) expect(contract[m].input).toBe(contract[m].input);
    const all = lazyModule.lazySchemasBuilt();
    for (const m of methodNames) void contract[m].input;
    expect(lazyModule.lazySchemasBuilt()).toBe(all);
  });
});
