-- Cotation engine (issue #7): the dated NGAP catalogue as data (db/catalogue/*.json), metropole/DOM values,
-- corrected rows (BILLING-RULES §9), visits and priced lines that keep their explanation and NGAP article.

-- 1. Tariffs gain a zone, an end date, an « à vérifier » note and a source. Rebuilt in place, ids kept
--    (invoice lines point at them); deferred foreign keys are checked again at commit.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE tariffs_before_0004 AS SELECT * FROM tariffs;
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
  UNIQUE (profession, code, zone, effective_from),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
) STRICT;
INSERT INTO tariffs (id, profession, code, label, unit_cents, effective_from, created_at)
  SELECT id, profession, code, label, unit_cents, effective_from, created_at FROM tariffs_before_0004;
DROP TABLE tariffs_before_0004;

-- Corrections of rows that were wrong (BILLING-RULES §9). Lines already priced keep their own unit value.
UPDATE tariffs SET unit_cents = 230 WHERE profession = 'infirmier' AND code = 'IFD' AND zone = 'metropole' AND effective_from = '2009-04-15';
UPDATE tariffs SET effective_from = '2012-05-27' WHERE profession = 'infirmier' AND code = 'MCI' AND zone = 'metropole' AND effective_from = '2012-01-01';

CREATE TABLE ngap_acts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  profession TEXT NOT NULL CHECK (profession IN ('infirmier', 'masseur-kinesitherapeute')),
  code TEXT NOT NULL,
  coefficient INTEGER CHECK (coefficient IS NULL OR coefficient > 0),
  label TEXT NOT NULL,
  ngap TEXT NOT NULL,
  act_group TEXT NOT NULL CHECK (act_group IN ('standard', 'perfusion', 'pansement-lourd', 'ais', 'insuline', 'forfait', 'kine')),
  keywords TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to TEXT,
  verify_note TEXT,
  source TEXT NOT NULL
) STRICT;

CREATE TABLE coefficient_steps (
  id INTEGER PRIMARY KEY,
  profession TEXT NOT NULL CHECK (profession IN ('infirmier', 'masseur-kinesitherapeute')),
  codes TEXT NOT NULL,
  from_coefficient INTEGER NOT NULL,
  to_coefficient INTEGER NOT NULL,
  effective_from TEXT NOT NULL,
  verify_note TEXT,
  source TEXT NOT NULL
) STRICT;

