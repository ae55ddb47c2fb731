/**
 * The one way NGAP values enter the database (DESIGN §7): `applyCatalogue` reads a catalogue file, checks it
 * (structure, checksum, version newer than the one in place), compares it with the catalogue in place and
 * writes the difference in ONE transaction, recorded in `catalogue_versions` and in the audit log. The
 * migration that ships a catalogue and Réglages → Tarifs → « Importer une mise à jour » both call it.
 * A refused file writes nothing: every check runs before the first write.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../core/api/result.ts';
import {
  canonicalContent, diffCatalogue, parseCatalogueFile, type ActRow, type CatalogueFile, type CatalogueOp, type CataloguePreview, type CatalogueVersionInfo,
  type CurrentCatalogue, type StepRow, type TariffRow,
} from '../core/cotation/catalogue-file.ts';
import { formatFrDate } from '../core/domain/dates.ts';
import { recordAudit } from './audit-repo.ts';
import type { Db } from './connection.ts';

export const checksumOf = (file: Omit<CatalogueFile, 'checksum'>): string => `sha256:${createHash('sha256').update(canonicalContent(file)).digest('hex')}`;

export function listCatalogueVersions(db: Db): CatalogueVersionInfo[] {
  return (db.prepare('SELECT * FROM catalogue_versions ORDER BY version DESC').all() as {
    id: number; version: number; published: string; title: string; checksum: string; origin: 'migration' | 'import'; applied_at: string; summary_json: string;
  }[]).map((r) => ({
    id: r.id, version: r.version, published: r.published, title: r.title, checksum: r.checksum, origin: r.origin, appliedAt: r.applied_at,
    counts: (JSON.parse(r.summary_json) as { counts: CatalogueVersionInfo['counts'] }).counts,
  }));
}

const opt = (v: string | null): string | undefined => v ?? undefined;

/** The catalogue in place, as file rows (withdrawn rows left out, except acts: their key stays taken). */
export function readCurrentCatalogue(db: Db): CurrentCatalogue & { withdrawnActs: Set<string> } {
  const tariffs = (db.prepare('SELECT * FROM tariffs WHERE withdrawn_by IS NULL ORDER BY id').all() as {
    id: number; profession: TariffRow['profession']; code: string; zone: TariffRow['zone']; label: string; unit_cents: number;
    effective_from: string; effective_to: string | null; verify_note: string | null; source: string | null;
  }[]).map((r) => ({
    id: r.id, profession: r.profession, code: r.code, zone: r.zone, label: r.label, cents: r.unit_cents, from: r.effective_from,
    to: opt(r.effective_to), verify: opt(r.verify_note), source: r.source ?? '', managed: r.source !== null,
  }));
  const actRows = db.prepare('SELECT * FROM ngap_acts ORDER BY id').all() as {
    id: number; key: string; profession: ActRow['profession']; code: string; coefficient: number | null; label: string; ngap: string;
    act_group: ActRow['group']; keywords: string; effective_from: string; effective_to: string | null; verify_note: string | null; source: string; withdrawn_by: number | null;
  }[];
  const acts = actRows.map((r) => ({
    id: r.id, key: r.key, profession: r.profession, code: r.code, coefficient: r.coefficient, label: r.label, ngap: r.ngap, group: r.act_group,
    keywords: r.keywords, from: r.effective_from, to: opt(r.effective_to), verify: opt(r.verify_note), source: r.source,
  }));
  const steps = (db.prepare('SELECT * FROM coefficient_steps WHERE withdrawn_by IS NULL ORDER BY id').all() as {
    id: number; profession: StepRow['profession']; codes: string; from_coefficient: number; to_coefficient: number; effective_from: string; verify_note: string | null; source: string;
  }[]).map((r) => ({
    id: r.id, profession: r.profession, codes: r.codes, from: r.from_coefficient, to: r.to_coefficient, date: r.effective_from, verify: opt(r.verify_note), source: r.source,
  }));
  return { tariffs, acts, steps, withdrawnActs: new Set(actRows.filter((r) => r.withdrawn_by !== null).map((r) => r.key)) };
}

