-- Bank statements (issue #16 follow-up): the account is part of a bank line's identity, so a CSV that does not
-- name its account is imported only once the desk names it; the last account named for a CSV layout (its header
-- line, normalised) is offered again the next time. Lines imported before carry the account « compte ».
CREATE TABLE bank_csv_accounts (
  signature TEXT PRIMARY KEY,
  account TEXT NOT NULL CHECK (length(account) BETWEEN 1 AND 60),
  used_at TEXT NOT NULL
) STRICT;
