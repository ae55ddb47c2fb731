-- When a backup was really made, written inside the backup file itself (never in the live database,
-- where this table stays empty): pruning orders backups by it, not by a file name anyone can change.
CREATE TABLE backup_stamp (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  made_at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('manuelle', 'quotidienne', 'avant-restauration')),
  app_version TEXT NOT NULL
) STRICT;
