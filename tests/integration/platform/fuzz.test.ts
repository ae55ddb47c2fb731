/**
 * Fuzz over EVERY method of the contract (iterated from `contract`, so methods added later are covered
 * without touching this file): fast-check sends hostile inputs — random JSON-like values, and objects
 * shaped like the method's schema whose fields hold control characters, absurd dates, negative, huge or
 * fractional ids, NaN, wrong types, nested junk. For each call:
 * - a refusal is a typed error (a known code, never `internal`, i.e. never a crash) with a French
 *   message that shows no internal value, and the database is unchanged (checksum of every table);
 * - an acceptance is fine (some hostile inputs are valid);
 * and the backend still answers at the end. FEUILLET_FUZZ_RUNS (default 1,000) runs per method.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, methodNames } from '../../../core/api/contract.ts';
import type { ErrorCode, Result } from '../../../core/api/result.ts';
import { addAmeCoverage, makeTestBackend, seedDraft, validatedInvoice, type TestBackend } from '../../helpers/test-backend.ts';

const RUNS = Number(process.env.FEUILLET_FUZZ_RUNS ?? 1000);
const TYPED: ErrorCode[] = ['invalid-input', 'not-found', 'conflict', 'invoice-locked', 'forbidden'];
/** Words of zod's English messages, internal enum lists, JS values: none may reach the desk. */
const NOT_FRENCH = /\b(Invalid|invalid input|expected|Expected|received|Required|Too (big|small)|must be|undefined|NaN|null|object Object|SQLITE|TypeError|Cannot)\b|"\w[\w-]*"\s*\||[<>]=|Trop (petit|grand) :|\d{10,}/;

let t: TestBackend;
beforeAll(async () => {
  t = makeTestBackend();
  // Rows for the ids 1…5 the fuzzer tries, so handlers go past « introuvable »: a draft, validated
  // invoices, a bordereau, a payment, a rejection, a coverage.
  const { practitioner, patient } = await seedDraft(t);
  await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
  const a = await validatedInvoice(t, practitioner.id);
  const b = await validatedInvoice(t, practitioner.id);
  const { bordereau } = await t.call('bordereaux/create', { practitionerId: practitioner.id, invoiceIds: [a.id], sentOn: '2026-11-25' });
  await t.call('payments/add', { invoiceId: bordereau.invoices[0]!.invoiceId, receivedOn: '2026-11-25', amountCents: 100, mode: 'virement' });
  await t.call('rejections/add', { invoiceId: b.id, rejectedOn: '2026-11-25', reason: 'Droits non ouverts' } as never).catch(() => undefined);
}, 60_000);
afterAll(() => t.dispose());

/** A digest of every row of every table (FTS shadow tables included). */
function fullChecksum(): string {
  const db = t.ctx.db;
  const hash = createHash('sha1');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  return hash.digest('hex');
}

/**
 * The checksum, recomputed only when it may have moved: SQLite's total_changes() counts every row any
 * statement of this connection inserted, updated or deleted (rolled back or not), so while it stays put
 * the tables are provably unchanged; every 20th call the full checksum is recomputed anyway.
 */
let cached = { changes: -1, sum: '' };
let calls = 0;
function checksum(): string {
  const changes = (t.ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  if (changes !== cached.changes || ++calls % 20 === 0) cached = { changes, sum: fullChecksum() };
  return cached.sum;
}

// ---- hostile values --------------------------------------------------------------------------------
const controlText = fc.string({ unit: 'binary', maxLength: 40 });
const hostileString = fc.oneof(
  controlText,
  fc.constantFrom('', ' ', '\u0000', 'Diallo\u0000', 'A\u0007B', 'Ma\u001bx', 'Lé\u200bon', '=SOMME(A1)', '<script>', "'; DROP TABLE patients; --", '%s%n', '\uD800', '🙂', 'x'.repeat(5000)),
  fc.constantFrom('2199-01-01', '1800-01-01', '0000-00-00', '2026-02-30', '2026-11-25', '2026-11-20', '25/11/2026', '2026-13-01', '9999-12-31'),
  fc.constantFrom('F', 'M', 'AMI', 'IFD', 'draft', 'validated', 'virement', 'oui', 'non', 'infirmier', 'plaine', '01', '751', '0000', '75019', '0075500017'),
  fc.constantFrom('885059912345607', '1620662765118', '000000000000000', '8'.repeat(15)),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, 1, 2, 3, 4, 5, 1.5, -0, 99, 100, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.EPSILON, Number.NaN, Infinity, -Infinity),
  fc.integer(),
  fc.double(),
);
const scalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null), fc.constant(undefined));
const junk = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3 }));

