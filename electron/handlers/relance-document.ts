/** Builds the printed relance from the database and writes it to <dataDir>/documents/. */
import { join } from 'node:path';
import { actPeriod } from '../../core/domain/follow-up.ts';
import { formatFrDate } from '../../core/domain/dates.ts';
import type { Relance, RelanceDue } from '../../core/domain/relances.ts';
import type { DocumentRef } from '../../core/domain/types.ts';
import { getPractitioner } from '../../db/billing-repo.ts';
import { getCaisse } from '../../db/caisses-repo.ts';
import { listFollowUp } from '../../db/follow-up-repo.ts';
import { getPatient } from '../../db/patients-repo.ts';
import { setRelancePdf } from '../../db/relances-repo.ts';
import { patientDisplayName } from '../../core/domain/patient-name.ts';
import type { RelanceModel } from '../../invoice-templates/relance/model.ts';
import { renderRelance } from '../../invoice-templates/relance/render.ts';
import { writeFileAtomic } from '../durable-files.ts';
import type { HandlerContext } from '../context.ts';
import { DOCUMENTS_FOLDER } from '../paths.ts';
import { NOTICE_FR } from './app.ts';

function addresseeOf(ctx: HandlerContext, relance: Relance, first: RelanceDue): RelanceModel['addressee'] {
  if (relance.addressee === 'patient') {
    const p = getPatient(ctx.db, first.patientId)!;
    return { name: patientDisplayName(p), lines: [p.addressLine ?? '', `${p.postalCode ?? ''} ${p.city ?? ''}`.trim()].filter((l) => l !== '') };
  }
  const caisse = first.regime && first.caisse ? getCaisse(ctx.db, first.regime, first.caisse) : null;
  if (caisse) return { name: caisse.name, lines: [caisse.addressLine, `${caisse.postalCode} ${caisse.city}`, `Régime ${first.regime} — caisse ${first.caisse}`].filter((l) => l.trim() !== '') };
  return { name: "Caisse primaire d'assurance maladie", lines: [`Régime ${first.regime ?? '—'} — caisse ${first.caisse ?? '—'}`] };
}

export function relanceModel(ctx: HandlerContext, relance: Relance, due: readonly RelanceDue[], createdAt: string): RelanceModel {
  const rows = new Map(listFollowUp(ctx.db, { invoiceIds: due.map((d) => d.invoiceId), limit: due.length }, ctx.clock.today()).map((r) => [r.invoiceId, r]));
  return {
    relance: { id: relance.id, sentOn: relance.sentOn, createdAt, addressee: relance.addressee },
    practitioner: getPractitioner(ctx.db, relance.practitionerId)!,
    addressee: addresseeOf(ctx, relance, due[0]!),
    invoices: due.map((d) => {
      const r = rows.get(d.invoiceId)!;
      return {
        number: d.number,
        patientName: d.patientName,
        nir: r.nir,
        period: actPeriod(r.firstActDate, r.lastActDate),
        sentLine: r.bordereau && relance.addressee === 'caisse' ? `bordereau n° ${r.bordereau.number} du ${formatFrDate(r.bordereau.sentOn)}` : `le ${formatFrDate(ctx.clock.dateOf(r.validatedAt))}`,
        totalCents: r.totalCents,
        awaitedCents: d.awaitedCents,
      };
    }),
    awaitedCents: due.reduce((s, d) => s + d.awaitedCents, 0),
    notice: NOTICE_FR,
  };
}

export async function printRelance(ctx: HandlerContext, relance: Relance, due: readonly RelanceDue[], createdAt: string): Promise<DocumentRef> {
  const pdf = await renderRelance(relanceModel(ctx, relance, due, createdAt), { fontsDir: ctx.fontsDir });
  const fileName = `relance-${relance.practitionerId}-${String(relance.id).padStart(5, '0')}-${relance.addressee}.pdf`;
  writeFileAtomic(join(ctx.dataDir, DOCUMENTS_FOLDER, fileName), pdf);
  setRelancePdf(ctx.db, relance.id, fileName);
  return ctx.presentDocument(join(ctx.dataDir, DOCUMENTS_FOLDER, fileName), fileName);
}
