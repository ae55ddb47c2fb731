/** Backup file names: `feuillet-2026-11-25-093012.sqlite`, optionally `-2` or `-avant-restauration`. Never a path. */
export const BACKUP_NAME_RE = /^feuillet-\d{4}-\d{2}-\d{2}-\d{6}(-[a-z0-9-]{1,40})?\.sqlite$/;
/** Encrypted copies of a backup (age format): the backup's name followed by `.age`. */
export const ENCRYPTED_NAME_RE = /^feuillet-\d{4}-\d{2}-\d{2}-\d{6}(-[a-z0-9-]{1,40})?\.sqlite\.age$/;
