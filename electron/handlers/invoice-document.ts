/**
 * Builds the printed feuille de soins of a validated invoice from the database and writes it to
 * <dataDir>/documents/. The template only lays out what this model says.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentRef, Invoice } from '../../core/domain/types.ts';
import { exonerationLabels } from '../../core/domain/exoneration.ts';
import { getPractitioner, getPrescription } from '../../db/billing-repo.ts';
import { getPatient } from '../../db/patients-repo.ts';
import { setPdfFile } from '../../db/invoices-repo.ts';
import type { FeuilleDeSoinsModel } from '../../invoice-templates/feuille-de-soins/model.ts';
import { renderFeuilleDeSoins } from '../../invoice-templates/feuille-de-soins/render.ts';
import type { HandlerContext } from '../context.ts';
import { DOCUMENTS_FOLDER } from '../paths.ts';
import { NOTICE_FR } from './app.ts';

export function feuilleDeSoinsModel(ctx: HandlerContext, invoice: Invoice, duplicata: boolean): FeuilleDeSoinsModel {
  if (invoice.status === 'draft' || invoice.number === null || invoice.validatedAt === null) {
    throw new Error('only a validated invoice is printed');
  }
  const practitioner = getPractitioner(ctx.db, invoice.practitionerId)!;
  const patient = getPatient(ctx.db, invoice.patientId)!;
  const prescription = invoice.prescriptionId === null ? null : getPrescription(ctx.db, invoice.prescriptionId);
  const ayantDroit = patient.quality === 'ayant_droit';
  return {
    invoice: {
      number: invoice.number,
      validatedAt: invoice.validatedAt,
      status: invoice.status,
      cancelReason: invoice.cancelReason,
      duplicata,
    },
    practitioner,
    patient,
    insured: {
      quality: patient.quality,
      lastName: ayantDroit ? (patient.insuredLastName ?? '') : patient.lastName,
      firstName: ayantDroit ? (patient.insuredFirstName ?? '') : patient.firstName,
      nir: ayantDroit ? (patient.insuredNir ?? patient.nir) : patient.nir,
      birthDate: ayantDroit ? patient.insuredBirthDate : patient.birthDate,
    },
    prescription: prescription
      ? {
          prescriberName: `${prescription.prescriber.firstName} ${prescription.prescriber.lastName}`,
          prescriberIdentifier: prescription.prescriber.identifier,
          prescriberSpecialty: prescription.prescriber.specialty,
          date: prescription.prescriptionDate,
        }
      : null,
    billing: {
      exonerationLabel: exonerationLabels[invoice.exoneration],
      tiersPayantAmo: invoice.tiersPayantAmo,
      tiersPayantAmc: invoice.tiersPayantAmc,
      amoRate: invoice.amoRate,
      amcRate: invoice.amcRate,
      amcOrganism: invoice.amcOrganism ? { number: invoice.amcOrganism.number, name: invoice.amcOrganism.name } : null,
      ame: invoice.ame,
    },
    lines: invoice.lines.map(({ actDate, code, coefficient, ratePercent, quantity, unitCents, amountCents, qualificatif }) => ({
      actDate,
      code,
      coefficient,
      ratePercent,
      quantity,
      unitCents,
      amountCents,
      qualificatif,
    })),
    totals: { totalCents: invoice.totalCents, amoCents: invoice.amoCents, amcCents: invoice.amcCents, patientCents: invoice.patientCents },
    notice: NOTICE_FR,
  };
}

/** Renders, writes and records the PDF; hands it to the user through the transport. */
export async function printInvoice(ctx: HandlerContext, invoice: Invoice, duplicata: boolean): Promise<DocumentRef> {
  const model = feuilleDeSoinsModel(ctx, invoice, duplicata);
  const pdf = await renderFeuilleDeSoins(model, { fontsDir: ctx.fontsDir });
  const suffix = invoice.status === 'cancelled' ? '-annulee' : duplicata ? '-duplicata' : '';
  const fileName = `facture-${invoice.practitionerId}-${String(invoice.number).padStart(6, '0')}${suffix}.pdf`;
  const path = join(ctx.dataDir, DOCUMENTS_FOLDER, fileName);
  writeFileSync(path, pdf);
  if (!duplicata) setPdfFile(ctx.db, invoice.id, fileName);
  return ctx.presentDocument(path, fileName);
}
