/**
 * A catalogue file: the one way NGAP values enter Feuillet (DESIGN §7). The shipped catalogue (applied by a
 * migration) and an update read in Réglages → Tarifs have the same shape: a header (format, version,
 * publication date, title, checksum) and the rows of db/catalogue/{tariffs,acts,coefficient-steps}.json.
 * Pure: parsing, validation and the comparison with the catalogue in place; the checksum is computed by the
 * caller (sha256 lives outside core) over `canonicalContent`.
 */
import * as z from 'zod';
import { formatFrDate } from '../domain/dates.ts';
import { formatEuros } from '../domain/money.ts';
import { ACT_GROUPS } from './types.ts';
import { cotation } from './rules/format.ts';

export const CATALOGUE_FORMAT = 'feuillet-catalogue-ngap';
export const CATALOGUE_FORMAT_VERSION = 1;
/** Largest file accepted (the full catalogue is ~100 KB). */
export const CATALOGUE_MAX_CHARS = 2_000_000;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const text = (max: number) => z.string().min(1).max(max).refine((v) => !CONTROL.test(v), 'caractères de contrôle interdits');
/** A real calendar day between 1990 and 2099 (the NGAP rows start in 1998): « 2300-01-01 » or « 2027-02-31 » is refused. */
const realDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
const day = z
  .string()
  .regex(/^(199\d|20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'date attendue au format AAAA-MM-JJ, entre 1990 et 2099')
  .refine(realDay, 'date attendue au format AAAA-MM-JJ : ce jour n’existe pas');
const profession = z.enum(['infirmier', 'masseur-kinesitherapeute']);
const code = z.string().regex(/^[A-Z]{1,4}$/, 'code de 1 à 4 lettres majuscules');
const hundredths = z.number().int().min(1).max(100_000);
const period = <T extends { from: string; to?: string | undefined }>(r: T) => r.to === undefined || r.to >= r.from;

export const TariffRowSchema = z
  .object({
    profession, code, zone: z.enum(['metropole', 'dom']), label: text(200), cents: z.number().int().min(1).max(1_000_000),
    from: day, to: day.optional(), verify: text(500).optional(), source: text(500),
  })
  .strict()
  .refine(period, 'la fin précède le début');
export const ActRowSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]{1,60}$/, 'clé en minuscules, chiffres et tirets'), profession, code,
    coefficient: hundredths.nullable(), label: text(300), ngap: text(200), group: z.enum(ACT_GROUPS), keywords: text(500),
    from: day, to: day.optional(), verify: text(500).optional(), source: text(500),
  })
  .strict()
  .refine(period, 'la fin précède le début');
export const StepRowSchema = z
  .object({ profession, codes: z.union([z.literal('*'), code]), from: hundredths, to: hundredths, date: day, verify: text(500).optional(), source: text(500) })
  .strict();

export type TariffRow = z.infer<typeof TariffRowSchema>;
export type ActRow = z.infer<typeof ActRowSchema>;
export type StepRow = z.infer<typeof StepRowSchema>;

export const CatalogueHeaderSchema = z.object({
  format: z.literal(CATALOGUE_FORMAT),
  formatVersion: z.literal(CATALOGUE_FORMAT_VERSION),
  version: z.number().int().min(1).max(1_000_000),
  published: day,
  title: text(200),
});
export type CatalogueHeader = z.infer<typeof CatalogueHeaderSchema>;

export const CatalogueFileSchema = CatalogueHeaderSchema.extend({
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'somme de contrôle « sha256:… » attendue'),
  tariffs: z.array(TariffRowSchema).max(5000),
  acts: z.array(ActRowSchema).max(5000),
  steps: z.array(StepRowSchema).max(1000),
}).strict();
export type CatalogueFile = z.infer<typeof CatalogueFileSchema>;
export type CatalogueContent = Omit<CatalogueFile, 'checksum'>;

/** Keys sorted at every level: the same data always gives the same text, whatever the file's layout. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** The text the checksum covers: header and rows, canonical (not the checksum itself). */
export const canonicalContent = (c: CatalogueContent): string =>
  JSON.stringify(canonical({ format: c.format, formatVersion: c.formatVersion, version: c.version, published: c.published, title: c.title, tariffs: c.tariffs, acts: c.acts, steps: c.steps }));

export const tariffIdentity = (r: Pick<TariffRow, 'profession' | 'code' | 'zone' | 'from'>): string => `${r.profession}|${r.code}|${r.zone}|${r.from}`;
export const stepIdentity = (r: Pick<StepRow, 'profession' | 'codes' | 'from' | 'to'>): string => `${r.profession}|${r.codes}|${r.from}|${r.to}`;

export type ParsedCatalogue = { ok: true; file: CatalogueFile } | { ok: false; message_fr: string };

const SECTION_FR: Record<string, string> = { tariffs: 'tarifs', acts: 'actes', steps: 'paliers de coefficient' };

