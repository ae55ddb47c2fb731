-- Patient list import (issue 17): the column mapping chosen for a file layout (its folded header names),
-- offered again the next time a file with the same columns is imported.
CREATE TABLE import_layouts (
  layout_key TEXT PRIMARY KEY,
  mapping TEXT NOT NULL CHECK (json_valid(mapping)),
  updated_at TEXT NOT NULL
) STRICT;
