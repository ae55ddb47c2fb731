/**
 * A real backend on a temporary SQLite file, with a fixed clock: what integration tests use.
 * Calls go through `dispatch`, i.e. the same schema validation as IPC and HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodResult } from '../../core/api/contract.ts';
import type { ApiError } from '../../core/api/result.ts';
import { computeNirKey } from '../../core/domain/nir.ts';
import { createBackend, type Backend } from '../../electron/backend.ts';
import { fixedClock } from '../../electron/context.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const TODAY = '2026-11-25';

export interface TestBackend extends Backend {
  dir: string;
  /** Calls a method and returns its value; throws with the French message on an error result. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  /** Calls a method that must fail; returns the error. */
  fails<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiError>;
  count(table: string): number;
  dispose(): void;
}

/** The backend on an existing data folder, as at the next start of the app (the day after TODAY by default). */
export function openBackendAt(dataDir: string, today = '2026-11-26'): Backend {
  return createBackend({
    dataDir,
    migrationsDir: join(ROOT, 'db', 'migrations'),
    fontsDir: join(ROOT, 'invoice-templates', 'fonts'),
    transport: 'browser',
    appVersion: 'test',
    clock: fixedClock(today),
  });
}

/** `dataDir`: reopen a data folder a previous test backend used (closed first), e.g. at a later date. */
export function makeTestBackend(today = TODAY, dataDir?: string): TestBackend {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'feuillet-test-'));
  const backend = createBackend({
    dataDir: dir,
    migrationsDir: join(ROOT, 'db', 'migrations'),
    fontsDir: join(ROOT, 'invoice-templates', 'fonts'),
    transport: 'browser',
    appVersion: 'test',
    clock: fixedClock(today),
  });
  return {
    ...backend,
    dir,
    async call(method, input) {
      const r = await backend.dispatch(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message_fr} (${r.error.field ?? ''})`);
      return r.value as never;
    },
    async fails(method, input) {
      const r = await backend.dispatch(method, input);
      if (r.ok) throw new Error(`${method} was expected to fail`);
      return r.error;
    },
    count: (table) => (backend.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    dispose() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid NIR/NIA from its 13-character body. */
export const nirOf = (body: string): string => body + computeNirKey(body)!;

export const NIA_8 = nirOf('8850599123456');
export const NIA_7 = nirOf('7910299123456');
// The fixtures agree with the identity buildPatientInput gives them (born 14/05/1988, the sex of the first
// digit): a NIR contradicting its birth date or sex is warned of at Imprimer (issue #19 item 4).
/** A man born in May 1988 (dept 62). */
export const NIR_1 = nirOf('1880562765118');
/** A woman born in May 1988 abroad (99). */
export const NIR_2 = '288059912611165';

/** The sex a NIR/NIA's first digit gives (1, 3, 7: a man). */
export const sexOfNir = (nir: string): 'M' | 'F' => (['1', '3', '7'].includes(nir.trim()[0] ?? '') ? 'M' : 'F');

export function buildPatientInput(overrides: Partial<MethodInput<'patients/create'>> = {}): MethodInput<'patients/create'> {
  return {
    lastName: 'Diallo',
    firstName: 'Aminata',
    birthDate: '1988-05-14',
    sex: sexOfNir(overrides.nir ?? NIA_8),
    nir: NIA_8,
    regime: '01',
    caisse: '751',
    centre: '0000',
    addressLine: '12 rue des Lilas',
    postalCode: '75019',
    city: 'Paris',
    ...overrides,
  };
}

export function buildPractitionerInput(overrides: Partial<MethodInput<'practitioners/create'>> = {}): MethodInput<'practitioners/create'> {
  return {
    profession: 'infirmier',
    lastName: 'Martin',
    firstName: 'Claire',
    amNumber: '751234567',
    rpps: '10101234567',
    addressLine: '3 place du Marché',
    postalCode: '75011',
    city: 'Paris',
    phone: '01 43 00 00 00',
    ikZone: 'plaine',
    ...overrides,
  };
}

/** A practitioner, a patient (NIA starting with 8 by default) and a draft invoice with acts. */
export async function seedDraft(
  t: TestBackend,
  opts: { nir?: string; lines?: MethodInput<'invoices/update-draft'>['lines']; profession?: 'infirmier' | 'masseur-kinesitherapeute' } = {},
) {
  const practitioner = await t.call('practitioners/create', buildPractitionerInput({ profession: opts.profession ?? 'infirmier' }));
  const patient = await t.call('patients/create', buildPatientInput({ nir: opts.nir ?? NIA_8 }));
  const draft = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id });
  const lines = opts.lines ?? [
    { actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 },
    { actDate: '2026-11-20', code: 'IFD', coefficient: 1, quantity: 1 },
    { actDate: '2026-11-21', code: 'AMI', coefficient: 1.5, quantity: 1 },
  ];
  const invoice = await t.call('invoices/update-draft', { invoiceId: draft.id, lines });
  return { practitioner, patient, invoice };
}

/** Adds the AME coverage (0075500017) to a patient. */
export async function addAmeCoverage(t: TestBackend, patientId: number, startDate: string, endDate: string) {
  const organisms = await t.call('organisms/list', {});
  const ame = organisms.find((o) => o.isAme)!;
  return t.call('coverages/add', { patientId, organismId: ame.id, startDate, endDate });
}

/**
 * A validated invoice for a new patient with AME rights (01/03/2026–28/02/2027): AME-formatted by
 * default, else normal (with tiers payant AMO if asked). Default acts: AMI 1 + IFD + AMI 1.5 = 10,63 €.
 */
export async function validatedInvoice(
  t: TestBackend,
  practitionerId: number,
  opts: {
    ame?: boolean;
    tiersPayantAmo?: boolean;
    patient?: Partial<MethodInput<'patients/create'>>;
    lines?: MethodInput<'invoices/update-draft'>['lines'];
  } = {},
) {
  const patient = await t.call('patients/create', buildPatientInput(opts.patient));
  await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
  const draft = await t.call('invoices/create-draft', { practitionerId, patientId: patient.id });
  // The rights on file format the draft as AME by default: a normal invoice turns the button off first.
  if (opts.ame === false) await t.call('invoices/set-ame', { invoiceId: draft.id, ame: false });
  await t.call('invoices/update-draft', {
    invoiceId: draft.id,
    lines: opts.lines ?? [
      { actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 },
      { actDate: '2026-11-20', code: 'IFD', coefficient: 1, quantity: 1 },
      { actDate: '2026-11-21', code: 'AMI', coefficient: 1.5, quantity: 1 },
    ],
    ...(opts.tiersPayantAmo ? { tiersPayantAmo: true } : {}),
  });
  if (opts.ame !== false) await t.call('invoices/set-ame', { invoiceId: draft.id, ame: true });
  const outcome = await t.call('invoices/validate', { invoiceId: draft.id, ameAnswer: 'non' });
  if (outcome.kind !== 'validated') throw new Error(`not validated: ${outcome.kind}`);
  return outcome.invoice;
}
