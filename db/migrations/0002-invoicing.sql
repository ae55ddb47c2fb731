-- Practitioners, prescribers, prescriptions, dated tariffs, invoices with gapless numbering.

CREATE TABLE practitioners (
  id INTEGER PRIMARY KEY,
  profession TEXT NOT NULL CHECK (profession IN ('infirmier', 'masseur-kinesitherapeute')),
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  am_number TEXT NOT NULL CHECK (length(am_number) = 9),
  rpps TEXT,
  address_line TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  city TEXT NOT NULL,
  phone TEXT,
  ik_zone TEXT NOT NULL DEFAULT 'plaine' CHECK (ik_zone IN ('plaine', 'montagne', 'pied-ski')),
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE prescribers (
  id INTEGER PRIMARY KEY,
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  identifier TEXT NOT NULL,
  specialty TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE prescriptions (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients (id),
  prescriber_id INTEGER NOT NULL REFERENCES prescribers (id),
  prescription_date TEXT NOT NULL,
  ame INTEGER NOT NULL DEFAULT 0 CHECK (ame IN (0, 1)),
  exoneration TEXT NOT NULL DEFAULT 'aucune',
  planned_acts TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX prescriptions_patient ON prescriptions (patient_id, prescription_date);

-- Tariffs change by a new dated row, never by editing history.
CREATE TABLE tariffs (
  id INTEGER PRIMARY KEY,
  profession TEXT NOT NULL CHECK (profession IN ('infirmier', 'masseur-kinesitherapeute')),
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  unit_cents INTEGER NOT NULL CHECK (unit_cents > 0),
  effective_from TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (profession, code, effective_from)
) STRICT;

CREATE TRIGGER tariffs_no_update BEFORE UPDATE ON tariffs
BEGIN SELECT RAISE(ABORT, 'tariffs are history: add a dated row'); END;

-- Metropolitan values in force as of Feb 2026 (BILLING-RULES.md §4 nurses, §5 physiotherapists).
INSERT INTO tariffs (profession, code, label, unit_cents, effective_from, created_at) VALUES
  ('infirmier', 'AMI', 'Acte médico-infirmier', 315, '2009-04-15', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'AMX', 'Acte infirmier (patient dépendant)', 315, '2020-01-01', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'TMI', 'Télésoin infirmier', 315, '2020-01-01', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'AIS', 'Acte infirmier de soins', 265, '2009-04-15', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'BSA', 'Bilan de soins infirmiers – forfait A', 1300, '2023-10-03', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'BSB', 'Bilan de soins infirmiers – forfait B', 1820, '2023-10-03', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'BSC', 'Bilan de soins infirmiers – forfait C', 2870, '2023-10-03', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'DI', 'Démarche de soins infirmiers', 1000, '2009-04-15', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'IFD', 'Indemnité forfaitaire de déplacement', 250, '2009-04-15', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'IFD', 'Indemnité forfaitaire de déplacement', 275, '2024-01-28', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'IFI', 'Indemnité forfaitaire de déplacement (patient dépendant)', 275, '2024-01-28', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'IKP', 'Indemnité kilométrique plaine (par km)', 35, '2009-04-15', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'IKM', 'Indemnité kilométrique montagne (par km)', 50, '2009-04-15', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'IKS', 'Indemnité kilométrique à pied ou à ski (par km)', 340, '2009-04-15', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'MN', 'Majoration de nuit (20h–23h, 5h–8h)', 915, '2009-04-15', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'MNP', 'Majoration de nuit (23h–5h)', 1830, '2009-04-15', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'MD', 'Majoration dimanche et jour férié (valeur à vérifier)', 800, '2009-04-15', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'MAU', 'Majoration acte unique', 135, '2012-05-27', '2026-01-01T00:00:00.000Z'),
  ('infirmier', 'MCI', 'Majoration de coordination infirmière', 500, '2012-01-01', '2026-01-01T00:00:00.000Z'),
  ('masseur-kinesitherapeute', 'AMK', 'Acte de masso-kinésithérapie', 215, '2012-07-01', '2026-01-01T00:00:00.000Z'),
  ('masseur-kinesitherapeute', 'AMK', 'Acte de masso-kinésithérapie', 221, '2024-02-22', '2026-01-01T00:00:00.000Z'),
  ('masseur-kinesitherapeute', 'TMK', 'Télésoin masso-kinésithérapie', 215, '2024-02-22', '2026-01-01T00:00:00.000Z'),
  ('masseur-kinesitherapeute', 'APM', 'Rééducation des amputés', 221, '2024-02-22', '2026-01-01T00:00:00.000Z'),
  ('masseur-kinesitherapeute', 'ARL', 'Rééducation respiratoire, maxillo-faciale, ORL', 221, '2024-02-22', '2026-01-01T00:00:00.000Z'),
  ('masseur-kinesitherapeute', 'DRA', 'Rééducation des déviations du rachis', 221, '2024-02-22', '2026-01-01T00:00:00.000Z'),
  ('masseur-kinesitherapeute', 'NMI', 'Rééducation neuromusculaire / rhumatismale inflammatoire', 221, '2024-02-22', '2026-01-01T00:00:00.000Z'),
  ('masseur-kinesitherapeute', 'PLL', 'Soins palliatifs', 221, '2024-02-22', '2026-01-01T00:00:00.000Z'),
  ('masseur-kinesitherapeute', 'IFD', 'Indemnité forfaitaire de déplacement', 250, '2025-07-01', '2026-01-01T00:00:00.000Z'),
  ('masseur-kinesitherapeute', 'IFS', 'Indemnité forfaitaire de déplacement spécifique', 400, '2025-07-01', '2026-01-01T00:00:00.000Z');

CREATE TABLE invoice_counters (
  practitioner_id INTEGER PRIMARY KEY REFERENCES practitioners (id),
  last_number INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  number INTEGER,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'validated', 'cancelled')),
  practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
  patient_id INTEGER NOT NULL REFERENCES patients (id),
  prescription_id INTEGER REFERENCES prescriptions (id),
  exoneration TEXT NOT NULL DEFAULT 'aucune',
  tiers_payant_amo INTEGER NOT NULL DEFAULT 0,
  tiers_payant_amc INTEGER NOT NULL DEFAULT 0,
  amo_rate INTEGER NOT NULL DEFAULT 60 CHECK (amo_rate BETWEEN 0 AND 100),
  amc_rate INTEGER NOT NULL DEFAULT 0 CHECK (amc_rate BETWEEN 0 AND 100),
  amc_organism_id INTEGER REFERENCES organisms (id),
  ame INTEGER NOT NULL DEFAULT 0 CHECK (ame IN (0, 1)),
  ame_source TEXT CHECK (ame_source IN ('button', 'prescription', 'prompt')),
  ame_prompt_answer TEXT CHECK (ame_prompt_answer IN ('oui', 'non')),
  outside_rights_confirmed INTEGER NOT NULL DEFAULT 0,
  total_cents INTEGER NOT NULL DEFAULT 0,
  amo_cents INTEGER NOT NULL DEFAULT 0,
  amc_cents INTEGER NOT NULL DEFAULT 0,
  patient_cents INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  validated_at TEXT,
  cancelled_at TEXT,
  cancel_reason TEXT,
  replaces_invoice_id INTEGER REFERENCES invoices (id),
  pdf_file TEXT,
  UNIQUE (practitioner_id, number),
  CHECK ((status = 'draft') = (number IS NULL))
) STRICT;

CREATE INDEX invoices_patient ON invoices (patient_id, created_at);
CREATE INDEX invoices_status ON invoices (status, practitioner_id, number);

CREATE TABLE invoice_lines (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  position INTEGER NOT NULL,
  act_date TEXT NOT NULL,
  code TEXT NOT NULL,
  coefficient INTEGER NOT NULL CHECK (coefficient > 0),
  quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  unit_cents INTEGER NOT NULL,
  amount_cents INTEGER NOT NULL,
  qualificatif TEXT CHECK (qualificatif IN ('N')),
  tariff_id INTEGER NOT NULL REFERENCES tariffs (id)
) STRICT;

CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id, position);
CREATE INDEX invoice_lines_act_date ON invoice_lines (act_date);

