-- Money in (issue #16): a payment received is a transfer (a bank credit or an entry at the desk: date, payer,
-- amount, bank reference) allocated to one or several invoices. What an invoice has been paid is the sum of
-- the allocations of its transfers that are not cancelled; what a transfer did not allocate is a credit.
-- The former per-invoice payments become one-invoice transfers (same ids), and `payments` becomes a view
-- over transfers and allocations, so every reader of payments (follow-up view, ledger) reads allocations.

-- One credit line of an imported bank statement. `identity` is stable across imports of the same line
-- (OFX FITID, CAMT AcctSvcrRef/EndToEndId, else a hash of account, date, amount, label and rank that day):
-- importing a statement twice inserts nothing the second time.
CREATE TABLE bank_lines (
  id INTEGER PRIMARY KEY,
  identity TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  booked_on TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  label TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('csv', 'ofx', 'camt')),
  imported_at TEXT NOT NULL
) STRICT;

CREATE INDEX bank_lines_booked ON bank_lines (booked_on, id);

CREATE TRIGGER bank_lines_no_update BEFORE UPDATE ON bank_lines
BEGIN SELECT RAISE(ABORT, 'bank line is history'); END;
CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON bank_lines
BEGIN SELECT RAISE(ABORT, 'bank line is history'); END;

-- A CSV layout (its header line, normalised) → which column holds what; remembered once the desk mapped it.
CREATE TABLE bank_csv_layouts (
  signature TEXT PRIMARY KEY,
  mapping_json TEXT NOT NULL,
  saved_at TEXT NOT NULL
) STRICT;

