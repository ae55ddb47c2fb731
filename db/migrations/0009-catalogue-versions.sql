-- Catalogue files, one way in (DESIGN §7; issue 18). Every NGAP value enters through a versioned catalogue file
-- applied by one function (db/catalogue-apply.ts) in one transaction, recorded in catalogue_versions and audited:
-- this migration applies the shipped file (the directive at the end), Réglages → Tarifs applies update files.

CREATE TABLE catalogue_versions (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL UNIQUE CHECK (version > 0),
  published TEXT NOT NULL,
  title TEXT NOT NULL,
  checksum TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('migration', 'import')),
  applied_at TEXT NOT NULL,
  summary_json TEXT NOT NULL
) STRICT;
CREATE TRIGGER catalogue_versions_no_update BEFORE UPDATE ON catalogue_versions
BEGIN SELECT RAISE(ABORT, 'catalogue versions are history'); END;
CREATE TRIGGER catalogue_versions_no_delete BEFORE DELETE ON catalogue_versions
BEGIN SELECT RAISE(ABORT, 'catalogue versions are history'); END;

-- 1. Tariffs: a row is withdrawn (kept for the invoices that used it, no longer priced with), never deleted,
--    and its value never rewritten. Rebuilt in place, ids kept (invoice lines point at them).
PRAGMA defer_foreign_keys = ON;
CREATE TABLE tariffs_before_catalogue_versions AS SELECT * FROM tariffs;
DROP TABLE tariffs;
CREATE TABLE tariffs (
  id INTEGER PRIMARY KEY,
  profession TEXT NOT NULL CHECK (profession IN ('infirmier', 'masseur-kinesitherapeute')),
  code TEXT NOT NULL,
  zone TEXT NOT NULL DEFAULT 'metropole' CHECK (zone IN ('metropole', 'dom')),
  label TEXT NOT NULL,
  unit_cents INTEGER NOT NULL CHECK (unit_cents > 0),
  effective_from TEXT NOT NULL,
  effective_to TEXT,
  verify_note TEXT,
  source TEXT,
  created_at TEXT NOT NULL,
  catalogue_version_id INTEGER REFERENCES catalogue_versions (id),
  withdrawn_by INTEGER REFERENCES catalogue_versions (id),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
) STRICT;
INSERT INTO tariffs (id, profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at)
  SELECT id, profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at FROM tariffs_before_catalogue_versions;
DROP TABLE tariffs_before_catalogue_versions;
CREATE UNIQUE INDEX tariffs_in_force ON tariffs (profession, code, zone, effective_from) WHERE withdrawn_by IS NULL;

CREATE TRIGGER tariffs_values_immutable BEFORE UPDATE ON tariffs
WHEN NEW.id IS NOT OLD.id OR NEW.profession IS NOT OLD.profession OR NEW.code IS NOT OLD.code OR NEW.zone IS NOT OLD.zone
  OR NEW.unit_cents IS NOT OLD.unit_cents OR NEW.effective_from IS NOT OLD.effective_from OR NEW.created_at IS NOT OLD.created_at
  OR NEW.catalogue_version_id IS NOT OLD.catalogue_version_id OR OLD.withdrawn_by IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'tariffs are history: add a dated row'); END;
CREATE TRIGGER tariffs_no_delete BEFORE DELETE ON tariffs
BEGIN SELECT RAISE(ABORT, 'tariffs are history: withdraw the row'); END;

-- 2. NGAP acts: three more art. 11B groups (prise de sang from 01/12/2019, vaccination at home, analgésie topique
--    beside its pansement), a withdrawal
--    mark instead of a deletion (favourites point at the key).
CREATE TABLE ngap_acts_before_catalogue_versions AS SELECT * FROM ngap_acts;
DROP TABLE ngap_acts;
CREATE TABLE ngap_acts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  profession TEXT NOT NULL CHECK (profession IN ('infirmier', 'masseur-kinesitherapeute')),
  code TEXT NOT NULL,
  coefficient INTEGER CHECK (coefficient IS NULL OR coefficient > 0),
  label TEXT NOT NULL,
  ngap TEXT NOT NULL,
  act_group TEXT NOT NULL CHECK (act_group IN ('standard', 'perfusion', 'pansement-lourd', 'ais', 'insuline', 'forfait', 'kine', 'prise-de-sang', 'vaccination', 'analgesie-topique')),
  keywords TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to TEXT,
  verify_note TEXT,
  source TEXT NOT NULL,
  catalogue_version_id INTEGER REFERENCES catalogue_versions (id),
  withdrawn_by INTEGER REFERENCES catalogue_versions (id)
) STRICT;
INSERT INTO ngap_acts (id, key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source)
  SELECT id, key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source FROM ngap_acts_before_catalogue_versions;
DROP TABLE ngap_acts_before_catalogue_versions;

-- 3. Coefficient steps: same withdrawal mark.
ALTER TABLE coefficient_steps ADD COLUMN catalogue_version_id INTEGER REFERENCES catalogue_versions (id);
ALTER TABLE coefficient_steps ADD COLUMN withdrawn_by INTEGER REFERENCES catalogue_versions (id);

-- 4. The shipped catalogue, through the one way in (db/catalogue/*.json → npm run catalogue:build).
-- feuillet:apply-catalogue catalogue-ngap-v1.json
