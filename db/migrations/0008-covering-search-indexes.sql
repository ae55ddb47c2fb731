-- The NIR and birth-date searches answer from their index alone (issue #10): each index also holds the
-- columns a result row shows (name, first name, usage name, birth date or NIR, archived), so the up to 50
-- rows of a « 2 85 » or a « 14/05/1988 » are read from a few neighbouring index pages instead of one
-- patient row each, scattered through the table (at 100,000 patients most of those are not in SQLite's
-- cache). The birth-date index also holds sort_key: the patients born that day come in alphabetical order
-- without a sort. Same names, same lookups by NIR or birth date for every other query.
DROP INDEX patients_nir;
CREATE INDEX patients_nir ON patients (nir, archived_at, last_name, usage_name, first_name, birth_date);
DROP INDEX patients_birth_date;
CREATE INDEX patients_birth_date ON patients (birth_date, sort_key, archived_at, last_name, usage_name, first_name, nir);
-- The AME badge of every result row (its rights' dates under the AME organism) from the index alone too.
DROP INDEX coverages_patient;
CREATE INDEX coverages_patient ON coverages (patient_id, end_date, organism_id, start_date);
