-- The desk as nurses and kinés use it (issue #9): who pays each payment, the patient's own share followed
-- like the rest, and the AME formatting applied by default when the acts fall inside the AME rights on file.

-- ame_choice: 'rights' = AME formatting applied by default because the acts fall inside the AME rights on
-- file; 'declined' = the user turned the « Aide médicale d'État » button off (it is not applied again by
-- default, and the forgotten-AME prompt is not asked: the button wins).
ALTER TABLE invoices ADD COLUMN ame_choice TEXT CHECK (ame_choice IN ('rights', 'declined'));

-- The non-AME terms the user last chose for a draft (exonération, tiers payant AMO), kept while the AME
-- formatting is on so that withdrawing it (rights no longer covering the acts, button off) restores them.
-- NULL = nothing chosen: the prescription's exonération, without tiers payant.
ALTER TABLE invoices ADD COLUMN normal_exoneration TEXT
  CHECK (normal_exoneration IN ('aucune', 'ald', 'maternite', 'atmp', 'soins-particuliers'));
ALTER TABLE invoices ADD COLUMN normal_tiers_payant_amo INTEGER CHECK (normal_tiers_payant_amo IN (0, 1));

-- The patient's own share is followed for invoices made from now on; invoices validated before keep their
-- follow-up as it was (their desk payments were never recorded here). Drafts open at the upgrade are validated
-- afterwards: their patient share is followed like any new invoice's.
ALTER TABLE invoices ADD COLUMN patient_share_followed INTEGER NOT NULL DEFAULT 1 CHECK (patient_share_followed IN (0, 1));
UPDATE invoices SET patient_share_followed = 0 WHERE status <> 'draft';

CREATE TRIGGER invoices_desk_columns_immutable BEFORE UPDATE OF ame_choice, patient_share_followed, normal_exoneration,
  normal_tiers_payant_amo ON invoices
WHEN OLD.status <> 'draft' AND (NEW.ame_choice IS NOT OLD.ame_choice OR NEW.patient_share_followed IS NOT OLD.patient_share_followed
  OR NEW.normal_exoneration IS NOT OLD.normal_exoneration OR NEW.normal_tiers_payant_amo IS NOT OLD.normal_tiers_payant_amo)
BEGIN SELECT RAISE(ABORT, 'invoice is validated: immutable'); END;

-- Who paid: the caisse (AMO), the complémentaire or the AME (AMC), or the patient at the desk.
-- Existing payments were all tiers-payant payments: AMC for AME invoices, AMO otherwise.
DROP TRIGGER payments_history;
ALTER TABLE payments ADD COLUMN payer TEXT NOT NULL DEFAULT 'amo' CHECK (payer IN ('amo', 'amc', 'patient'));
UPDATE payments SET payer = 'amc' WHERE invoice_id IN (SELECT id FROM invoices WHERE ame = 1);
CREATE TRIGGER payments_history BEFORE UPDATE ON payments
WHEN NOT (
  NEW.invoice_id IS OLD.invoice_id AND NEW.received_on IS OLD.received_on AND NEW.amount_cents IS OLD.amount_cents
  AND NEW.mode IS OLD.mode AND NEW.reference IS OLD.reference AND NEW.created_at IS OLD.created_at
  AND NEW.payer IS OLD.payer AND OLD.cancelled_at IS NULL
)
BEGIN SELECT RAISE(ABORT, 'payment is history: cancel it instead'); END;

-- The view now follows the patient's share too: without tiers payant the patient owes the practice what the
-- caisse does not pay it directly. « Réglée » needs both the tiers-payant part and the patient's part; once the
-- caisse has paid (or owes nothing), an invoice whose only awaited money is the patient's is « à encaisser »
-- (never in a bordereau, never « à relancer »: reminders are about the caisse).
DROP VIEW invoice_follow_up;
CREATE VIEW invoice_follow_up AS
SELECT
  f.*,
  CASE
    WHEN f.status = 'draft' THEN 'brouillon'
    WHEN f.status = 'cancelled' THEN 'annulee'
    WHEN f.rejected_on IS NOT NULL THEN 'rejetee'
    WHEN f.paid_cents >= f.expected_cents AND f.patient_paid_cents >= f.patient_due_cents THEN 'payee'
    -- Not sent yet and tiers-payant money still awaited (even if part came early): it must go in a bordereau.
    WHEN f.bordereau_id IS NULL AND f.paid_cents < f.expected_cents THEN 'a-envoyer'
    WHEN f.paid_cents >= f.expected_cents THEN 'a-encaisser'
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
    coalesce((SELECT sum(pay.amount_cents) FROM payments pay
      WHERE pay.invoice_id = i.id AND pay.cancelled_at IS NULL AND pay.payer <> 'patient'), 0) AS paid_cents,
    CASE WHEN i.patient_share_followed = 1 THEN i.total_cents
      - (CASE WHEN i.tiers_payant_amo = 1 THEN i.amo_cents ELSE 0 END)
      - (CASE WHEN i.tiers_payant_amc = 1 THEN i.amc_cents ELSE 0 END) ELSE 0 END AS patient_due_cents,
    -- Read only where the patient owes something (not for AME or fully tiers-payant invoices).
    CASE WHEN i.patient_share_followed = 1 AND i.total_cents
        > (CASE WHEN i.tiers_payant_amo = 1 THEN i.amo_cents ELSE 0 END) + (CASE WHEN i.tiers_payant_amc = 1 THEN i.amc_cents ELSE 0 END)
      THEN coalesce((SELECT sum(pay.amount_cents) FROM payments pay
        WHERE pay.invoice_id = i.id AND pay.cancelled_at IS NULL AND pay.payer = 'patient'), 0)
      ELSE 0 END AS patient_paid_cents,
    (SELECT max(r.rejected_on) FROM rejections r WHERE r.invoice_id = i.id AND r.withdrawn_at IS NULL) AS rejected_on,
    (SELECT b.id FROM bordereau_invoices bi JOIN bordereaux b ON b.id = bi.bordereau_id
      WHERE bi.invoice_id = i.id AND b.cancelled_at IS NULL) AS bordereau_id
  FROM invoices i
) AS f;

INSERT OR REPLACE INTO follow_up_states (invoice_id, practitioner_id, state)
SELECT invoice_id, practitioner_id, state FROM invoice_follow_up WHERE status <> 'draft';

-- The FTS vocabulary (distinct indexed terms), read to find the names within one typo of a typed word.
CREATE VIRTUAL TABLE patients_fts_terms USING fts5vocab (patients_fts, 'row');
