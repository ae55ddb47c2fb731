/** Builds the printed bordereau d'envoi from the database and writes it to <dataDir>/documents/. */
import { writeFileAtomic } from '../durable-files.ts';
import { join } from 'node:path';
import type { Bordereau, DocumentRef } from '../../core/domain/types.ts';
import { getPractitioner } from '../../db/billing-repo.ts';
import { getPatient } from '../../db/patients-repo.ts';
import { patientDisplayName } from '../../core/domain/patient-name.ts';
import { getBordereauAddressee, setBordereauPdf, type BordereauAddressee } from '../../db/follow-up-repo.ts';
import { getCaisse } from '../../db/caisses-repo.ts';
import type { BordereauModel } from '../../invoice-templates/bordereau/model.ts';
import type { FrozenFeuille } from '../../invoice-templates/feuille-de-soins/model.ts';
import { getPrintModel } from '../../db/print-models-repo.ts';
import { renderBordereau } from '../../invoice-templates/bordereau/render.ts';
import type { HandlerContext } from '../context.ts';
import { DOCUMENTS_FOLDER } from '../paths.ts';
import { NOTICE_FR } from './app.ts';

/** The catalogue entry as the bordereau prints it (frozen at creation). */
export const addresseeOf = (c: { name: string; addressLine: string; postalCode: string; city: string } | null): BordereauAddressee | null =>
  c ? { name: c.name, addressLine: c.addressLine, postalCode: c.postalCode, city: c.city } : null;

/** The frozen print model of a validated invoice (every validated invoice has one since 0005). */
const frozenOf = (ctx: HandlerContext, invoiceId: number): FrozenFeuille | null =>
  (getPrintModel(ctx.db, invoiceId)?.model as FrozenFeuille | undefined) ?? null;

/**
 * The bordereau as printed: each invoice's patient (name, NIR) comes from the invoice's frozen print model, so
 * a reprint lists what was sent even after the patient's file changes; the caisse's name and address are the
 * ones frozen when the bordereau was created. The practitioner is read as it is now.
 */
export function bordereauModel(ctx: HandlerContext, b: Bordereau, duplicata: boolean): BordereauModel {
  const practitioner = getPractitioner(ctx.db, b.practitionerId)!;
  const frozen = new Map(b.invoices.map((r) => [r.invoiceId, frozenOf(ctx, r.invoiceId)]));
  const stored = getBordereauAddressee(ctx.db, b.id);
  const addressee = stored.frozen ? stored.addressee : addresseeOf(getCaisse(ctx.db, b.regime, b.caisse));
  return {
    bordereau: {
      number: b.number,
      sentOn: b.sentOn,
      createdAt: b.createdAt,
      cancelled: b.cancelledAt !== null ? { at: b.cancelledAt, reason: b.cancelReason ?? '' } : null,
      duplicata,
    },
    practitioner,
    destination: { regime: b.regime, caisse: b.caisse, addressee },
    // The amounts printed are the ones frozen in the bordereau's invoices (validated invoices are immutable).
    invoices: b.invoices
      .slice()
      .sort((x, y) => x.number - y.number)
      .map((r) => {
        const patient = frozen.get(r.invoiceId)?.patient ?? null;
        return {
          number: r.number,
          patientName: patientDisplayName(patient ?? getPatient(ctx.db, r.patientId)!),
          nir: patient?.nir ?? r.nir,
          firstActDate: r.firstActDate,
          lastActDate: r.lastActDate,
          ame: r.ame,
          totalCents: r.totalCents,
          expectedCents: r.expectedCents,
        };
      }),
    totals: {
      count: b.invoiceCount,
      ameCount: b.invoices.filter((r) => r.ame).length,
      totalCents: b.totalCents,
      expectedCents: b.expectedCents,
    },
    notice: NOTICE_FR,
  };
}

export async function printBordereau(ctx: HandlerContext, b: Bordereau, duplicata: boolean): Promise<DocumentRef> {
  const pdf = await renderBordereau(bordereauModel(ctx, b, duplicata), { fontsDir: ctx.fontsDir });
  const suffix = b.cancelledAt !== null ? '-annule' : duplicata ? '-duplicata' : '';
  const fileName = `bordereau-${b.practitionerId}-${String(b.number).padStart(5, '0')}${suffix}.pdf`;
  writeFileAtomic(join(ctx.dataDir, DOCUMENTS_FOLDER, fileName), pdf);
  if (!duplicata) setBordereauPdf(ctx.db, b.id, fileName);
  return ctx.presentDocument(join(ctx.dataDir, DOCUMENTS_FOLDER, fileName), fileName);
}
