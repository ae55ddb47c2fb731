/**
 * Fuzz over EVERY method of the contract (iterated from `contract`, so methods added later are covered
 * without touching this file): fast-check sends hostile inputs — random JSON-like values, and objects
 * shaped like the method's schema whose fields hold control characters, absurd dates, negative, huge or
 * fractional ids, NaN, wrong types, nested junk; and, for the methods that store names, dates and rights
 * (VALID_INPUTS), valid inputs with one field made hostile, so that acceptances are frequent. For each call:
 * - a refusal is a typed error (a known code, never `internal`, i.e. never a crash) with a French
 *   message that shows no internal value, and the database is unchanged (checksum of every table);
 * - an acceptance is fine (some hostile inputs are valid), but what it stored must stay plausible: no
 *   control character in any text (tab and line breaks only in multi-line notes), no birth date after
 *   today, no rights ending more than 5 years ahead;
 * and the backend still answers at the end. FEUILLET_FUZZ_RUNS (default 1,000) runs per method.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, methodNames, type MethodName } from '../../../core/api/contract.ts';
import type { ErrorCode, Result } from '../../../core/api/result.ts';
import { addAmeCoverage, buildPatientInput, buildPractitionerInput, makeTestBackend, seedDraft, TODAY, validatedInvoice, type TestBackend } from '../../helpers/test-backend.ts';

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
  ameOrganismId = (await t.call('organisms/list', {})).find((o) => o.isAme)!.id;
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

/** Multi-line texts (tab and line breaks allowed, as their schemas say). */
const MULTILINE_COLUMNS = new Set(['notes', 'planned_acts']);
const chr = (c: number) => String.fromCharCode(c);
/** GLOB classes of C0 (but NUL, found apart) and C1 control characters and DEL; multi-line: less tab, LF, CR. */
const CONTROL_GLOB = `*[${chr(1)}-${chr(31)}${chr(127)}-${chr(159)}]*`;
const CONTROL_MULTILINE_GLOB = `*[${chr(1)}-${chr(8)}${chr(11)}${chr(12)}${chr(14)}-${chr(31)}${chr(127)}-${chr(159)}]*`;
let controlQueries: { table: string; sql: string }[] | null = null;

/** What an accepted call must never have stored; null when the database is plausible (searched in SQL). */
function implausibleStored(): string | null {
  const db = t.ctx.db;
  controlQueries ??= (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'").all() as { name: string }[]).map(({ name }) => {
    const columns = (db.pragma(`table_info("${name}")`) as { name: string }[]).map((c) => c.name);
    const where = columns
      .map((c) => `(typeof("${c}") = 'text' AND ("${c}" GLOB ${MULTILINE_COLUMNS.has(c) ? '@multiline' : '@any'} OR instr(CAST("${c}" AS BLOB), x'00') > 0))`)
      .join(' OR ');
    return { table: name, sql: `SELECT * FROM "${name}" WHERE ${where} LIMIT 1` };
  });
  for (const { table, sql } of controlQueries) {
    const row = db.prepare(sql).get({ any: CONTROL_GLOB, multiline: CONTROL_MULTILINE_GLOB });
    if (row) return `a control character in ${table}: ${JSON.stringify(row).slice(0, 200)}`;
  }
  const future = db.prepare('SELECT id, birth_date, insured_birth_date FROM patients WHERE birth_date > ? OR insured_birth_date > ?').get(TODAY, TODAY);
  if (future) return `birth date after today: ${JSON.stringify(future)}`;
  const farRights = db.prepare("SELECT id, end_date FROM coverages WHERE end_date > date(?, '+5 years')").get(TODAY);
  if (farRights) return `rights ending more than 5 years ahead: ${JSON.stringify(farRights)}`;
  return null;
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
/**
 * Valid inputs of the methods that store names, addresses, dates and rights: the fuzzer also sends them
 * with ONE field made hostile (a control character slipped into its text, or a hostile value), so that
 * inputs are accepted often enough for `implausibleStored` to judge what they stored.
 */
let ameOrganismId = 0;
const VALID_INPUTS: Partial<Record<MethodName, () => Record<string, unknown>>> = {
  'patients/create': () => buildPatientInput({ usageName: 'Sow', insuredLastName: 'Diallo', insuredFirstName: 'Moussa', notes: 'Passage le matin.', phone: '06 12 34 56 78' }),
  'patients/update': () => ({ id: 1, patient: buildPatientInput({ usageName: 'Sow', notes: 'Passage le matin.' }) }),
  'coverages/add': () => ({ patientId: 1, organismId: ameOrganismId, startDate: '2026-03-01', endDate: '2027-02-28', contractCode: '04', attestationNumber: 'A123456' }),
  'coverages/update': () => ({ id: 1, startDate: '2026-03-01', endDate: '2027-02-28', contractCode: '04', attestationNumber: 'A123456' }),
  'practitioners/create': () => buildPractitionerInput(),
  'caisses/save': () => ({ regime: '01', caisse: '751', name: 'CPAM de Paris', addressLine: '21 rue Georges Auric', postalCode: '75019', city: 'Paris' }),
};

/** Paths of the scalar fields of a plain object (nested objects followed, arrays not). */
function leafPaths(value: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([k, v]) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? leafPaths(v as Record<string, unknown>, [...prefix, k]) : [[...prefix, k]]));
}

/** Real calendar dates from 1700 to 2300 (birth dates in the future, rights for centuries…). */
const absurdDate = fc
  .date({ min: new Date('1700-01-01T00:00:00Z'), max: new Date('2300-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const controlCharacter = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));

function oneFieldHostile(valid: () => Record<string, unknown>): fc.Arbitrary<unknown> {
  const how = fc.oneof(
    fc.record({ insert: controlCharacter, at: fc.nat() }),
    fc.record({ replace: fc.oneof(hostileString, hostileNumber, fc.constant(null)) }),
    fc.record({ replace: absurdDate }),
  );
  return fc.record({ path: fc.constantFrom(...leafPaths(valid())), how }).map(({ path, how }) => {
    const input = valid();
    let parent = input;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
    const key = path[path.length - 1]!;
    const current = parent[key];
    if ('insert' in how && typeof current === 'string') {
      const at = how.at % (current.length + 1);
      parent[key] = current.slice(0, at) + how.insert + current.slice(at);
    } else parent[key] = 'insert' in how ? how.insert : how.replace;
    return input;
  });
}

function inputFor(schema: z.ZodType, method: MethodName): fc.Arbitrary<unknown> {
  const shape = objectShape(schema);
  const anything = fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true });
  const valid = VALID_INPUTS[method];
  if (valid) return fc.oneof({ arbitrary: oneFieldHostile(valid), weight: 3 }, { arbitrary: shaped(shape!), weight: 1 }, { arbitrary: anything, weight: 1 });
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

  // The methods fed valid inputs store many rows: they run last, so the others fuzz a small database.
  const ordered = [...methodNames.filter((m) => !VALID_INPUTS[m]), ...methodNames.filter((m) => VALID_INPUTS[m])];
  it.each(ordered.map((m) => [m]))('%s: hostile inputs are refused cleanly, the database unchanged', async (method) => {
    const schema = contract[method].input as z.ZodType;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(inputFor(schema, method), async (input) => {
        const before = checksum();
        const result = await t.dispatch(method, input);
        if (result.ok) {
          if (checksum() !== before) {
            const implausible = implausibleStored();
            if (implausible) throw new Error(`${method}: accepted and stored ${implausible} — input ${fc.stringify(input).slice(0, 300)}`);
          }
          return true;
        }
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
