-- The practice's own follow-up of what it sent on paper: bordereaux (batches sent to a caisse),
-- payments received and rejections. No NOEMIE return comes back for AME de base, so this is the only record.

-- "Latest invoices of a practitioner" walks this index backwards instead of sorting every invoice.
CREATE INDEX invoices_practitioner ON invoices (practitioner_id, id);

CREATE TABLE bordereau_counters (
  practitioner_id INTEGER PRIMARY KEY REFERENCES practitioners (id),
  last_number INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE bordereaux (
  id INTEGER PRIMARY KEY,
  practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
  number INTEGER NOT NULL,
  -- Destination: the patients' caisse (régime + caisse codes), the same for every invoice of the batch.
  regime TEXT NOT NULL,
  caisse TEXT NOT NULL,
  sent_on TEXT NOT NULL,
  invoice_count INTEGER NOT NULL CHECK (invoice_count > 0),
  total_cents INTEGER NOT NULL,
  expected_cents INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  cancelled_at TEXT,
  cancel_reason TEXT,
  pdf_file TEXT,
  UNIQUE (practitioner_id, number),
  CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
) STRICT;

CREATE INDEX bordereaux_practitioner ON bordereaux (practitioner_id, number);

CREATE TABLE bordereau_invoices (
  bordereau_id INTEGER NOT NULL REFERENCES bordereaux (id),
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  PRIMARY KEY (bordereau_id, invoice_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX bordereau_invoices_invoice ON bordereau_invoices (invoice_id, bordereau_id);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  received_on TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  mode TEXT NOT NULL CHECK (mode IN ('virement', 'cheque', 'especes')),
  reference TEXT,
  created_at TEXT NOT NULL,
  cancelled_at TEXT,
  cancel_reason TEXT,
  CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
) STRICT;

CREATE INDEX payments_invoice ON payments (invoice_id);
CREATE INDEX payments_received ON payments (received_on);

CREATE TABLE rejections (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  rejected_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  withdrawn_at TEXT
) STRICT;

CREATE INDEX rejections_invoice ON rejections (invoice_id);

-- History is kept: a bordereau, a payment or a rejection is never edited nor deleted, only cancelled/withdrawn once.
CREATE TRIGGER bordereaux_history BEFORE UPDATE ON bordereaux
WHEN NOT (
  NEW.practitioner_id IS OLD.practitioner_id AND NEW.number IS OLD.number AND NEW.regime IS OLD.regime
  AND NEW.caisse IS OLD.caisse AND NEW.sent_on IS OLD.sent_on AND NEW.invoice_count IS OLD.invoice_count
  AND NEW.total_cents IS OLD.total_cents AND NEW.expected_cents IS OLD.expected_cents AND NEW.created_at IS OLD.created_at
  AND (OLD.cancelled_at IS NULL OR (NEW.cancelled_at IS OLD.cancelled_at AND NEW.cancel_reason IS OLD.cancel_reason))
)
BEGIN SELECT RAISE(ABORT, 'bordereau is history: cancel it instead'); END;

CREATE TRIGGER bordereaux_no_delete BEFORE DELETE ON bordereaux
BEGIN SELECT RAISE(ABORT, 'bordereau is history: cancel it instead'); END;

-- An invoice joins a bordereau only when validated, and only one active bordereau at a time.
CREATE TRIGGER bordereau_invoices_insert BEFORE INSERT ON bordereau_invoices
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'validated'
  OR (SELECT cancelled_at FROM bordereaux WHERE id = NEW.bordereau_id) IS NOT NULL
  OR EXISTS (SELECT 1 FROM bordereau_invoices bi JOIN bordereaux b ON b.id = bi.bordereau_id
             WHERE bi.invoice_id = NEW.invoice_id AND b.cancelled_at IS NULL)
BEGIN SELECT RAISE(ABORT, 'invoice cannot join this bordereau'); END;

CREATE TRIGGER bordereau_invoices_no_update BEFORE UPDATE ON bordereau_invoices
BEGIN SELECT RAISE(ABORT, 'bordereau is history: cancel it instead'); END;

CREATE TRIGGER bordereau_invoices_no_delete BEFORE DELETE ON bordereau_invoices
BEGIN SELECT RAISE(ABORT, 'bordereau is history: cancel it instead'); END;

CREATE TRIGGER payments_history BEFORE UPDATE ON payments
WHEN NOT (
  NEW.invoice_id IS OLD.invoice_id AND NEW.received_on IS OLD.received_on AND NEW.amount_cents IS OLD.amount_cents
  AND NEW.mode IS OLD.mode AND NEW.reference IS OLD.reference AND NEW.created_at IS OLD.created_at
  AND OLD.cancelled_at IS NULL
)
BEGIN SELECT RAISE(ABORT, 'payment is history: cancel it instead'); END;

CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payment is history: cancel it instead'); END;

CREATE TRIGGER rejections_history BEFORE UPDATE ON rejections
WHEN NOT (
  NEW.invoice_id IS OLD.invoice_id AND NEW.rejected_on IS OLD.rejected_on AND NEW.reason IS OLD.reason
  AND NEW.created_at IS OLD.created_at AND OLD.withdrawn_at IS NULL
)
BEGIN SELECT RAISE(ABORT, 'rejection is history: withdraw it instead'); END;

CREATE TRIGGER rejections_no_delete BEFORE DELETE ON rejections
BEGIN SELECT RAISE(ABORT, 'rejection is history: withdraw it instead'); END;

-- Where each invoice stands, as one definition read by every screen and the bordereau. The amount the
-- practice waits for is the tiers-payant part (AMO and/or AMC); the patient's own part is paid at the desk.
CREATE VIEW invoice_follow_up AS
SELECT
  f.*,
  CASE
    WHEN f.status = 'draft' THEN 'brouillon'
    WHEN f.status = 'cancelled' THEN 'annulee'
    WHEN f.rejected_on IS NOT NULL THEN 'rejetee'
    WHEN f.paid_cents >= f.expected_cents THEN 'payee'
    -- Not sent yet and money still awaited (even if part came early): it must go in a bordereau.
    WHEN f.bordereau_id IS NULL THEN 'a-envoyer'
    WHEN f.paid_cents > 0 THEN 'payee-partiellement'
    ELSE 'envoyee'
  END AS state
FROM (
  SELECT
    i.id AS invoice_id,
    i.status,
    i.practitioner_id,
    i.patient_id,
    i.number,
    (CASE WHEN i.tiers_payant_amo = 1 THEN i.amo_cents ELSE 0 END)
      + (CASE WHEN i.tiers_payant_amc = 1 THEN i.amc_cents ELSE 0 END) AS expected_cents,
    coalesce((SELECT sum(pay.amount_cents) FROM payments pay WHERE pay.invoice_id = i.id AND pay.cancelled_at IS NULL), 0) AS paid_cents,
    (SELECT max(r.rejected_on) FROM rejections r WHERE r.invoice_id = i.id AND r.withdrawn_at IS NULL) AS rejected_on,
    (SELECT b.id FROM bordereau_invoices bi JOIN bordereaux b ON b.id = bi.bordereau_id
      WHERE bi.invoice_id = i.id AND b.cancelled_at IS NULL) AS bordereau_id
  FROM invoices i
) AS f;

-- The view's state, kept per invoice by the triggers below in the same transaction as the change, so the
-- follow-up screens read the few open invoices through an index instead of computing years of settled ones.
-- The rule itself stays in the view: this table only stores its answer.
CREATE TABLE follow_up_states (
  invoice_id INTEGER PRIMARY KEY REFERENCES invoices (id),
  practitioner_id INTEGER NOT NULL,
  state TEXT NOT NULL
) STRICT;

CREATE INDEX follow_up_states_by_state ON follow_up_states (practitioner_id, state, invoice_id);

INSERT INTO follow_up_states (invoice_id, practitioner_id, state)
SELECT invoice_id, practitioner_id, state FROM invoice_follow_up WHERE status <> 'draft';

CREATE TRIGGER follow_up_on_invoice AFTER UPDATE OF status ON invoices
WHEN NEW.status <> 'draft'
BEGIN
  INSERT OR REPLACE INTO follow_up_states (invoice_id, practitioner_id, state)
  SELECT invoice_id, practitioner_id, state FROM invoice_follow_up WHERE invoice_id = NEW.id;
END;

CREATE TRIGGER follow_up_on_bordereau_link AFTER INSERT ON bordereau_invoices
BEGIN
  INSERT OR REPLACE INTO follow_up_states (invoice_id, practitioner_id, state)
  SELECT invoice_id, practitioner_id, state FROM invoice_follow_up WHERE invoice_id = NEW.invoice_id;
END;

CREATE TRIGGER follow_up_on_bordereau_cancel AFTER UPDATE OF cancelled_at ON bordereaux
BEGIN
  INSERT OR REPLACE INTO follow_up_states (invoice_id, practitioner_id, state)
  SELECT invoice_id, practitioner_id, state FROM invoice_follow_up
  WHERE invoice_id IN (SELECT invoice_id FROM bordereau_invoices WHERE bordereau_id = NEW.id);
END;

CREATE TRIGGER follow_up_on_payment AFTER INSERT ON payments
BEGIN
  INSERT OR REPLACE INTO follow_up_states (invoice_id, practitioner_id, state)
  SELECT invoice_id, practitioner_id, state FROM invoice_follow_up WHERE invoice_id = NEW.invoice_id;
END;

CREATE TRIGGER follow_up_on_payment_cancel AFTER UPDATE OF cancelled_at ON payments
BEGIN
  INSERT OR REPLACE INTO follow_up_states (invoice_id, practitioner_id, state)
  SELECT invoice_id, practitioner_id, state FROM invoice_follow_up WHERE invoice_id = NEW.invoice_id;
END;

CREATE TRIGGER follow_up_on_rejection AFTER INSERT ON rejections
BEGIN
  INSERT OR REPLACE INTO follow_up_states (invoice_id, practitioner_id, state)
  SELECT invoice_id, practitioner_id, state FROM invoice_follow_up WHERE invoice_id = NEW.invoice_id;
END;

CREATE TRIGGER follow_up_on_rejection_withdraw AFTER UPDATE OF withdrawn_at ON rejections
BEGIN
  INSERT OR REPLACE INTO follow_up_states (invoice_id, practitioner_id, state)
  SELECT invoice_id, practitioner_id, state FROM invoice_follow_up WHERE invoice_id = NEW.invoice_id;
END;
