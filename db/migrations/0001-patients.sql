-- Patients created by hand (no Vitale card), complementary organisms, coverages, audit log.

CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  last_name TEXT NOT NULL,
  usage_name TEXT,
  first_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),
  nir TEXT NOT NULL CHECK (length(nir) = 15),
  birth_rank INTEGER NOT NULL DEFAULT 1 CHECK (birth_rank BETWEEN 1 AND 9),
  regime TEXT,
  caisse TEXT,
  centre TEXT,
  quality TEXT NOT NULL DEFAULT 'assure' CHECK (quality IN ('assure', 'ayant_droit')),
  insured_last_name TEXT,
  insured_first_name TEXT,
  insured_nir TEXT,
  insured_birth_date TEXT,
  address_line TEXT,
  postal_code TEXT,
  city TEXT,
  phone TEXT,
  notes TEXT,
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- folded "last usage first" for a stable alphabetical order without accents
  sort_key TEXT NOT NULL
) STRICT;

CREATE INDEX patients_nir ON patients (nir);
CREATE INDEX patients_birth_date ON patients (birth_date);
CREATE INDEX patients_sort ON patients (archived_at, sort_key);

-- Full-text index of folded name terms (see core/domain/search.ts); rowid = patients.id.
-- Written by the repository in the same transaction as the patient row.
CREATE VIRTUAL TABLE patients_fts USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

CREATE TABLE organisms (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE CHECK (length(number) = 10),
  name TEXT NOT NULL,
  is_ame INTEGER NOT NULL DEFAULT 0 CHECK (is_ame IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

-- Seed 000: « sélectionnez AME (0075500017) ». Editable catalogue entry (BILLING-RULES.md, top).
INSERT INTO organisms (number, name, is_ame, created_at) VALUES ('0075500017', 'AME', 1, '2026-01-01T00:00:00.000Z');

CREATE TABLE coverages (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients (id),
  organism_id INTEGER NOT NULL REFERENCES organisms (id),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  contract_code TEXT,
  created_at TEXT NOT NULL,
  CHECK (end_date >= start_date)
) STRICT;

CREATE INDEX coverages_patient ON coverages (patient_id, end_date);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);

-- The audit trail is append-only.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