const refused = (why: string) => new DomainError('invalid-input', `Fichier de catalogue refusé : ${why} Rien n’a été modifié.`, 'content');

interface Checked {
  file: CatalogueFile;
  checksum: string;
  ops: CatalogueOp[];
  current: CatalogueVersionInfo | null;
}

/** Every check, no write: structure, checksum, version, then the difference with the catalogue in place. */
function check(db: Db, raw: string): Checked {
  const parsed = parseCatalogueFile(raw);
  if (!parsed.ok) throw new DomainError('invalid-input', parsed.message_fr, 'content');
  const file = parsed.file;
  const { checksum: declared, ...content } = file;
  const checksum = checksumOf(content);
  if (checksum !== declared) {
    throw refused('sa somme de contrôle ne correspond pas à son contenu (fichier modifié ou abîmé après sa publication).');
  }
  const current = listCatalogueVersions(db)[0] ?? null;
  if (current && file.version <= current.version) {
    throw file.version === current.version && checksum === current.checksum
      ? refused(`cette mise à jour (version ${file.version} du ${formatFrDate(file.published)}) est déjà appliquée.`)
      : refused(`ce fichier (version ${file.version} du ${formatFrDate(file.published)}) n’est pas plus récent que le catalogue en place (version ${current.version} du ${formatFrDate(current.published)}).`);
  }
  const { withdrawnActs, ...inPlace } = readCurrentCatalogue(db);
  const diffed = diffCatalogue({ ...inPlace, acts: inPlace.acts.filter((a) => !withdrawnActs.has(a.key)) }, content);
  // An act the file brings back after its withdrawal keeps its key: its row is updated (shown as added).
  const ops = diffed.map((op): CatalogueOp => {
    if (op.table !== 'acts' || op.action !== 'add' || !withdrawnActs.has(op.after.key)) return op;
    return { table: 'acts', action: 'update', before: inPlace.acts.find((a) => a.key === op.after.key)!, after: op.after, change: op.change };
  });
  refuseWithdrawingUsedTariffs(db, ops);
  return { file, checksum, ops, current };
}

/**
 * A file may end a tariff (its « to ») or correct its value at the same date, never make a row disappear
 * that a validated invoice was priced with: that would leave the history of those invoices without the
 * value they show. A forger can recompute the checksum; this check does not depend on it.
 */
function refuseWithdrawingUsedTariffs(db: Db, ops: readonly CatalogueOp[]): void {
  const used = db.prepare(`SELECT count(DISTINCT l.invoice_id) AS n FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
    WHERE l.tariff_id = ? AND i.status <> 'draft'`);
  for (const op of ops) {
    if (op.table !== 'tariffs' || op.action !== 'withdraw') continue;
    const { n } = used.get(op.before.id) as { n: number };
    if (n > 0) {
      const t = op.before;
      throw refused(`il retire le tarif ${t.code} du ${formatFrDate(t.from)} (${t.zone === 'dom' ? 'DOM' : 'métropole'}), utilisé par ${n} facture${n > 1 ? 's' : ''} validée${n > 1 ? 's' : ''} : un tarif se termine par sa date de fin, il ne disparaît pas.`);
    }
  }
}

const countsOf = (ops: readonly CatalogueOp[]) => ({
  add: ops.filter((o) => o.change.action === 'add').length,
  change: ops.filter((o) => o.change.action === 'change').length,
  end: ops.filter((o) => o.change.action === 'end').length,
});

/** What applying the file would add, change and end — nothing written. Throws the French refusal. */
export function previewCatalogue(db: Db, raw: string): CataloguePreview {
  const { file, checksum, ops, current } = check(db, raw);
  return {
    version: file.version, published: file.published, title: file.title, checksum,
    current: current && { version: current.version, published: current.published, title: current.title },
    counts: countsOf(ops),
    changes: ops.map((o) => o.change),
  };
}

