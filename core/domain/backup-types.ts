/** Backups and encrypted copies, as the Sauvegardes screen lists them. */
/** A copy of the database in the data folder's `sauvegardes/`. */
export interface BackupInfo {
  fileName: string;
  /** When it was made (ISO timestamp): the date written inside the file, else the one in its name. */
  createdAt: string;
  sizeBytes: number;
  /** Made automatically just before a restore replaced the database. */
  beforeRestore: boolean;
  /**
   * Why its date is not trusted, in French (no date written inside it, or a date in the future), or null.
   * Such a file is never deleted automatically nor counted among the backups kept.
   */
  doubt: string | null;
}

/** An encrypted copy of a backup (age format, passphrase): `feuillet-….sqlite.age`, for a USB key. */
export interface EncryptedCopyInfo {
  fileName: string;
  sizeBytes: number;
  /** When the file was written in this folder (made here, or copied from a key). */
  madeAt: string;
}