-- A validated invoice is immutable. Only these transitions are allowed on a non-draft row:
-- validated → cancelled (with reason) and recording the printed file name.
CREATE TRIGGER invoices_immutable BEFORE UPDATE ON invoices
WHEN OLD.status <> 'draft' AND NOT (
  NEW.number IS OLD.number AND NEW.practitioner_id IS OLD.practitioner_id AND NEW.patient_id IS OLD.patient_id
  AND NEW.prescription_id IS OLD.prescription_id AND NEW.exoneration IS OLD.exoneration
  AND NEW.tiers_payant_amo IS OLD.tiers_payant_amo AND NEW.tiers_payant_amc IS OLD.tiers_payant_amc
  AND NEW.amo_rate IS OLD.amo_rate AND NEW.amc_rate IS OLD.amc_rate AND NEW.amc_organism_id IS OLD.amc_organism_id
  AND NEW.ame IS OLD.ame AND NEW.ame_source IS OLD.ame_source AND NEW.ame_prompt_answer IS OLD.ame_prompt_answer
  AND NEW.outside_rights_confirmed IS OLD.outside_rights_confirmed
  AND NEW.total_cents IS OLD.total_cents AND NEW.amo_cents IS OLD.amo_cents AND NEW.amc_cents IS OLD.amc_cents
  AND NEW.patient_cents IS OLD.patient_cents AND NEW.created_at IS OLD.created_at
  AND NEW.validated_at IS OLD.validated_at AND NEW.replaces_invoice_id IS OLD.replaces_invoice_id
  AND (NEW.status = OLD.status OR (OLD.status = 'validated' AND NEW.status = 'cancelled' AND NEW.cancel_reason IS NOT NULL))
  AND (OLD.status = NEW.status AND NEW.cancelled_at IS OLD.cancelled_at AND NEW.cancel_reason IS OLD.cancel_reason
       OR OLD.status <> NEW.status)
)
BEGIN SELECT RAISE(ABORT, 'invoice is validated: immutable'); END;

CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices
WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice is validated: immutable'); END;

CREATE TRIGGER invoice_lines_immutable_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice is validated: immutable'); END;

CREATE TRIGGER invoice_lines_immutable_update BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice is validated: immutable'); END;

CREATE TRIGGER invoice_lines_immutable_delete BEFORE DELETE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice is validated: immutable'); END;