CREATE TABLE transfers (
  id INTEGER PRIMARY KEY,
  practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
  received_on TEXT NOT NULL,
  payer TEXT NOT NULL CHECK (payer IN ('amo', 'amc', 'patient')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  mode TEXT NOT NULL CHECK (mode IN ('virement', 'cheque', 'especes')),
  reference TEXT,
  bank_line_id INTEGER REFERENCES bank_lines (id),
  created_at TEXT NOT NULL,
  cancelled_at TEXT,
  cancel_reason TEXT,
  CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
) STRICT;

-- A bank line is pointed by one live transfer at most (a cancelled one frees it).
CREATE UNIQUE INDEX transfers_bank_line ON transfers (bank_line_id) WHERE bank_line_id IS NOT NULL AND cancelled_at IS NULL;
CREATE INDEX transfers_received ON transfers (practitioner_id, received_on);

CREATE TABLE allocations (
  id INTEGER PRIMARY KEY,
  transfer_id INTEGER NOT NULL REFERENCES transfers (id),
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  -- Whose share this pays: one caisse transfer for a bordereau pays the AMC (AME) share of its AME invoices
  -- and the AMO share of the others.
  payer TEXT NOT NULL CHECK (payer IN ('amo', 'amc', 'patient')),
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX allocations_invoice ON allocations (invoice_id, transfer_id);
CREATE INDEX allocations_transfer ON allocations (transfer_id);

-- The former payments, one transfer and one allocation each, with the payment's id for both.
INSERT INTO transfers (id, practitioner_id, received_on, payer, amount_cents, mode, reference, bank_line_id, created_at, cancelled_at, cancel_reason)
SELECT p.id, i.practitioner_id, p.received_on, p.payer, p.amount_cents, p.mode, p.reference, NULL, p.created_at, p.cancelled_at, p.cancel_reason
FROM payments p JOIN invoices i ON i.id = p.invoice_id;
INSERT INTO allocations (id, transfer_id, invoice_id, amount_cents, payer, created_at)
SELECT id, id, invoice_id, amount_cents, payer, created_at FROM payments;

DROP TABLE payments;

-- Every allocation as the former payment row: what the follow-up view and the ledger read.
CREATE VIEW payments AS
SELECT a.id, a.invoice_id, t.received_on, a.amount_cents, t.mode, a.payer, t.reference, a.created_at,
  t.cancelled_at, t.cancel_reason, a.transfer_id
FROM allocations a JOIN transfers t ON t.id = a.transfer_id;

-- Per transfer: what it allocated and what is left (the credit, never spread silently).
CREATE VIEW transfer_balances AS
SELECT t.id AS transfer_id,
  coalesce((SELECT sum(a.amount_cents) FROM allocations a WHERE a.transfer_id = t.id), 0) AS allocated_cents,
  t.amount_cents - coalesce((SELECT sum(a.amount_cents) FROM allocations a WHERE a.transfer_id = t.id), 0) AS credit_cents
FROM transfers t;

-- History is kept: a transfer is only cancelled (once), an allocation never edited nor deleted.
CREATE TRIGGER transfers_history BEFORE UPDATE ON transfers
WHEN NOT (
  NEW.practitioner_id IS OLD.practitioner_id AND NEW.received_on IS OLD.received_on AND NEW.payer IS OLD.payer
  AND NEW.amount_cents IS OLD.amount_cents AND NEW.mode IS OLD.mode AND NEW.reference IS OLD.reference
  AND NEW.bank_line_id IS OLD.bank_line_id AND NEW.created_at IS OLD.created_at AND OLD.cancelled_at IS NULL
)
BEGIN SELECT RAISE(ABORT, 'transfer is history: cancel it instead'); END;

CREATE TRIGGER transfers_no_delete BEFORE DELETE ON transfers
BEGIN SELECT RAISE(ABORT, 'transfer is history: cancel it instead'); END;

CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations
BEGIN SELECT RAISE(ABORT, 'allocation is history: cancel its transfer instead'); END;

CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations
BEGIN SELECT RAISE(ABORT, 'allocation is history: cancel its transfer instead'); END;

-- Never more allocated than received, never on a cancelled transfer.
CREATE TRIGGER allocations_within_transfer BEFORE INSERT ON allocations
WHEN (SELECT cancelled_at FROM transfers WHERE id = NEW.transfer_id) IS NOT NULL
  OR NEW.amount_cents + coalesce((SELECT sum(amount_cents) FROM allocations WHERE transfer_id = NEW.transfer_id), 0)
     > (SELECT amount_cents FROM transfers WHERE id = NEW.transfer_id)
BEGIN SELECT RAISE(ABORT, 'allocation exceeds its transfer'); END;

-- The stored follow-up state (see 0003) follows allocations and transfer cancellations.
CREATE TRIGGER follow_up_on_allocation AFTER INSERT ON allocations
BEGIN
  INSERT OR REPLACE INTO follow_up_states (invoice_id, practitioner_id, state)
  SELECT invoice_id, practitioner_id, state FROM invoice_follow_up WHERE invoice_id = NEW.invoice_id;
END;

CREATE TRIGGER follow_up_on_transfer_cancel AFTER UPDATE OF cancelled_at ON transfers
BEGIN
  INSERT OR REPLACE INTO follow_up_states (invoice_id, practitioner_id, state)
  SELECT invoice_id, practitioner_id, state FROM invoice_follow_up
  WHERE invoice_id IN (SELECT invoice_id FROM allocations WHERE transfer_id = NEW.id);
END;

-- Rejections: the usual reason picked from a list (core/domain/rejection-reasons.ts), beside the free text.
ALTER TABLE rejections ADD COLUMN reason_code TEXT;

-- Relances: a letter to the caisse listing unpaid invoices, or to a patient for their share.
CREATE TABLE relances (
  id INTEGER PRIMARY KEY,
  practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
  addressee TEXT NOT NULL CHECK (addressee IN ('caisse', 'patient')),
  sent_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  pdf_file TEXT
) STRICT;

CREATE TABLE relance_invoices (
  relance_id INTEGER NOT NULL REFERENCES relances (id),
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  awaited_cents INTEGER NOT NULL,
  PRIMARY KEY (relance_id, invoice_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX relance_invoices_invoice ON relance_invoices (invoice_id);

-- After how many days without payment an invoice is « à relancer », per payer (Réglages).
CREATE TABLE relance_delays (
  payer TEXT PRIMARY KEY CHECK (payer IN ('amo', 'amc', 'patient')),
  after_days INTEGER NOT NULL CHECK (after_days BETWEEN 1 AND 365)
) STRICT;

INSERT INTO relance_delays (payer, after_days) VALUES ('amo', 30), ('amc', 30), ('patient', 30);
