/**
 * Attachments of a patient's file (issue 15): a scan or photo of the ordonnance and of the AME attestation.
 * Stored as BLOBs in the database, not as files: every backup (one SQLite file) carries them, a restore
 * brings them back with the rows that name them, and a write is one transaction. A file from outside is
 * checked by its first bytes, not by its name or declared type.
 */
import { DomainError, notFound } from '../../core/api/result.ts';
import { getAttachment, insertAttachment, listAttachments, type AttachmentMime } from '../../db/attachments-repo.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { getPrescription } from '../../db/billing-repo.ts';
import { inTransaction } from '../../db/connection.ts';
import { saveDocument } from './invoice-document.ts';
import { requirePatient } from './patients.ts';
import type { AreaHandlers } from './types.ts';

const MAGIC: Record<AttachmentMime, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

const looksLike = (content: Buffer, mime: AttachmentMime) => MAGIC[mime].every((b, i) => content[i] === b);

export const attachmentHandlers: AreaHandlers<'attachments/add' | 'attachments/list' | 'attachments/open'> = {
  'attachments/add': (input, ctx) =>
    inTransaction(ctx.db, () => {
      requirePatient(ctx, input.patientId);
      if (input.prescriptionId !== null && getPrescription(ctx.db, input.prescriptionId)?.patientId !== input.patientId) {
        throw new DomainError('invalid-input', "Cette prescription n'appartient pas à ce patient.", 'prescriptionId');
      }
      const content = Buffer.from(input.contentBase64, 'base64');
      if (content.length === 0) throw new DomainError('invalid-input', 'Le fichier est vide.', 'contentBase64');
      if (!looksLike(content, input.mime)) {
        throw new DomainError('invalid-input', `Ce fichier n'est pas un ${input.mime === 'application/pdf' ? 'PDF' : input.mime === 'image/png' ? 'PNG' : 'JPEG'} : choisissez un scan (PDF) ou une photo (JPEG, PNG).`, 'contentBase64');
      }
      const now = ctx.clock.nowIso();
      const info = insertAttachment(ctx.db, { ...input, content }, now);
      recordAudit(ctx.db, now, 'patient_attachment', info.id, 'add', null, info);
      return info;
    }),

  'attachments/list': ({ patientId }, ctx) => {
    requirePatient(ctx, patientId);
    return listAttachments(ctx.db, patientId);
  },

  /** An image comes back as a data URL to show in the page; a PDF is written to documents/ and opened like a printed one. */
  'attachments/open': ({ id }, ctx) => {
    const found = getAttachment(ctx.db, id);
    if (!found) throw notFound('Pièce jointe');
    if (found.info.mime !== 'application/pdf') {
      return { info: found.info, dataUrl: `data:${found.info.mime};base64,${found.content.toString('base64')}`, document: null };
    }
    const document = saveDocument(ctx, `piece-jointe-${found.info.patientId}-${found.info.id}.pdf`, found.content);
    return { info: found.info, dataUrl: null, document };
  },
};
