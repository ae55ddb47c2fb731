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

-- Pairs of a patient's terms, for searches of several words (« jean martin », « martin j »): each ordered
-- pair of two different terms under the first three letters of both.
-- Whole words (« léa lê »): one entry, (p3a, p3b, term_a, term_b).
-- Word starts: two typed words neither of which starts the other can only match two different terms, so
-- the patients are those of one key (p3a, p3b) — or of a few when the second word is shorter than three
-- letters — narrowed by the ranges of the two words on term_a and term_b. What is read is the patients
-- having both a term starting like the first word and one starting like the second (a few for a name typed
-- whole, some thousands at 100,000 patients for « jean b »), instead of intersecting two whole lists
-- (db/patients-repo.ts, byWordsIndexes).
CREATE TABLE patient_search_pairs (
  p3a TEXT NOT NULL,
  p3b TEXT NOT NULL,
  term_a TEXT NOT NULL,
  term_b TEXT NOT NULL,
  patient_id INTEGER NOT NULL,
  PRIMARY KEY (p3a, p3b, term_a, term_b, patient_id)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO patient_search_pairs (p3a, p3b, term_a, term_b, patient_id)
WITH RECURSIVE
  split(patient_id, rest, term) AS (
    SELECT f.rowid, f.terms || ' ', NULL FROM patients_fts f JOIN patients p ON p.id = f.rowid
    UNION ALL
    SELECT patient_id, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1)
    FROM split WHERE rest <> ''
  ),
  terms(patient_id, term) AS (
    SELECT DISTINCT patient_id, term FROM split WHERE term IS NOT NULL AND term <> ''
  )
SELECT substr(a.term, 1, 3), substr(b.term, 1, 3), a.term, b.term, a.patient_id
FROM terms a JOIN terms b ON b.patient_id = a.patient_id AND b.term <> a.term
ORDER BY 1, 2, 3, 4, 5;