-- BEGIN GENERATED CATALOGUE (npm run catalogue:sql; data in db/catalogue/*.json)
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'AMI', 'metropole', 'Acte médico-infirmier', 315, '2009-04-15', NULL, NULL, 'arrêté du 17/10/2008 (annexe) ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'AMI', 'dom', 'Acte médico-infirmier', 330, '2009-04-15', NULL, NULL, 'onsil.fr ; BILLING-RULES §4, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'AMX', 'metropole', 'Acte infirmier (patient dépendant)', 315, '2020-01-01', NULL, 'Date d''entrée en vigueur (réforme BSI 2020-2023) à vérifier.', 'laruche.cbainfo.fr ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'AMX', 'dom', 'Acte infirmier (patient dépendant)', 330, '2020-01-01', NULL, 'Date d''entrée en vigueur (réforme BSI 2020-2023) à vérifier.', 'BILLING-RULES §4, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'TMI', 'metropole', 'Télésoin infirmier', 315, '2020-01-01', NULL, 'Date d''entrée en vigueur (avenant 9) à vérifier.', 'convergenceinfirmiere.com (avenant 10) ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'TMI', 'dom', 'Télésoin infirmier', 330, '2020-01-01', NULL, 'Date d''entrée en vigueur (avenant 9) à vérifier.', 'BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'AIS', 'metropole', 'Acte infirmier de soins', 265, '2009-04-15', NULL, NULL, 'arrêté du 17/10/2008 (annexe) ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'AIS', 'dom', 'Acte infirmier de soins', 270, '2009-04-15', NULL, NULL, 'arrêté du 17/10/2008 ; BILLING-RULES §4, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'BSA', 'metropole', 'Bilan de soins infirmiers – forfait A (dépendance légère)', 1300, '2023-10-03', NULL, NULL, 'laruche ; sniil.fr ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'BSB', 'metropole', 'Bilan de soins infirmiers – forfait B (dépendance intermédiaire)', 1820, '2023-10-03', NULL, NULL, 'laruche ; sniil.fr ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'BSC', 'metropole', 'Bilan de soins infirmiers – forfait C (dépendance lourde)', 2870, '2023-10-03', NULL, NULL, 'laruche ; sniil.fr ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'BSA', 'dom', 'Bilan de soins infirmiers – forfait A (dépendance légère)', 1325, '2023-10-03', NULL, NULL, 'laruche ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'BSB', 'dom', 'Bilan de soins infirmiers – forfait B (dépendance intermédiaire)', 1855, '2023-10-03', NULL, NULL, 'laruche ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'BSC', 'dom', 'Bilan de soins infirmiers – forfait C (dépendance lourde)', 2925, '2023-10-03', NULL, NULL, 'laruche ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'DI', 'metropole', 'Démarche de soins infirmiers', 1000, '2009-04-15', NULL, NULL, 'onsil.fr ; arrêté 2008 ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'DI', 'dom', 'Démarche de soins infirmiers', 1000, '2009-04-15', NULL, NULL, 'onsil.fr ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IFD', 'metropole', 'Indemnité forfaitaire de déplacement', 230, '2009-04-15', NULL, NULL, 'espaceinfirmier.fr ; onsil.fr ; BILLING-RULES §9 (correction : 2,30 € en 2009)', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IFD', 'metropole', 'Indemnité forfaitaire de déplacement', 250, '2012-05-27', NULL, NULL, 'espaceinfirmier.fr ; onsil.fr ; BILLING-RULES §9 (avenant 3)', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IFD', 'metropole', 'Indemnité forfaitaire de déplacement', 275, '2024-01-28', NULL, NULL, 'fni.fr (avenant 10) ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IFD', 'dom', 'Indemnité forfaitaire de déplacement', 275, '2024-01-28', NULL, 'Valeurs DOM avant le 28/01/2024 non trouvées.', 'fni.fr (avenant 10) ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IFI', 'metropole', 'Indemnité forfaitaire de déplacement (patient dépendant)', 275, '2024-01-28', NULL, NULL, 'fni.fr ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IFI', 'dom', 'Indemnité forfaitaire de déplacement (patient dépendant)', 275, '2024-01-28', NULL, NULL, 'fni.fr ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IKP', 'metropole', 'Indemnité kilométrique plaine (par km)', 35, '2009-04-15', NULL, NULL, 'arrêté 2008 ; onsil 2012 ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IKM', 'metropole', 'Indemnité kilométrique montagne (par km)', 50, '2009-04-15', NULL, NULL, 'arrêté 2008 ; onsil 2012 ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IKS', 'metropole', 'Indemnité kilométrique à pied ou à ski (par km)', 340, '2009-04-15', NULL, NULL, 'arrêté 2008 ; onsil 2012 ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IKP', 'dom', 'Indemnité kilométrique plaine (par km)', 35, '2009-04-15', NULL, NULL, 'arrêté 2008 ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IKM', 'dom', 'Indemnité kilométrique montagne (par km)', 50, '2009-04-15', NULL, NULL, 'arrêté 2008 ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'IKS', 'dom', 'Indemnité kilométrique à pied ou à ski (par km)', 366, '2009-04-15', NULL, NULL, 'onsil.fr ; BILLING-RULES §4, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'MN', 'metropole', 'Majoration de nuit (20h–23h, 5h–8h)', 915, '2009-04-15', NULL, 'Code « MN » à vérifier sur la fiche tarifaire officielle.', 'arrêté 2008 ; laruche ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'MNP', 'metropole', 'Majoration de nuit (23h–5h)', 1830, '2009-04-15', NULL, 'Code « MNP » à vérifier sur la fiche tarifaire officielle.', 'arrêté 2008 ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'MD', 'metropole', 'Majoration dimanche et jour férié', 800, '2009-04-15', NULL, '8,00 € confirmé jusqu''en 2011 ; 8,50 € souvent cité depuis l''avenant 6 (2019), non vérifié. Code « MD » à vérifier.', 'arrêté 2008 ; espaceinfirmier 2011 ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'MN', 'dom', 'Majoration de nuit (20h–23h, 5h–8h)', 915, '2009-04-15', NULL, 'Code « MN » à vérifier sur la fiche tarifaire officielle.', 'arrêté 2008 ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'MNP', 'dom', 'Majoration de nuit (23h–5h)', 1830, '2009-04-15', NULL, 'Code « MNP » à vérifier sur la fiche tarifaire officielle.', 'arrêté 2008 ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'MD', 'dom', 'Majoration dimanche et jour férié', 800, '2009-04-15', NULL, 'Valeur après 2011 non vérifiée. Code « MD » à vérifier.', 'arrêté 2008 ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'MAU', 'metropole', 'Majoration acte unique (AMI 1 ou 1,5 seul)', 135, '2012-05-27', NULL, NULL, 'onsil.fr ; guide CPAM (art. 23.1) ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'MAU', 'dom', 'Majoration acte unique (AMI 1 ou 1,5 seul)', 135, '2012-05-27', NULL, NULL, 'onsil.fr ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'MCI', 'metropole', 'Majoration de coordination infirmière', 500, '2012-05-27', NULL, NULL, 'onsil.fr ; BILLING-RULES §9 (correction : avenant 3, 27/05/2012)', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'MCI', 'dom', 'Majoration de coordination infirmière', 500, '2012-05-27', NULL, NULL, 'onsil.fr ; BILLING-RULES §4, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('infirmier', 'MIE', 'metropole', 'Majoration enfant de moins de 7 ans', 315, '2009-04-15', NULL, 'Valeur (3,15 €) et date d''entrée en vigueur non vérifiées.', 'laruche ; orisha (code cité sans valeur) ; BILLING-RULES §4', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'AMK', 'metropole', 'Masso-kinésithérapie : bilans, balnéothérapie, actes divers', 215, '2012-07-01', NULL, 'Valeur 2,15 € sûre jusqu’au 21/02/2024 ; date de début (01/07/2012) à vérifier.', 'BILLING-RULES §5', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'AMK', 'dom', 'Masso-kinésithérapie : bilans, balnéothérapie, actes divers', 236, '2012-07-01', NULL, 'Valeur 2,36 € sûre jusqu’au 21/02/2024 ; date de début (01/07/2012) à vérifier.', 'SNMKR FAQ ; concourspluripro ; topaze (2,36 → 2,43 € DROM le 22/02/2024) ; BILLING-RULES §5', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'AMK', 'metropole', 'Masso-kinésithérapie : bilans, balnéothérapie, actes divers', 221, '2024-02-22', NULL, NULL, 'avenant 7 ; SNMKR ; BILLING-RULES §5', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'AMK', 'dom', 'Masso-kinésithérapie : bilans, balnéothérapie, actes divers', 243, '2024-02-22', NULL, NULL, 'blueback.fr (avenant 7) ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'TMK', 'metropole', 'Télésoin masso-kinésithérapie', 215, '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'APM', 'metropole', 'Rééducation des amputés', 221, '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'ARL', 'metropole', 'Rééducation respiratoire, maxillo-faciale, ORL', 221, '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'DRA', 'metropole', 'Rééducation des déviations du rachis', 221, '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'NMI', 'metropole', 'Rééducation neuromusculaire / rhumatismale inflammatoire', 221, '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'PLL', 'metropole', 'Soins palliatifs', 221, '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'RPE', 'metropole', 'Lettre-clé RPE (annexe 2)', 221, '2024-02-22', NULL, 'Lettre-clé confirmée, libellé exact non lu : à vérifier.', 'juriblio.fr décision du 14/12/2023 ; BILLING-RULES §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'APM', 'dom', 'Rééducation des amputés', 243, '2024-02-22', NULL, NULL, 'blueback.fr (avenant 7) ; BILLING-RULES §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'ARL', 'dom', 'Rééducation respiratoire, maxillo-faciale, ORL', 243, '2024-02-22', NULL, NULL, 'blueback.fr (avenant 7) ; BILLING-RULES §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'DRA', 'dom', 'Rééducation des déviations du rachis', 243, '2024-02-22', NULL, NULL, 'blueback.fr (avenant 7) ; BILLING-RULES §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'NMI', 'dom', 'Rééducation neuromusculaire / rhumatismale inflammatoire', 243, '2024-02-22', NULL, NULL, 'blueback.fr (avenant 7) ; BILLING-RULES §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'PLL', 'dom', 'Soins palliatifs', 243, '2024-02-22', NULL, NULL, 'blueback.fr (avenant 7) ; BILLING-RULES §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'RPE', 'dom', 'Lettre-clé RPE (annexe 2)', 243, '2024-02-22', NULL, 'Lettre-clé confirmée, libellé exact non lu : à vérifier.', 'blueback.fr (avenant 7) ; BILLING-RULES §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'IFD', 'metropole', 'Indemnité forfaitaire de déplacement', 250, '2012-01-01', NULL, 'Montant sûr ; jour exact d''entrée en vigueur en 2012 à vérifier.', 'ordremk.fr « honoraires des kinésithérapeutes » ; BILLING-RULES §9 (correction : IFD depuis 2012)', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'IFD', 'metropole', 'Indemnité forfaitaire de déplacement', 250, '2025-07-01', NULL, NULL, 'SNMKR FAQ (au 01/07/2025 seules IFD 2,50 € et IFS 4,00 € demeurent) ; BILLING-RULES §5', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'IFO', 'metropole', 'Indemnité de déplacement spécifique (IFO)', 400, '2012-01-01', '2025-06-30', 'Date de début à vérifier ; remplacée par IFS le 01/07/2025.', 'ordremk.fr ; SNMKR FAQ ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'IFR', 'metropole', 'Indemnité de déplacement spécifique (IFR)', 400, '2012-01-01', '2025-06-30', 'Date de début à vérifier ; remplacée par IFS le 01/07/2025.', 'ordremk.fr ; SNMKR FAQ ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'IFN', 'metropole', 'Indemnité de déplacement spécifique (IFN)', 400, '2012-01-01', '2025-06-30', 'Date de début à vérifier ; remplacée par IFS le 01/07/2025.', 'ordremk.fr ; SNMKR FAQ ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'IFP', 'metropole', 'Indemnité de déplacement spécifique (IFP)', 400, '2012-01-01', '2025-06-30', 'Date de début à vérifier ; remplacée par IFS le 01/07/2025.', 'ordremk.fr ; SNMKR FAQ ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'IFS', 'metropole', 'Indemnité forfaitaire de déplacement spécifique', 400, '2025-07-01', NULL, NULL, 'SNMKR FAQ ; appines ; kapstone ; BILLING-RULES §5', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'IKP', 'metropole', 'Indemnité kilométrique plaine (par km)', 38, '2012-01-01', NULL, 'Valeur probable (une source) ; date d''entrée en vigueur à vérifier.', 'ordremk.fr ; BILLING-RULES §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'IKM', 'metropole', 'Indemnité kilométrique montagne (par km)', 61, '2012-01-01', NULL, 'Valeur probable (une source) ; date d''entrée en vigueur à vérifier.', 'ordremk.fr ; BILLING-RULES §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'IKS', 'metropole', 'Indemnité kilométrique à pied ou à ski (par km)', 335, '2012-01-01', NULL, 'Valeur probable (une source) ; date d''entrée en vigueur à vérifier.', 'ordremk.fr ; BILLING-RULES §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'MN', 'metropole', 'Majoration de nuit (urgence justifiée)', 915, '2012-01-01', NULL, 'Valeur probable (une source) ; code et date d''entrée en vigueur à vérifier.', 'ordremk.fr ; NGAP art. 14 ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES ('masseur-kinesitherapeute', 'MD', 'metropole', 'Majoration dimanche et jour férié (urgence justifiée)', 762, '2012-01-01', NULL, 'Valeur probable (une source) ; code et date d''entrée en vigueur à vérifier.', 'ordremk.fr ; NGAP art. 14 ; BILLING-RULES §5, §9', '2026-11-28T00:00:00.000Z')
  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-prelevement', 'infirmier', 'AMI', 150, 'Prélèvement sanguin par ponction veineuse directe (prise de sang)', 'NGAP titre XVI chap. I art. 1', 'standard', 'prise de sang prelevement sanguin bilan sanguin ponction veineuse', '2009-04-15', NULL, NULL, 'NGAP titre XVI ; guide CPAM « Facturer les actes infirmiers »');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-injection-im', 'infirmier', 'AMI', 100, 'Injection intramusculaire', 'NGAP titre XVI chap. I art. 1', 'standard', 'injection intramusculaire piqure im vaccin', '2009-04-15', NULL, NULL, 'NGAP titre XVI ; guide CPAM');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-injection-sc', 'infirmier', 'AMI', 100, 'Injection sous-cutanée', 'NGAP titre XVI chap. I art. 1', 'standard', 'injection sous cutanee piqure sc anticoagulant heparine', '2009-04-15', NULL, NULL, 'NGAP titre XVI ; guide CPAM');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-pansement-simple', 'infirmier', 'AMI', 200, 'Pansement simple / courant', 'NGAP titre XVI chap. I art. 3', 'standard', 'pansement simple courant plaie ablation fils agrafes', '2009-04-15', NULL, 'Coefficient (AMI 2) non recoupé dans BILLING-RULES : à vérifier.', 'NGAP titre XVI');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-pansement-lourd', 'infirmier', 'AMI', 400, 'Pansement lourd et complexe', 'NGAP titre XVI chap. I art. 11', 'pansement-lourd', 'pansement lourd complexe ulcere escarre brulure', '2009-04-15', NULL, 'Coefficient (AMI 4) non recoupé dans BILLING-RULES : à vérifier.', 'NGAP titre XVI ; guide CPAM (exception 11B : AIS + pansement lourd)');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-perfusion-courte', 'infirmier', 'AMI', 900, 'Perfusion courte (≤ 1 h) sous surveillance continue', 'NGAP titre XVI chap. II art. 3', 'perfusion', 'perfusion courte intraveineuse antibiotique', '2019-01-01', NULL, 'Coefficient (AMI 9) et date (avenant 6) non recoupés dans BILLING-RULES : à vérifier.', 'NGAP titre XVI chap. II ; guide CPAM (exception 11B : perfusions)');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-perfusion-longue', 'infirmier', 'AMI', 1400, 'Forfait perfusion de plus d''une heure', 'NGAP titre XVI chap. II art. 3', 'perfusion', 'perfusion longue forfait chambre implantable picc', '2019-01-01', NULL, 'Coefficient (AMI 14) et date (avenant 6) non recoupés dans BILLING-RULES : à vérifier.', 'NGAP titre XVI chap. II ; guide CPAM (exception 11B : perfusions)');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-insuline-injection', 'infirmier', 'AMI', 100, 'Injection d''insuline (patient insulino-traité)', 'NGAP titre XVI chap. II art. 5 bis', 'insuline', 'insuline injection diabete diabetique insulino', '2009-04-15', NULL, NULL, 'NGAP titre XVI chap. II art. 5 bis ; guide CPAM (exception 11B)');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-insuline-surveillance', 'infirmier', 'AMI', 100, 'Surveillance et observation d''un patient insulino-traité (glycémie)', 'NGAP titre XVI chap. II art. 5 bis', 'insuline', 'insuline surveillance glycemie diabete dextro', '2009-04-15', NULL, NULL, 'NGAP titre XVI chap. II art. 5 bis ; guide CPAM (exception 11B)');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-insuline-pansement', 'infirmier', 'AMI', 400, 'Pansement lourd et complexe d''un patient insulino-traité', 'NGAP titre XVI chap. II art. 5 bis', 'insuline', 'insuline pansement lourd pied diabetique', '2009-04-15', NULL, 'Coefficient (AMI 4) non recoupé dans BILLING-RULES : à vérifier.', 'NGAP titre XVI chap. II art. 5 bis');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-ais-3', 'infirmier', 'AIS', 300, 'Séance de soins infirmiers (½ heure)', 'NGAP titre XVI chap. I art. 11', 'ais', 'ais seance soins nursing toilette hygiene', '2009-04-15', NULL, 'Coefficient (AIS 3) non recoupé dans BILLING-RULES : à vérifier.', 'NGAP titre XVI chap. I art. 11 ; guide CPAM');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-bsa', 'infirmier', 'BSA', 100, 'Forfait journalier BSI – dépendance légère', 'NGAP titre XVI chap. I art. 12 (BSI)', 'forfait', 'bsi bsa forfait dependance', '2023-10-03', NULL, NULL, 'avenant 10 ; BILLING-RULES §4');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-bsb', 'infirmier', 'BSB', 100, 'Forfait journalier BSI – dépendance intermédiaire', 'NGAP titre XVI chap. I art. 12 (BSI)', 'forfait', 'bsi bsb forfait dependance', '2023-10-03', NULL, NULL, 'avenant 10 ; BILLING-RULES §4');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('idel-bsc', 'infirmier', 'BSC', 100, 'Forfait journalier BSI – dépendance lourde', 'NGAP titre XVI chap. I art. 12 (BSI)', 'forfait', 'bsi bsc forfait dependance', '2023-10-03', NULL, NULL, 'avenant 10 ; BILLING-RULES §4');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('mk-amk', 'masseur-kinesitherapeute', 'AMK', NULL, 'Bilan, balnéothérapie ou acte divers (AMK)', 'NGAP titre XIV', 'kine', 'amk bilan balneotherapie divers', '2012-07-01', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5, §9');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('mk-apm', 'masseur-kinesitherapeute', 'APM', NULL, 'Rééducation des amputés', 'NGAP titre XIV, annexe 2', 'kine', 'reeducation ampute amputation prothese membre', '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('mk-arl', 'masseur-kinesitherapeute', 'ARL', NULL, 'Rééducation respiratoire, maxillo-faciale, ORL', 'NGAP titre XIV, annexe 2', 'kine', 'reeducation respiratoire kine respiratoire bronchiolite orl maxillo', '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('mk-dra', 'masseur-kinesitherapeute', 'DRA', NULL, 'Rééducation des déviations du rachis', 'NGAP titre XIV, annexe 2', 'kine', 'reeducation rachis scoliose deviation dos', '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('mk-nmi', 'masseur-kinesitherapeute', 'NMI', NULL, 'Rééducation neuromusculaire / rhumatismale inflammatoire', 'NGAP titre XIV, annexe 2 (art. 4)', 'kine', 'reeducation neuromusculaire neurologique rhumatismale polyarthrite', '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('mk-pll', 'masseur-kinesitherapeute', 'PLL', NULL, 'Soins palliatifs', 'NGAP titre XIV, annexe 2', 'kine', 'soins palliatifs fin de vie', '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('mk-rpe', 'masseur-kinesitherapeute', 'RPE', NULL, 'Lettre-clé RPE (annexe 2)', 'NGAP titre XIV, annexe 2', 'kine', 'rpe', '2024-02-22', NULL, 'Libellé exact non lu : à vérifier.', 'décision UNCAM du 14/12/2023 ; BILLING-RULES §9');
INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES ('mk-tmk', 'masseur-kinesitherapeute', 'TMK', NULL, 'Télésoin masso-kinésithérapie', 'NGAP titre XIV', 'kine', 'telesoin teleconsultation video', '2024-02-22', NULL, NULL, 'décision UNCAM du 14/12/2023 ; BILLING-RULES §5');
INSERT INTO coefficient_steps (profession, codes, from_coefficient, to_coefficient, effective_from, verify_note, source) VALUES ('masseur-kinesitherapeute', '*', 750, 810, '2025-07-01', NULL, 'avenant 7 ; SNMKR FAQ ; BILLING-RULES §5');
INSERT INTO coefficient_steps (profession, codes, from_coefficient, to_coefficient, effective_from, verify_note, source) VALUES ('masseur-kinesitherapeute', 'AMK', 120, 250, '2025-07-01', NULL, 'avenant 7, supplément balnéothérapie (SNMKR FAQ ; appines ; kapstone) ; BILLING-RULES §5');
INSERT INTO coefficient_steps (profession, codes, from_coefficient, to_coefficient, effective_from, verify_note, source) VALUES ('masseur-kinesitherapeute', 'AMK', 220, 350, '2025-07-01', NULL, 'avenant 7, supplément balnéothérapie (SNMKR FAQ ; appines ; kapstone) ; BILLING-RULES §5');
INSERT INTO coefficient_steps (profession, codes, from_coefficient, to_coefficient, effective_from, verify_note, source) VALUES ('masseur-kinesitherapeute', '*', 950, 980, '2026-07-01', 'Probable (une source).', 'avenant 7 ; BILLING-RULES §5');
INSERT INTO coefficient_steps (profession, codes, from_coefficient, to_coefficient, effective_from, verify_note, source) VALUES ('masseur-kinesitherapeute', 'NMI', 1000, 1100, '2026-09-01', 'Probable (une source) ; rattachement à la lettre-clé NMI à vérifier.', 'avenant 7 (NGAP art. 4, neuromusculaire) ; BILLING-RULES §5');
INSERT INTO coefficient_steps (profession, codes, from_coefficient, to_coefficient, effective_from, verify_note, source) VALUES ('masseur-kinesitherapeute', 'NMI', 1100, 1200, '2026-09-01', 'Probable (une source) ; rattachement à la lettre-clé NMI à vérifier.', 'avenant 7 (NGAP art. 4, neuromusculaire) ; BILLING-RULES §5');
INSERT INTO coefficient_steps (profession, codes, from_coefficient, to_coefficient, effective_from, verify_note, source) VALUES ('masseur-kinesitherapeute', '*', 810, 840, '2027-07-01', 'Probable (une source).', 'avenant 7 ; BILLING-RULES §5');
-- END GENERATED CATALOGUE

CREATE TRIGGER tariffs_no_update BEFORE UPDATE ON tariffs
BEGIN SELECT RAISE(ABORT, 'tariffs are history: add a dated row'); END;

-- 2. The practice's tariff zone drives the values (IK zone already on practitioners).
ALTER TABLE practitioners ADD COLUMN tariff_zone TEXT NOT NULL DEFAULT 'metropole' CHECK (tariff_zone IN ('metropole', 'dom'));

-- 3. Favourites and reusable models (« insuline matin ») per practitioner.
CREATE TABLE act_favourites (
  practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
  act_key TEXT NOT NULL REFERENCES ngap_acts (key),
  created_at TEXT NOT NULL,
  PRIMARY KEY (practitioner_id, act_key)
) STRICT;

CREATE TABLE act_models (
  id INTEGER PRIMARY KEY,
  practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
  name TEXT NOT NULL,
  acts_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (practitioner_id, name)
) STRICT;

-- 4. Visits: the unit of cotation. Lines derive from them and keep why (explanation + NGAP article).
CREATE TABLE invoice_visits (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  position INTEGER NOT NULL,
  visit_date TEXT NOT NULL,
  visit_time TEXT,
  place TEXT NOT NULL CHECK (place IN ('cabinet', 'domicile')),
  household_rank INTEGER NOT NULL DEFAULT 1 CHECK (household_rank BETWEEN 1 AND 20),
  distance_tenths INTEGER CHECK (distance_tenths IS NULL OR distance_tenths >= 0),
  urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
  call_time TEXT,
  imperative_prescription INTEGER NOT NULL DEFAULT 0 CHECK (imperative_prescription IN (0, 1)),
  coordination TEXT NOT NULL DEFAULT 'aucune' CHECK (coordination IN ('aucune', 'palliatif', 'pansement-complexe')),
  two_sessions_justified INTEGER NOT NULL DEFAULT 0 CHECK (two_sessions_justified IN (0, 1)),
  r251_procedure INTEGER NOT NULL DEFAULT 0 CHECK (r251_procedure IN (0, 1)),
  acts_json TEXT NOT NULL,
  dropped_json TEXT NOT NULL DEFAULT '[]',
  explanations_json TEXT NOT NULL DEFAULT '[]',
  UNIQUE (invoice_id, position)
) STRICT;

CREATE TRIGGER invoice_visits_immutable_insert BEFORE INSERT ON invoice_visits
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice is validated: immutable'); END;

CREATE TRIGGER invoice_visits_immutable_update BEFORE UPDATE ON invoice_visits
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice is validated: immutable'); END;

CREATE TRIGGER invoice_visits_immutable_delete BEFORE DELETE ON invoice_visits
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice is validated: immutable'); END;

ALTER TABLE invoice_lines ADD COLUMN visit_position INTEGER;
ALTER TABLE invoice_lines ADD COLUMN rate_percent INTEGER NOT NULL DEFAULT 100 CHECK (rate_percent IN (50, 100));
ALTER TABLE invoice_lines ADD COLUMN explanation TEXT;
ALTER TABLE invoice_lines ADD COLUMN ngap_article TEXT;