function write(db: Db, ops: readonly CatalogueOp[], versionId: number, now: string): void {
  const insertTariff = db.prepare(`INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at, catalogue_version_id)
    VALUES (@profession, @code, @zone, @label, @cents, @from, @to, @verify, @source, @now, @versionId)`);
  const insertAct = db.prepare(`INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source, catalogue_version_id)
    VALUES (@key, @profession, @code, @coefficient, @label, @ngap, @group, @keywords, @from, @to, @verify, @source, @versionId)`);
  const insertStep = db.prepare(`INSERT INTO coefficient_steps (profession, codes, from_coefficient, to_coefficient, effective_from, verify_note, source, catalogue_version_id)
    VALUES (@profession, @codes, @from, @to, @date, @verify, @source, @versionId)`);
  const row = (r: TariffRow | ActRow | StepRow): Record<string, unknown> => ({ to: null, verify: null, ...r, versionId, now });
  for (const op of ops) {
    if (op.table === 'tariffs') {
      if (op.action !== 'add') {
        if (op.action === 'meta') {
          db.prepare('UPDATE tariffs SET label = ?, effective_to = ?, verify_note = ?, source = ? WHERE id = ?')
            .run(op.after.label, op.after.to ?? null, op.after.verify ?? null, op.after.source, op.before.id);
          continue;
        }
        db.prepare('UPDATE tariffs SET withdrawn_by = ? WHERE id = ?').run(versionId, op.before.id);
      }
      if (op.action === 'add' || op.action === 'replace') insertTariff.run(row(op.after));
    } else if (op.table === 'acts') {
      if (op.action === 'add') insertAct.run(row(op.after));
      else if (op.action === 'withdraw') db.prepare('UPDATE ngap_acts SET withdrawn_by = ? WHERE id = ?').run(versionId, op.before.id);
      else {
        db.prepare(`UPDATE ngap_acts SET profession = @profession, code = @code, coefficient = @coefficient, label = @label, ngap = @ngap, act_group = @group,
          keywords = @keywords, effective_from = @from, effective_to = @to, verify_note = @verify, source = @source, catalogue_version_id = @versionId,
          withdrawn_by = NULL WHERE id = @id`).run({ ...row(op.after), id: op.before.id });
      }
    } else {
      if (op.action !== 'add') db.prepare('UPDATE coefficient_steps SET withdrawn_by = ? WHERE id = ?').run(versionId, op.before.id);
      if (op.action !== 'withdraw') insertStep.run(row(op.after));
    }
  }
}

/**
 * Applies a catalogue file in one transaction (a savepoint inside a migration's transaction): the version
 * row, every added / changed / withdrawn row, the audit entry. `expectedChecksum` (from the preview the
 * user saw) must match, so what is applied is what was shown.
 */
export function applyCatalogue(
  db: Db,
  raw: string,
  options: { origin: 'migration' | 'import'; now: string; expectedChecksum?: string | undefined },
): CatalogueVersionInfo {
  return db.transaction(() => {
    const { file, checksum, ops } = check(db, raw);
    if (options.expectedChecksum !== undefined && options.expectedChecksum !== checksum) {
      throw refused('il a changé depuis l’aperçu : ouvrez-le de nouveau et vérifiez l’aperçu avant d’appliquer.');
    }
    const counts = countsOf(ops);
    const { lastInsertRowid } = db
      .prepare('INSERT INTO catalogue_versions (version, published, title, checksum, origin, applied_at, summary_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(file.version, file.published, file.title, checksum, options.origin, options.now, JSON.stringify({ counts }));
    const versionId = Number(lastInsertRowid);
    write(db, ops, versionId, options.now);
    // An update read in Réglages is a user's action: audited. The shipped catalogue's own record is its
    // catalogue_versions row (origin 'migration'), as append-only as the audit log.
    if (options.origin === 'import') {
      recordAudit(db, options.now, 'catalogue', versionId, 'apply', null, {
        version: file.version, published: file.published, title: file.title, checksum, origin: options.origin, counts,
      });
    }
    return listCatalogueVersions(db).find((v) => v.id === versionId)!;
  }).immediate(); // a savepoint when called inside a transaction (a migration's)
}
