/** The NGAP catalogue as loaded by migration 0004, favourites and per-practitioner act models. */
import type { ActModel, Catalogue, CatalogueAct, CoefficientStep, VisitAct } from '../core/cotation/types.ts';
import type { Profession } from '../core/domain/types.ts';
import type { Db } from './connection.ts';
import { listTariffs } from './tariffs-repo.ts';
import { cached } from './statements.ts';

interface ActRow {
  key: string; profession: Profession; code: string; coefficient: number | null; label: string; ngap: string;
  act_group: CatalogueAct['group']; keywords: string; effective_from: string; effective_to: string | null; verify_note: string | null; source: string;
}
interface StepRow {
  profession: Profession; codes: string; from_coefficient: number; to_coefficient: number; effective_from: string; verify_note: string | null; source: string;
}

export function loadCatalogue(db: Db, profession: Profession): Catalogue {
  const tariffs = listTariffs(db, profession).map((t) => ({
    id: t.id, profession: t.profession, code: t.code, zone: t.zone, label: t.label, unitCents: t.unitCents,
    effectiveFrom: t.effectiveFrom, effectiveTo: t.effectiveTo, verifyNote: t.verifyNote, source: t.source,
  }));
  const acts = (cached(db, 'SELECT * FROM ngap_acts WHERE profession = ? AND withdrawn_by IS NULL ORDER BY id').all(profession) as ActRow[]).map(
    (r): CatalogueAct => ({
      key: r.key, profession: r.profession, code: r.code, coefficient: r.coefficient, label: r.label, ngap: r.ngap, group: r.act_group,
      keywords: r.keywords, effectiveFrom: r.effective_from, effectiveTo: r.effective_to, verifyNote: r.verify_note, source: r.source,
    }),
  );
  const steps = (cached(db, 'SELECT * FROM coefficient_steps WHERE profession = ? AND withdrawn_by IS NULL ORDER BY effective_from, id').all(profession) as StepRow[]).map(
    (r): CoefficientStep => ({
      profession: r.profession, codes: r.codes, from: r.from_coefficient, to: r.to_coefficient, date: r.effective_from, verifyNote: r.verify_note, source: r.source,
    }),
  );
  return { tariffs, acts, steps };
}

export const actExists = (db: Db, key: string): boolean => db.prepare('SELECT 1 FROM ngap_acts WHERE key = ? AND withdrawn_by IS NULL').get(key) !== undefined;

export function listFavourites(db: Db, practitionerId: number): string[] {
  return (db.prepare('SELECT act_key FROM act_favourites WHERE practitioner_id = ? ORDER BY created_at, act_key').all(practitionerId) as { act_key: string }[]).map(
    (r) => r.act_key,
  );
}

export function setFavourite(db: Db, practitionerId: number, key: string, on: boolean, now: string): void {
  if (on) db.prepare('INSERT OR IGNORE INTO act_favourites (practitioner_id, act_key, created_at) VALUES (?, ?, ?)').run(practitionerId, key, now);
  else db.prepare('DELETE FROM act_favourites WHERE practitioner_id = ? AND act_key = ?').run(practitionerId, key);
}

export function listModels(db: Db, practitionerId: number): ActModel[] {
  return (db.prepare('SELECT * FROM act_models WHERE practitioner_id = ? ORDER BY name').all(practitionerId) as {
    id: number; practitioner_id: number; name: string; acts_json: string;
  }[]).map((r) => ({ id: r.id, practitionerId: r.practitioner_id, name: r.name, acts: JSON.parse(r.acts_json) as VisitAct[] }));
}

export const findModelByName = (db: Db, practitionerId: number, name: string): boolean =>
  db.prepare('SELECT 1 FROM act_models WHERE practitioner_id = ? AND name = ?').get(practitionerId, name) !== undefined;

export function insertModel(db: Db, practitionerId: number, name: string, acts: readonly VisitAct[], now: string): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO act_models (practitioner_id, name, acts_json, created_at) VALUES (?, ?, ?, ?)')
    .run(practitionerId, name, JSON.stringify(acts), now);
  return Number(lastInsertRowid);
}

export function deleteModel(db: Db, practitionerId: number, id: number): boolean {
  return db.prepare('DELETE FROM act_models WHERE id = ? AND practitioner_id = ?').run(id, practitionerId).changes === 1;
}
