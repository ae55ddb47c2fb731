-- Issue #19 items 8 and 9: a prescription belongs to a profession (the nurse does not pick the kiné's) and
-- carries the acts picked from the catalogue (JSON array of key letters, e.g. ["AMI","AIS"]) beside the
-- free text as written. NULL profession: shown to every practitioner (prescriptions typed before this).
ALTER TABLE prescriptions ADD COLUMN profession TEXT CHECK (profession IN ('infirmier', 'masseur-kinesitherapeute'));
ALTER TABLE prescriptions ADD COLUMN prescribed_acts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(prescribed_acts) AND json_type(prescribed_acts) = 'array');

-- Known from the invoices billed on it (the first one's practitioner), else from the kiné-only session count.
UPDATE prescriptions SET profession = COALESCE(
  (SELECT pr.profession FROM invoices i JOIN practitioners pr ON pr.id = i.practitioner_id
    WHERE i.prescription_id = prescriptions.id ORDER BY i.id LIMIT 1),
  CASE WHEN sessions_prescribed IS NOT NULL THEN 'masseur-kinesitherapeute' END
);
