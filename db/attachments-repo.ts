/** Scans and photos of the ordonnance and the AME attestation, stored as BLOBs (a backup copies them with the file). */
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

import type { AttachmentInfo } from '../core/series/types.ts';

export type AttachmentKind = AttachmentInfo['kind'];
export type AttachmentMime = AttachmentInfo['mime'];

interface Row {
  id: number;
  patient_id: number;
  prescription_id: number | null;
  kind: AttachmentKind;
  file_name: string;
  mime: AttachmentMime;
  size_bytes: number;
  created_at: string;
}

const COLUMNS = 'id, patient_id, prescription_id, kind, file_name, mime, size_bytes, created_at';
const toInfo = (r: Row): AttachmentInfo => ({
  id: r.id,
  patientId: r.patient_id,
  prescriptionId: r.prescription_id,
  kind: r.kind,
  fileName: r.file_name,
  mime: r.mime,
  sizeBytes: r.size_bytes,
  createdAt: r.created_at,
});

export function insertAttachment(
  db: Db,
  a: { patientId: number; prescriptionId: number | null; kind: AttachmentKind; fileName: string; mime: AttachmentMime; content: Buffer },
  now: string,
): AttachmentInfo {
  const { lastInsertRowid } = cached(
    db,
    `INSERT INTO patient_attachments (patient_id, prescription_id, kind, file_name, mime, size_bytes, content, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.patientId, a.prescriptionId, a.kind, a.fileName, a.mime, a.content.length, a.content, now);
  return getAttachment(db, Number(lastInsertRowid))!.info;
}

export function listAttachments(db: Db, patientId: number): AttachmentInfo[] {
  return (cached(db, `SELECT ${COLUMNS} FROM patient_attachments WHERE patient_id = ? ORDER BY id DESC`).all(patientId) as Row[]).map(toInfo);
}

export function getAttachment(db: Db, id: number): { info: AttachmentInfo; content: Buffer } | null {
  const r = cached(db, `SELECT ${COLUMNS}, content FROM patient_attachments WHERE id = ?`).get(id) as (Row & { content: Buffer }) | undefined;
  return r ? { info: toInfo(r), content: r.content } : null;
}