/** The object schema under wrappers (optional, default, pipe/transform, nullable), if any. */
function objectShape(schema: z.ZodType, depth = 0): Record<string, z.ZodType> | null {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
  if (depth > 6) return null;
  if (def.type === 'object') return def.shape ?? null;
  const inner = def.innerType ?? def.in;
  return inner ? objectShape(inner, depth + 1) : null;
}
function arrayElement(schema: z.ZodType, depth = 0): z.ZodType | null {
  const def = (schema as unknown as { _zod: { def: { type: string; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
  if (depth > 6) return null;
  if (def.type === 'array') return def.element ?? null;
  const inner = def.innerType ?? def.in;
  return inner ? arrayElement(inner, depth + 1) : null;
}

/** Values for one field: hostile scalars, and for nested objects/arrays, hostile shaped ones. */
function fieldValue(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  const shape = depth < 3 ? objectShape(schema) : null;
  if (shape) return fc.oneof(shaped(shape, depth + 1), junk);
  const element = depth < 3 ? arrayElement(schema) : null;
  if (element) return fc.oneof(fc.array(fieldValue(element, depth + 1), { maxLength: 4 }), junk);
  return junk;
}
function shaped(shape: Record<string, z.ZodType>, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, fieldValue(s, depth)]));
  return fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}
function inputFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shape = objectShape(schema);
  const anything = fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true });
  return shape && Object.keys(shape).length > 0 ? fc.oneof({ arbitrary: shaped(shape), weight: 4 }, { arbitrary: anything, weight: 1 }) : anything;
}

function refusalProblem(result: Result<unknown>): string | null {
  if (result.ok) return null;
  const e = result.error;
  if (!TYPED.includes(e.code)) return `untyped or internal error ${e.code}: ${e.message_fr}`;
  if (typeof e.message_fr !== 'string' || e.message_fr.length < 3 || e.message_fr.length > 500) return `bad message: ${String(e.message_fr)}`;
  if (NOT_FRENCH.test(e.message_fr)) return `message not for the desk: ${e.message_fr}`;
  for (const i of e.issues ?? []) if (NOT_FRENCH.test(i.message_fr)) return `issue message not for the desk: ${i.message_fr}`;
  if (e.field !== undefined && typeof e.field !== 'string') return 'field is not a string';
  return null;
}

describe('fuzz: every method of the contract', () => {
  it('the contract has methods to fuzz', () => expect(methodNames.length).toBeGreaterThan(30));

  const messages = new Set<string>();
  afterAll(() => {
    if (process.env.FEUILLET_FUZZ_SHOW) console.log([...messages].sort().join('\n'));
  });

  it.each(methodNames.map((m) => [m]))('%s: hostile inputs are refused cleanly, the database unchanged', async (method) => {
    const schema = contract[method].input as z.ZodType;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(inputFor(schema), async (input) => {
        const before = checksum();
        const result = await t.dispatch(method, input);
        if (result.ok) return true;
        refused++;
        if (process.env.FEUILLET_FUZZ_SHOW) messages.add(`${result.error.code} ${result.error.field ?? ''}: ${result.error.message_fr}`);
        const problem = refusalProblem(result);
        if (problem) throw new Error(`${method}: ${problem} — input ${fc.stringify(input).slice(0, 300)}`);
        const after = checksum();
        if (after !== before) throw new Error(`${method}: refused (${result.error.message_fr}) but the database changed — input ${fc.stringify(input).slice(0, 300)}`);
        return true;
      }),
      { numRuns: RUNS, seed: 20261125, endOnFailure: true },
    );
    expect(refused).toBeGreaterThan(0);
    const info = await t.dispatch('app/info', {});
    expect(info.ok).toBe(true); // still up
  }, 120_000);
});