/** Parses and validates a catalogue file's text: structure, every row, duplicates, an act without tariff. */
export function parseCatalogueFile(raw: string): ParsedCatalogue {
  const refuse = (why: string): ParsedCatalogue => ({ ok: false, message_fr: `Fichier de catalogue refusé : ${why} Rien n’a été modifié.` });
  if (raw.length > CATALOGUE_MAX_CHARS) return refuse('il est trop volumineux pour un catalogue NGAP.');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return refuse('ce n’est pas un fichier JSON lisible (fichier abîmé ou d’un autre type).');
  }
  if (json === null || typeof json !== 'object' || (json as { format?: unknown }).format !== CATALOGUE_FORMAT) {
    return refuse('ce n’est pas un catalogue NGAP de Feuillet.');
  }
  if ((json as { formatVersion?: unknown }).formatVersion !== CATALOGUE_FORMAT_VERSION) {
    return refuse('son format est d’une autre version de Feuillet : mettez Feuillet à jour.');
  }
  const parsed = CatalogueFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [section, index, field] = issue.path;
    const where =
      typeof section === 'string' && typeof index === 'number'
        ? `ligne ${index + 1} des ${SECTION_FR[section] ?? section}${field === undefined ? '' : `, champ « ${String(field)} »`}`
        : `champ « ${issue.path.join('.') || 'en-tête'} »`;
    return refuse(`${where} : ${issue.message}.`);
  }
  const file = parsed.data;
  const dup = <T>(rows: readonly T[], id: (r: T) => string, section: string): string | null => {
    const seen = new Set<string>();
    for (const [i, r] of rows.entries()) {
      const k = id(r);
      if (seen.has(k)) return `ligne ${i + 1} des ${section} : en double (${k.replaceAll('|', ' ')}).`;
      seen.add(k);
    }
    return null;
  };
  const duplicate =
    dup(file.tariffs, tariffIdentity, 'tarifs') ?? dup(file.acts, (a) => a.key, 'actes') ?? dup(file.steps, stepIdentity, 'paliers de coefficient');
  if (duplicate) return refuse(duplicate);
  const priced = new Set(file.tariffs.map((t) => `${t.profession}|${t.code}`));
  const orphan = file.acts.findIndex((a) => !priced.has(`${a.profession}|${a.code}`));
  if (orphan >= 0) return refuse(`ligne ${orphan + 1} des actes : aucun tarif « ${file.acts[orphan]!.code} » pour cette profession.`);
  return { ok: true, file };
}

/** One difference between the catalogue in place and a file, as the preview shows it. */
export interface CatalogueChange {
  kind: 'tarif' | 'acte' | 'palier';
  action: 'add' | 'change' | 'end';
  profession: 'infirmier' | 'masseur-kinesitherapeute';
  code: string;
  label: string;
  /** What it is worth: « 8,50 € (métropole) », « AMI 2,4 », « 7,5 → 8,1 ». */
  detail: string;
  /** The value before, for a change. */
  before: string | null;
  from: string;
  to: string | null;
}

/** A catalogue version applied to this database (one row of catalogue_versions). */
export interface CatalogueVersionInfo {
  id: number;
  version: number;
  published: string;
  title: string;
  checksum: string;
  origin: 'migration' | 'import';
  appliedAt: string;
  counts: { add: number; change: number; end: number };
}

/** What an update file would do, shown before it is applied (Réglages → Tarifs). */
export interface CataloguePreview {
  version: number;
  published: string;
  title: string;
  checksum: string;
  current: { version: number; published: string; title: string } | null;
  counts: { add: number; change: number; end: number };
  changes: CatalogueChange[];
}

/** A row in place, with its database id. */
export type Stored<T> = T & { id: number };

export interface CurrentCatalogue {
  tariffs: Stored<TariffRow & { managed: boolean }>[];
  acts: Stored<ActRow>[];
  steps: Stored<StepRow>[];
}

export type CatalogueOp =
  | { table: 'tariffs'; action: 'add'; after: TariffRow; change: CatalogueChange }
  | { table: 'tariffs'; action: 'meta' | 'replace'; before: Stored<TariffRow>; after: TariffRow; change: CatalogueChange }
  | { table: 'tariffs'; action: 'withdraw'; before: Stored<TariffRow>; change: CatalogueChange }
  | { table: 'acts'; action: 'add'; after: ActRow; change: CatalogueChange }
  | { table: 'acts'; action: 'update'; before: Stored<ActRow>; after: ActRow; change: CatalogueChange }
  | { table: 'acts'; action: 'withdraw'; before: Stored<ActRow>; change: CatalogueChange }
  | { table: 'steps'; action: 'add'; after: StepRow; change: CatalogueChange }
  | { table: 'steps'; action: 'replace'; before: Stored<StepRow>; after: StepRow; change: CatalogueChange }
  | { table: 'steps'; action: 'withdraw'; before: Stored<StepRow>; change: CatalogueChange };

