-- Care series (issue 15, DESIGN §7): a series of care from a prescription expands into planned visits; a
-- planned visit done is billed by linking it to the invoice visit that bills it. « Billed twice » is made
-- impossible by the database: a partial unique index holds one live link per planned visit, and cancelling
-- the invoice frees its links (trigger), so the visit can be billed again. « 9 / 15 » and the kiné séance
-- number are counts over these rows, never stored.

CREATE TABLE care_series (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients (id),
  practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
  prescription_id INTEGER NOT NULL REFERENCES prescriptions (id),
  label TEXT,
  place TEXT NOT NULL CHECK (place IN ('cabinet', 'domicile')),
  -- The acts of each visit, from the catalogue: [{key, code, coefficient (hundredths)}].
  acts_json TEXT NOT NULL,
  -- The rule the visits were planned from (core/series/expand.ts SeriesRule), kept to show and renew it.
  rule_json TEXT NOT NULL,
  imperative_prescription INTEGER NOT NULL DEFAULT 0 CHECK (imperative_prescription IN (0, 1)),
  treatment_start TEXT,
  prior_agreement_date TEXT,
  created_at TEXT NOT NULL,
  cancelled_at TEXT
) STRICT;

CREATE INDEX care_series_patient ON care_series (patient_id, id);
CREATE INDEX care_series_prescription ON care_series (prescription_id);

CREATE TABLE planned_visits (
  id INTEGER PRIMARY KEY,
  series_id INTEGER NOT NULL REFERENCES care_series (id),
  -- Who the visit is planned for (the series' practitioner, or a replacement); done_by is who did it.
  practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
  patient_id INTEGER NOT NULL REFERENCES patients (id),
  visit_date TEXT NOT NULL,
  planned_time TEXT,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'not-done', 'cancelled')),
  reason TEXT,
  done_time TEXT,
  done_by INTEGER REFERENCES practitioners (id),
  -- True for a visit added on the round (not planned by the rule).
  unplanned INTEGER NOT NULL DEFAULT 0 CHECK (unplanned IN (0, 1)),
  updated_at TEXT NOT NULL,
  CHECK ((status = 'done') = (done_time IS NOT NULL AND done_by IS NOT NULL))
) STRICT;

CREATE INDEX planned_visits_round ON planned_visits (practitioner_id, visit_date, planned_time);
CREATE INDEX planned_visits_series ON planned_visits (series_id, visit_date, planned_time);
CREATE INDEX planned_visits_done ON planned_visits (done_by, visit_date) WHERE status = 'done';

CREATE TABLE invoice_planned_visits (
  invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  -- The invoice visit (invoice_visits.position) that bills the planned visit.
  position INTEGER NOT NULL,
  planned_visit_id INTEGER NOT NULL REFERENCES planned_visits (id),
  -- Set when the invoice is cancelled: the planned visit is free to be billed again.
  freed_at TEXT,
  PRIMARY KEY (invoice_id, position)
) STRICT;

-- The guarantee: one live (not freed) billing per planned visit.
CREATE UNIQUE INDEX invoice_planned_visits_once ON invoice_planned_visits (planned_visit_id) WHERE freed_at IS NULL;

CREATE TRIGGER invoice_planned_visits_done_only BEFORE INSERT ON invoice_planned_visits
WHEN (SELECT status FROM planned_visits WHERE id = NEW.planned_visit_id) IS NOT 'done'
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'draft'
BEGIN SELECT RAISE(ABORT, 'only a done visit is billed, on a draft'); END;

CREATE TRIGGER invoice_planned_visits_freed_once BEFORE UPDATE ON invoice_planned_visits
WHEN OLD.freed_at IS NOT NULL OR NEW.invoice_id <> OLD.invoice_id OR NEW.position <> OLD.position
  OR NEW.planned_visit_id <> OLD.planned_visit_id
BEGIN SELECT RAISE(ABORT, 'a billing link is only freed, once'); END;

CREATE TRIGGER invoice_planned_visits_no_delete BEFORE DELETE ON invoice_planned_visits
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) IN ('validated', 'cancelled')
BEGIN SELECT RAISE(ABORT, 'the billing of a validated invoice stays'); END;

CREATE TRIGGER invoice_planned_visits_free_on_cancel AFTER UPDATE OF status ON invoices
WHEN NEW.status = 'cancelled'
BEGIN UPDATE invoice_planned_visits SET freed_at = NEW.cancelled_at WHERE invoice_id = NEW.id AND freed_at IS NULL; END;

-- A billed visit keeps what was billed: its date, hour, status and who did it.
CREATE TRIGGER planned_visits_billed_frozen BEFORE UPDATE OF visit_date, status, done_time, done_by, patient_id, series_id ON planned_visits
WHEN EXISTS (SELECT 1 FROM invoice_planned_visits WHERE planned_visit_id = OLD.id AND freed_at IS NULL)
BEGIN SELECT RAISE(ABORT, 'planned visit is billed'); END;

-- Distance once per patient (one-way, tenths of km from the office): prefills the IK of the series' visits.
CREATE TABLE patient_travel (
  patient_id INTEGER PRIMARY KEY REFERENCES patients (id),
  distance_tenths INTEGER NOT NULL CHECK (distance_tenths BETWEEN 0 AND 5000),
  updated_at TEXT NOT NULL
) STRICT;

-- Scans and photos of the ordonnance and of the AME attestation, in the database: every backup (a copy of
-- the SQLite file) carries them, and a restore brings them back with the rows that name them.
CREATE TABLE patient_attachments (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients (id),
  prescription_id INTEGER REFERENCES prescriptions (id),
  kind TEXT NOT NULL CHECK (kind IN ('ordonnance', 'attestation-ame', 'autre')),
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes INTEGER NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  content BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX patient_attachments_patient ON patient_attachments (patient_id, id);
