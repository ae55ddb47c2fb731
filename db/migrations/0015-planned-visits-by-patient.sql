-- The 4-visits-a-day limit counts a patient's visits over all their series (issue 15): a patient's days are
-- read by patient and date when a series is planned, a visit moved or added.
CREATE INDEX planned_visits_patient ON planned_visits (patient_id, visit_date);
