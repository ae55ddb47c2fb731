-- The printed feuille de soins (issue #8): the fields the form requires (CSS R161-42, arrêté of 9 Apr 1998),
-- the print model frozen at validation, per-practitioner overlay offsets, the caisses catalogue.

-- Situation d'exercice: titulaire, or remplaçant of another practitioner (printed on the feuille).
ALTER TABLE practitioners ADD COLUMN situation TEXT NOT NULL DEFAULT 'titulaire' CHECK (situation IN ('titulaire', 'remplacant'));
ALTER TABLE practitioners ADD COLUMN replaced_last_name TEXT;
ALTER TABLE practitioners ADD COLUMN replaced_first_name TEXT;
ALTER TABLE practitioners ADD COLUMN replaced_am_number TEXT;
-- Where the printer lands on the CPAM pre-printed form, in millimetres (+x right, +y down).
ALTER TABLE practitioners ADD COLUMN print_offset_x_mm REAL NOT NULL DEFAULT 0 CHECK (print_offset_x_mm BETWEEN -20 AND 20);
ALTER TABLE practitioners ADD COLUMN print_offset_y_mm REAL NOT NULL DEFAULT 0 CHECK (print_offset_y_mm BETWEEN -20 AND 20);
-- plain: the whole feuille on blank paper; overlay: only the data, on the CPAM pre-printed form.
ALTER TABLE practitioners ADD COLUMN print_layout TEXT NOT NULL DEFAULT 'plain' CHECK (print_layout IN ('plain', 'overlay'));

-- Kiné: number of sessions prescribed, printed beside each session number (« séance 3 / 10 »).
ALTER TABLE prescriptions ADD COLUMN sessions_prescribed INTEGER CHECK (sessions_prescribed BETWEEN 1 AND 200);

-- The AME card's attestation number (the code contrat is coverages.contract_code).
ALTER TABLE coverages ADD COLUMN attestation_number TEXT;

-- Nature d'assurance, AT/MP, accident caused by a third party, demande d'entente préalable.
ALTER TABLE invoices ADD COLUMN insurance_nature TEXT NOT NULL DEFAULT 'maladie' CHECK (insurance_nature IN ('maladie', 'maternite', 'atmp'));
ALTER TABLE invoices ADD COLUMN at_number TEXT;
ALTER TABLE invoices ADD COLUMN at_date TEXT;
ALTER TABLE invoices ADD COLUMN third_party_accident INTEGER NOT NULL DEFAULT 0 CHECK (third_party_accident IN (0, 1));
ALTER TABLE invoices ADD COLUMN accident_date TEXT;
ALTER TABLE invoices ADD COLUMN prior_agreement_date TEXT;

-- invoices_immutable (0002) lists the columns of its time: the new ones are frozen the same way.
CREATE TRIGGER invoices_circumstances_immutable BEFORE UPDATE OF insurance_nature, at_number, at_date,
  third_party_accident, accident_date, prior_agreement_date ON invoices
WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice is validated: immutable'); END;

-- The view model the feuille de soins is printed from, stored at validation in the same transaction
-- (invoice-templates/feuille-de-soins/model.ts, FrozenFeuille). Never updated, never deleted.
CREATE TABLE invoice_print_models (
  invoice_id INTEGER PRIMARY KEY REFERENCES invoices (id),
  model_version INTEGER NOT NULL,
  model_json TEXT NOT NULL CHECK (json_valid(model_json)),
  -- validation: stored when validated; migration: rebuilt by this file (identities from the audit trail)
  source TEXT NOT NULL CHECK (source IN ('validation', 'migration')),
  created_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER invoice_print_models_validated_only BEFORE INSERT ON invoice_print_models
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'validated'
  AND (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'cancelled'
BEGIN SELECT RAISE(ABORT, 'print model of a draft'); END;
-- INSERT OR REPLACE deletes the old row without firing the no-delete trigger (recursive_triggers off):
-- a second model for the same invoice is refused before the conflict is resolved.
CREATE TRIGGER invoice_print_models_one_per_invoice BEFORE INSERT ON invoice_print_models
WHEN EXISTS (SELECT 1 FROM invoice_print_models WHERE invoice_id = NEW.invoice_id)
BEGIN SELECT RAISE(ABORT, 'print model is frozen'); END;
CREATE TRIGGER invoice_print_models_no_update BEFORE UPDATE ON invoice_print_models
BEGIN SELECT RAISE(ABORT, 'print model is frozen'); END;
CREATE TRIGGER invoice_print_models_no_delete BEFORE DELETE ON invoice_print_models
BEGIN SELECT RAISE(ABORT, 'print model is frozen'); END;

-- Invoices validated before this change: the identities as they were at validation where the audit trail
-- has them (the « before » of the first update after the validation), else the current row.
INSERT INTO invoice_print_models (invoice_id, model_version, model_json, source, created_at)
WITH snap AS (
  SELECT i.*,
    COALESCE(
      (SELECT a.before_json FROM audit_log a WHERE a.entity = 'patient' AND a.entity_id = i.patient_id
         AND a.action = 'update' AND a.at > i.validated_at ORDER BY a.at, a.id LIMIT 1),
      (SELECT json_object('lastName', p.last_name, 'usageName', p.usage_name, 'firstName', p.first_name,
         'birthDate', p.birth_date, 'nir', p.nir, 'birthRank', p.birth_rank, 'regime', p.regime, 'caisse', p.caisse,
         'centre', p.centre, 'quality', p.quality, 'insuredLastName', p.insured_last_name,
         'insuredFirstName', p.insured_first_name, 'insuredNir', p.insured_nir, 'insuredBirthDate', p.insured_birth_date,
         'addressLine', p.address_line, 'postalCode', p.postal_code, 'city', p.city)
       FROM patients p WHERE p.id = i.patient_id)
    ) AS pj,
    COALESCE(
      (SELECT a.before_json FROM audit_log a WHERE a.entity = 'practitioner' AND a.entity_id = i.practitioner_id
         AND a.action = 'update' AND a.at > i.validated_at ORDER BY a.at, a.id LIMIT 1),
      (SELECT json_object('profession', r.profession, 'lastName', r.last_name, 'firstName', r.first_name,
         'amNumber', r.am_number, 'rpps', r.rpps, 'addressLine', r.address_line, 'postalCode', r.postal_code,
         'city', r.city, 'phone', r.phone)
       FROM practitioners r WHERE r.id = i.practitioner_id)
    ) AS rj,
    (SELECT c.id FROM coverages c JOIN organisms o ON o.id = c.organism_id
      WHERE i.ame = 1 AND o.is_ame = 1 AND c.patient_id = i.patient_id
      ORDER BY (c.start_date <= (SELECT min(l.act_date) FROM invoice_lines l WHERE l.invoice_id = i.id)
                AND c.end_date >= (SELECT max(l.act_date) FROM invoice_lines l WHERE l.invoice_id = i.id)) DESC,
               c.start_date DESC, c.id DESC LIMIT 1) AS coverage_id
  FROM invoices i WHERE i.status IN ('validated', 'cancelled')
), cov AS (
  SELECT s.id AS invoice_id,
    COALESCE(
      (SELECT a.before_json FROM audit_log a WHERE a.entity = 'coverage' AND a.entity_id = s.coverage_id
         AND a.action = 'update' AND a.at > s.validated_at ORDER BY a.at, a.id LIMIT 1),
      (SELECT json_object('startDate', c.start_date, 'endDate', c.end_date, 'contractCode', c.contract_code)
       FROM coverages c WHERE c.id = s.coverage_id)
    ) AS cj
  FROM snap s WHERE s.coverage_id IS NOT NULL
)
SELECT s.id, 1,
  json_object(
    'invoice', json_object('number', s.number, 'validatedAt', s.validated_at),
    'practitioner', json_object(
      'profession', json_extract(s.rj, '$.profession'), 'lastName', json_extract(s.rj, '$.lastName'),
      'firstName', json_extract(s.rj, '$.firstName'), 'amNumber', json_extract(s.rj, '$.amNumber'),
      'rpps', json_extract(s.rj, '$.rpps'), 'addressLine', json_extract(s.rj, '$.addressLine'),
      'postalCode', json_extract(s.rj, '$.postalCode'), 'city', json_extract(s.rj, '$.city'),
      'phone', json_extract(s.rj, '$.phone'), 'situation', 'titulaire', 'replaced', NULL),
    'patient', json_object(
      'lastName', json_extract(s.pj, '$.lastName'), 'usageName', json_extract(s.pj, '$.usageName'),
      'firstName', json_extract(s.pj, '$.firstName'), 'birthDate', json_extract(s.pj, '$.birthDate'),
      'nir', json_extract(s.pj, '$.nir'), 'birthRank', json_extract(s.pj, '$.birthRank'),
      'regime', json_extract(s.pj, '$.regime'), 'caisse', json_extract(s.pj, '$.caisse'),
      -- degraded mode: centre 0000 for the régime général (core/domain/feuille.ts, BILLING-RULES §2)
      'centre', CASE WHEN json_extract(s.pj, '$.regime') = '01' THEN '0000' ELSE json_extract(s.pj, '$.centre') END,
      'addressLine', json_extract(s.pj, '$.addressLine'), 'postalCode', json_extract(s.pj, '$.postalCode'),
      'city', json_extract(s.pj, '$.city')),
    'insured', CASE WHEN json_extract(s.pj, '$.quality') = 'ayant_droit'
      THEN json_object('quality', 'ayant_droit',
        'lastName', COALESCE(json_extract(s.pj, '$.insuredLastName'), ''),
        'firstName', COALESCE(json_extract(s.pj, '$.insuredFirstName'), ''),
        'nir', COALESCE(json_extract(s.pj, '$.insuredNir'), json_extract(s.pj, '$.nir')),
        'birthDate', json_extract(s.pj, '$.insuredBirthDate'))
      ELSE json_object('quality', 'assure', 'lastName', json_extract(s.pj, '$.lastName'),
        'firstName', json_extract(s.pj, '$.firstName'), 'nir', json_extract(s.pj, '$.nir'),
        'birthDate', json_extract(s.pj, '$.birthDate')) END,
    'prescription', (SELECT json_object('prescriberName', pb.first_name || ' ' || pb.last_name,
        'prescriberIdentifier', pb.identifier, 'prescriberSpecialty', pb.specialty, 'date', pr.prescription_date)
      FROM prescriptions pr JOIN prescribers pb ON pb.id = pr.prescriber_id WHERE pr.id = s.prescription_id),
    'billing', json_object(
      'exonerationLabel', CASE s.exoneration
        WHEN 'aucune' THEN 'Pas d''exonération'
        WHEN 'ald' THEN 'ALD (affection de longue durée)'
        WHEN 'maternite' THEN 'Maternité'
        WHEN 'atmp' THEN 'Accident du travail / maladie professionnelle'
        WHEN 'soins-particuliers' THEN 'Soins particuliers exonérés'
        ELSE s.exoneration END,
      'ald', json(CASE WHEN s.exoneration = 'ald' THEN 'true' ELSE 'false' END),
      'tiersPayantAmo', json(CASE WHEN s.tiers_payant_amo = 1 THEN 'true' ELSE 'false' END),
      'tiersPayantAmc', json(CASE WHEN s.tiers_payant_amc = 1 THEN 'true' ELSE 'false' END),
      'amoRate', s.amo_rate, 'amcRate', s.amc_rate,
      'amcOrganism', (SELECT json_object('number', o.number, 'name', o.name) FROM organisms o WHERE o.id = s.amc_organism_id),
      'ame', json(CASE WHEN s.ame = 1 THEN 'true' ELSE 'false' END)),
    'ameRights', (SELECT json_object('contractCode', json_extract(cov.cj, '$.contractCode'),
        'attestationNumber', NULL, 'startDate', json_extract(cov.cj, '$.startDate'), 'endDate', json_extract(cov.cj, '$.endDate'))
      FROM cov WHERE cov.invoice_id = s.id),
    'circumstances', json_object('insuranceNature', 'maladie', 'atNumber', NULL, 'atDate', NULL,
      'thirdPartyAccident', json('false'), 'accidentDate', NULL, 'priorAgreementDate', NULL),
    'lines', (SELECT json_group_array(json_object('actDate', l.act_date, 'code', l.code, 'coefficient', l.coefficient,
        'quantity', l.quantity, 'unitCents', l.unit_cents, 'amountCents', l.amount_cents, 'qualificatif', l.qualificatif,
        'sessionNumber', NULL, 'explanation', NULL))
      FROM (SELECT * FROM invoice_lines WHERE invoice_id = s.id ORDER BY position) l),
    'totals', json_object('totalCents', s.total_cents, 'amoCents', s.amo_cents, 'amcCents', s.amc_cents,
      'patientCents', s.patient_cents),
    'notice', 'Feuillet n''est pas certifié SESAM-Vitale et ne télétransmet pas : il imprime les feuilles de soins papier (mode dégradé) et les bordereaux, et tient le suivi du cabinet. Pour l''AME de base, la caisse n''envoie aucun retour électronique.'
  ),
  'migration', s.validated_at
FROM snap s;

-- Caisses the bordereaux are addressed to: régime + caisse code → name and postal address (Réglages).
CREATE TABLE caisses (
  regime TEXT NOT NULL CHECK (length(regime) = 2),
  caisse TEXT NOT NULL CHECK (length(caisse) = 3),
  name TEXT NOT NULL,
  address_line TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL,
  city TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (regime, caisse)
) STRICT;

-- Seed: the Assurance Maladie's public list « Liste des adresses d'expédition de vos documents à une Caisse
-- Primaire d'Assurance Maladie » (compiled from each caisse's ameli.fr page, document dated 6 Aug 2014), column
-- « envoi exceptionnel de facturation papier », as republished at
-- https://github.com/djibe/recommandations-medicales/blob/main/static/print/cpam.pdf. Only entries with one
-- unambiguous address. Old: the Réglages screen asks to check them; each one is editable.
INSERT INTO caisses (regime, caisse, name, address_line, postal_code, city, updated_at) VALUES
  ('01', '751', 'Assurance Maladie de Paris', '', '75948', 'PARIS Cedex 19', '2014-08-06T00:00:00.000Z'),
  ('01', '771', 'CPAM de Seine-et-Marne', '', '77605', 'MARNE-LA-VALLÉE Cedex 3', '2014-08-06T00:00:00.000Z'),
  ('01', '781', 'CPAM des Yvelines', '', '78085', 'YVELINES Cedex 9', '2014-08-06T00:00:00.000Z'),
  ('01', '911', 'CPAM de l''Essonne', '', '91040', 'ÉVRY Cedex', '2014-08-06T00:00:00.000Z'),
  ('01', '921', 'CPAM des Hauts-de-Seine', '', '92026', 'NANTERRE Cedex', '2014-08-06T00:00:00.000Z'),
  ('01', '931', 'CPAM de la Seine-Saint-Denis', 'CS 60300', '93018', 'BOBIGNY Cedex', '2014-08-06T00:00:00.000Z'),
  ('01', '941', 'CPAM du Val-de-Marne', '', '94031', 'CRÉTEIL Cedex', '2014-08-06T00:00:00.000Z'),
  ('01', '951', 'CPAM du Val-d''Oise', '', '95017', 'CERGY-PONTOISE Cedex', '2014-08-06T00:00:00.000Z'),
  ('01', '131', 'CPAM des Bouches-du-Rhône', '56 chemin Joseph Aiguier', '13297', 'MARSEILLE Cedex 9', '2014-08-06T00:00:00.000Z'),
  ('01', '441', 'CPAM de Loire-Atlantique', '9 rue Gaëtan Rondeau', '44958', 'NANTES Cedex 9', '2014-08-06T00:00:00.000Z'),
  ('01', '673', 'CPAM du Bas-Rhin', '16 rue de Lausanne', '67090', 'STRASBOURG Cedex', '2014-08-06T00:00:00.000Z'),
  ('01', '595', 'CPAM de Lille-Douai', '2 rue d''Iéna - BP 01', '59895', 'LILLE Cedex 9', '2014-08-06T00:00:00.000Z');

-- The addressee printed on a bordereau, frozen when the bordereau is created (JSON: the catalogue's name and
-- address, or null when the catalogue had none), so a reprint shows what was sent. NULL for bordereaux made
-- before this change: they print the catalogue's current entry.
ALTER TABLE bordereaux ADD COLUMN addressee_json TEXT CHECK (addressee_json IS NULL OR json_valid(addressee_json));
CREATE TRIGGER bordereaux_addressee_frozen BEFORE UPDATE OF addressee_json ON bordereaux
WHEN NEW.addressee_json IS NOT OLD.addressee_json
BEGIN SELECT RAISE(ABORT, 'bordereau is history: cancel it instead'); END;