const ZONE_FR = { metropole: 'métropole', dom: 'DOM' } as const;
const tariffDetail = (t: TariffRow) => `${formatEuros(t.cents)} (${ZONE_FR[t.zone]})`;
const actDetail = (a: ActRow) => (a.coefficient === null ? `${a.code} (coefficient de la prescription)` : cotation(a.code, a.coefficient));
const stepDetail = (s: StepRow) => `${cotation(s.codes === '*' ? 'lettres-clés' : s.codes, s.from)} → ${cotation('', s.to).trim()} le ${formatFrDate(s.date)}`;
const same = (a: object, b: object, keys: readonly string[]) => keys.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);

const TARIFF_META = ['label', 'to', 'verify', 'source'] as const;
const ACT_FIELDS = ['profession', 'code', 'coefficient', 'label', 'ngap', 'group', 'keywords', 'from', 'to', 'verify', 'source'] as const;
const STEP_FIELDS = ['date', 'verify', 'source'] as const;

/**
 * What applying `file` over `current` does. The file is the whole catalogue: a row it lacks is withdrawn
 * (kept for the invoices that used it, no longer priced with), except the tariffs typed by hand in
 * Réglages (`managed` false). A tariff's value is never rewritten: a new value at the same date replaces
 * the row (withdrawn + added); only its label, end, note and source can change in place.
 */
export function diffCatalogue(current: CurrentCatalogue, file: CatalogueContent): CatalogueOp[] {
  const ops: CatalogueOp[] = [];
  const ch = (kind: CatalogueChange['kind'], action: CatalogueChange['action'], r: { profession: CatalogueChange['profession']; code: string; label: string; from: string; to?: string | undefined }, detail: string, before: string | null = null): CatalogueChange => ({
    kind, action, profession: r.profession, code: r.code, label: r.label, detail, before, from: r.from, to: r.to ?? null,
  });

  const tariffs = new Map(current.tariffs.map((t) => [tariffIdentity(t), t]));
  for (const t of file.tariffs) {
    const old = tariffs.get(tariffIdentity(t));
    tariffs.delete(tariffIdentity(t));
    if (!old) ops.push({ table: 'tariffs', action: 'add', after: t, change: ch('tarif', 'add', t, tariffDetail(t)) });
    else if (old.cents !== t.cents) ops.push({ table: 'tariffs', action: 'replace', before: old, after: t, change: ch('tarif', 'change', t, tariffDetail(t), tariffDetail(old)) });
    else if (!same(old, t, TARIFF_META)) {
      const ends = old.to === undefined && t.to !== undefined && same(old, t, ['label', 'verify', 'source']);
      ops.push({ table: 'tariffs', action: 'meta', before: old, after: t, change: ch('tarif', ends ? 'end' : 'change', t, tariffDetail(t), ends ? null : tariffDetail(old)) });
    }
  }
  for (const old of tariffs.values()) {
    if (old.managed) ops.push({ table: 'tariffs', action: 'withdraw', before: old, change: ch('tarif', 'end', old, `${tariffDetail(old)} — retiré`) });
  }

  const acts = new Map(current.acts.map((a) => [a.key, a]));
  for (const a of file.acts) {
    const old = acts.get(a.key);
    acts.delete(a.key);
    if (!old) ops.push({ table: 'acts', action: 'add', after: a, change: ch('acte', 'add', a, actDetail(a)) });
    else if (!same(old, a, ACT_FIELDS)) {
      const ends = old.to === undefined && a.to !== undefined;
      ops.push({ table: 'acts', action: 'update', before: old, after: a, change: ch('acte', ends ? 'end' : 'change', a, actDetail(a), ends ? null : `${actDetail(old)} — ${old.label}`) });
    }
  }
  for (const old of acts.values()) ops.push({ table: 'acts', action: 'withdraw', before: old, change: ch('acte', 'end', old, `${actDetail(old)} — retiré`) });

  const steps = new Map(current.steps.map((s) => [stepIdentity(s), s]));
  const stepCh = (action: CatalogueChange['action'], s: StepRow, detail: string, before: string | null = null) =>
    ch('palier', action, { profession: s.profession, code: s.codes === '*' ? 'lettres-clés' : s.codes, label: 'Palier de coefficient (avenants 7 et 8)', from: s.date }, detail, before);
  for (const s of file.steps) {
    const old = steps.get(stepIdentity(s));
    steps.delete(stepIdentity(s));
    if (!old) ops.push({ table: 'steps', action: 'add', after: s, change: stepCh('add', s, stepDetail(s)) });
    else if (!same(old, s, STEP_FIELDS)) ops.push({ table: 'steps', action: 'replace', before: old, after: s, change: stepCh('change', s, stepDetail(s), stepDetail(old)) });
  }
  for (const old of steps.values()) ops.push({ table: 'steps', action: 'withdraw', before: old, change: stepCh('end', old, `${stepDetail(old)} — retiré`) });
  return ops;
}
