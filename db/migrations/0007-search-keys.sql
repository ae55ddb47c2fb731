-- Search keys: the patients in alphabetical order under every start of every name term, so a
-- type-ahead on one word reads `limit` index entries whatever the size of the file (issue #10:
-- « ma » matches one patient in ten; joining and sorting every match grew with the base).
--   key = a start of a term ('m', 'ma', 'mar' … 'martin'), or '=' + the whole term ('=martin');
--   sort_key = patients.sort_key (the order of every patient list); patient_id = patients.id.
-- Terms are the folded name terms of core/domain/search.ts, the same the FTS index holds. Written by
-- db/patients-repo.ts in the transaction that writes the patient; rebuilt here from the FTS content.
CREATE TABLE patient_search_keys (
  key TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  patient_id INTEGER NOT NULL,
  PRIMARY KEY (key, sort_key, patient_id)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO patient_search_keys (key, sort_key, patient_id)
WITH RECURSIVE
  split(patient_id, sort_key, rest, term) AS (
    SELECT p.id, p.sort_key, f.terms || ' ', NULL FROM patients p JOIN patients_fts f ON f.rowid = p.id
    UNION ALL
    SELECT patient_id, sort_key, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1)
    FROM split WHERE rest <> ''
  ),
  terms(patient_id, sort_key, term) AS (
    SELECT patient_id, sort_key, term FROM split WHERE term IS NOT NULL AND term <> ''
  ),
  starts(patient_id, sort_key, term, n) AS (
    SELECT patient_id, sort_key, term, 1 FROM terms
    UNION ALL
    SELECT patient_id, sort_key, term, n + 1 FROM starts WHERE n < length(term)
  )
SELECT key, sort_key, patient_id FROM (
  SELECT substr(term, 1, n) AS key, sort_key, patient_id FROM starts
  UNION ALL
  SELECT '=' || term, sort_key, patient_id FROM terms
) ORDER BY 1, 2, 3;
