/**
 * The printed feuille de soins. At validation, `freezeFeuille` builds the complete view model from the
 * database and stores it with the invoice (same transaction); every print — original, duplicata, batch —
 * renders that stored model, so a reprint never shows later edits of the patient, practitioner or tariffs.
 */
import { writeFileAtomic } from '../durable-files.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Coverage, DocumentRef, Invoice, Patient, Practitioner, PrintLayout, PrintSettings } from '../../core/domain/types.ts';
import { exonerationLabels } from '../../core/domain/exoneration.ts';
import { degradedModeCentre, isKineSessionCode, kineSessionNumbers } from '../../core/domain/feuille.ts';
import { getPractitioner, getPrescription } from '../../db/billing-repo.ts';
import { getPatient } from '../../db/patients-repo.ts';
import { getInvoice, setPdfFile } from '../../db/invoices-repo.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { inTransaction } from '../../db/connection.ts';
import { getPrintModel, insertPrintModel, sessionsBilledBefore } from '../../db/print-models-repo.ts';
import { seriesSessions } from './series-sessions.ts';
import {
  FROZEN_FEUILLE_VERSION,
  READABLE_FEUILLE_VERSIONS,
  withPrintState,
  type FeuilleDeSoinsModel,
  type FrozenFeuille,
} from '../../invoice-templates/feuille-de-soins/model.ts';
import type { HandlerContext } from '../context.ts';
import { DOCUMENTS_FOLDER } from '../paths.ts';
import { ameCoverageCheck } from './ame-rights.ts';
import { NOTICE_FR } from './app.ts';

/**
 * What the validation already read in its transaction (practitioner, patient, the AME rights check):
 * given, the model is built from it instead of reading it again.
 */
export interface FeuilleSources {
  practitioner: Practitioner;
  patient: Patient;
  /** The AME period covering the acts (only looked at for an AME invoice); omitted: checked here. */
  ameCoverage?: Coverage | null;
}

/** The view model of a just-validated invoice, from the current rows (called inside the validation). */
export function buildFrozenFeuille(ctx: HandlerContext, invoice: Invoice, sources?: FeuilleSources): FrozenFeuille {
  if (invoice.status === 'draft' || invoice.number === null || invoice.validatedAt === null) {
    throw new Error('only a validated invoice is printed');
  }
  const practitioner = sources?.practitioner ?? getPractitioner(ctx.db, invoice.practitionerId)!;
  const patient = sources?.patient ?? getPatient(ctx.db, invoice.patientId)!;
  const prescription = invoice.prescriptionId === null ? null : getPrescription(ctx.db, invoice.prescriptionId);
  const ayantDroit = patient.quality === 'ayant_droit';
  const ameCoverage = !invoice.ame ? null : sources?.ameCoverage !== undefined ? sources.ameCoverage : ameCoverageCheck(ctx, invoice).coverage;
  const kine = practitioner.profession === 'masseur-kinesitherapeute';
  // Visits of a care series: numbered from the series (issue 15); otherwise from the prescription's invoices.
  const fromSeries = kine ? seriesSessions(ctx, invoice, isKineSessionCode) : null;
  const sessions =
    fromSeries?.numbers ??
    (kine && invoice.prescriptionId !== null
      ? kineSessionNumbers(sessionsBilledBefore(ctx.db, invoice.prescriptionId, invoice.id, isKineSessionCode), invoice.lines)
      : invoice.lines.map(() => null));
  return {
    invoice: { number: invoice.number, validatedAt: invoice.validatedAt },
    practitioner: {
      profession: practitioner.profession,
      lastName: practitioner.lastName,
      firstName: practitioner.firstName,
      amNumber: practitioner.amNumber,
      rpps: practitioner.rpps,
      addressLine: practitioner.addressLine,
      postalCode: practitioner.postalCode,
      city: practitioner.city,
      phone: practitioner.phone,
      situation: practitioner.situation,
      replaced: practitioner.replaced,
    },
    patient: {
      lastName: patient.lastName,
      usageName: patient.usageName,
      firstName: patient.firstName,
      birthDate: patient.birthDate,
      nir: patient.nir,
      birthRank: patient.birthRank,
      regime: patient.regime,
      caisse: patient.caisse,
      centre: degradedModeCentre(patient.regime, patient.centre),
      addressLine: patient.addressLine,
      postalCode: patient.postalCode,
      city: patient.city,
    },
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
          // Séances of a care series count against the series' prescription, whichever the draft names now.
          sessionsPrescribed: fromSeries?.total ?? prescription.sessionsPrescribed ?? null,
        }
      : null,
    billing: {
      exonerationLabel: exonerationLabels[invoice.exoneration],
      ald: invoice.exoneration === 'ald',
      tiersPayantAmo: invoice.tiersPayantAmo,
      tiersPayantAmc: invoice.tiersPayantAmc,
      amoRate: invoice.amoRate,
      amcRate: invoice.amcRate,
      amcOrganism: invoice.amcOrganism ? { number: invoice.amcOrganism.number, name: invoice.amcOrganism.name } : null,
      ame: invoice.ame,
    },
    ameRights: ameCoverage
      ? {
          contractCode: ameCoverage.contractCode,
          attestationNumber: ameCoverage.attestationNumber,
          startDate: ameCoverage.startDate,
          endDate: ameCoverage.endDate,
        }
      : null,
    circumstances: { ...invoice.circumstances },
    lines: invoice.lines.map((l, i) => ({
      actDate: l.actDate,
      code: l.code,
      coefficient: l.coefficient,
      quantity: l.quantity,
      unitCents: l.unitCents,
      amountCents: l.amountCents,
      qualificatif: l.qualificatif,
      sessionNumber: sessions[i] ?? null,
      // Why the line is priced this way, its 11B rate and NGAP article (cotation engine; null on hand-typed lines).
      explanation: l.explanation,
      ratePercent: l.ratePercent,
      ngapArticle: l.ngapArticle,
    })),
    totals: { totalCents: invoice.totalCents, amoCents: invoice.amoCents, amcCents: invoice.amcCents, patientCents: invoice.patientCents },
    notice: NOTICE_FR,
  };
}

/** Builds and stores the frozen model of a just-validated invoice. Caller holds the validation's transaction. */
export function freezeFeuille(ctx: HandlerContext, invoice: Invoice, sources?: FeuilleSources): void {
  insertPrintModel(ctx.db, invoice.id, FROZEN_FEUILLE_VERSION, buildFrozenFeuille(ctx, invoice, sources), ctx.clock.nowIso());
}

/** The stored model of a validated invoice, with what may differ between prints (status, duplicata). */
export function feuilleDeSoinsModel(ctx: HandlerContext, invoice: Invoice, duplicata: boolean): FeuilleDeSoinsModel {
  if (invoice.status === 'draft') throw new Error('only a validated invoice is printed');
  const stored = getPrintModel(ctx.db, invoice.id);
  if (!stored) throw new Error(`invoice ${invoice.id} has no frozen print model`);
  if (!READABLE_FEUILLE_VERSIONS.includes(stored.version)) throw new Error(`print model version ${stored.version} is not known`);
  return withPrintState(stored.model as FrozenFeuille, { status: invoice.status, cancelReason: invoice.cancelReason, duplicata });
}

export const invoiceFileName = (invoice: Invoice, duplicata: boolean, layout: PrintLayout = 'plain'): string => {
  const suffix = invoice.status === 'cancelled' ? '-annulee' : duplicata ? '-duplicata' : '';
  return `facture-${invoice.practitionerId}-${String(invoice.number).padStart(6, '0')}${suffix}${layout === 'overlay' ? '-formulaire' : ''}.pdf`;
};

/** Writes a generated PDF into <dataDir>/documents/ and hands it to the user through the transport. */
export function saveDocument(ctx: HandlerContext, fileName: string, pdf: Buffer): DocumentRef {
  const path = join(ctx.dataDir, DOCUMENTS_FOLDER, fileName);
  writeFileAtomic(path, pdf);
  return ctx.presentDocument(path, fileName);
}

/**
 * Feuilles in one PDF, each from its frozen model: plain paper, or data only on the CPAM form shifted by
 * its practitioner's offsets. `layout` null: each practitioner's setting (Réglages → Impression).
 */
export async function renderInvoices(
  ctx: HandlerContext,
  items: readonly { invoice: Invoice; duplicata: boolean }[],
  layout: PrintLayout | null,
  meta: { title?: string; createdAt?: string } = {},
): Promise<{ pdf: Buffer; layout: PrintLayout }> {
  const settings = new Map<number, PrintSettings>();
  const settingsOf = (practitionerId: number) => {
    let s = settings.get(practitionerId);
    if (!s) settings.set(practitionerId, (s = getPractitioner(ctx.db, practitionerId)!.printSettings));
    return s;
  };
  const chosen = layout ?? settingsOf(items[0]!.invoice.practitionerId).layout;
  const models = items.map(({ invoice, duplicata }) => ({ invoice, model: feuilleDeSoinsModel(ctx, invoice, duplicata) }));
  if (chosen === 'overlay') {
    const { renderOverlayFeuilles } = await import('../../invoice-templates/feuille-de-soins/overlay.ts');
    const pdf = await renderOverlayFeuilles(
      models.map(({ invoice, model }) => ({ model, offsets: settingsOf(invoice.practitionerId) })),
      { fontsDir: ctx.fontsDir, title: meta.title ?? `Feuille de soins — facture n° ${models[0]!.model.invoice.number}`, createdAt: meta.createdAt ?? models[0]!.model.invoice.validatedAt },
    );
    return { pdf, layout: chosen };
  }
  const { renderFeuilles } = await import('../../invoice-templates/feuille-de-soins/render.ts');
  const pdf = await renderFeuilles(
    models.map((m) => m.model),
    { fontsDir: ctx.fontsDir, ...(meta.title ? { title: meta.title } : {}), ...(meta.createdAt ? { createdAt: meta.createdAt } : {}) },
  );
  return { pdf, layout: chosen };
}

/** A name not used yet in <dataDir>/documents/: `base.pdf`, else `base-2.pdf`, `base-3.pdf`… (never overwrites). */
export function unusedDocumentName(ctx: HandlerContext, base: string): string {
  const taken = (name: string) => existsSync(join(ctx.dataDir, DOCUMENTS_FOLDER, name));
  let name = `${base}.pdf`;
  for (let n = 2; taken(name); n++) name = `${base}-${n}.pdf`;
  return name;
}

/**
 * Prints validated (or cancelled) invoices in one PDF, each from its frozen model: the original when it was
 * never printed, else a duplicata. The render is awaited; then, in one transaction, the invoices are read
 * again — one printed or cancelled meanwhile is rendered again — the file is written, the originals record
 * it, and (with `audit`) each print is in the audit trail. The document is handed over after the commit.
 */
export async function printRecorded(
  ctx: HandlerContext,
  invoiceIds: readonly number[],
  opts: {
    layout: PrintLayout | null;
    fileName: (invoices: readonly Invoice[], duplicata: readonly boolean[], layout: PrintLayout) => string;
    audit: ((invoice: Invoice, fileName: string) => Record<string, unknown>) | null;
    meta?: { title?: string; createdAt?: string };
  },
): Promise<{ document: DocumentRef; invoices: Invoice[] }> {
  const read = () => invoiceIds.map((id) => getInvoice(ctx.db, id)!);
  let invoices = read();
  // An invoice only goes from never printed to printed, or from validated to cancelled: this ends.
  for (;;) {
    const seen = invoices.map((i) => ({ status: i.status, duplicata: i.pdfFile !== null }));
    const rendered = await renderInvoices(ctx, invoices.map((invoice, k) => ({ invoice, duplicata: seen[k]!.duplicata })), opts.layout, opts.meta);
    const outcome = inTransaction(ctx.db, (): { stale: Invoice[] } | { path: string; fileName: string; invoices: Invoice[] } => {
      const now = read();
      if (now.some((i, k) => i.status !== seen[k]!.status || (i.pdfFile !== null) !== seen[k]!.duplicata)) return { stale: now };
      const fileName = opts.fileName(now, seen.map((x) => x.duplicata), rendered.layout);
      const path = join(ctx.dataDir, DOCUMENTS_FOLDER, fileName);
      writeFileAtomic(path, rendered.pdf);
      const at = ctx.clock.nowIso();
      now.forEach((i, k) => {
        const duplicata = seen[k]!.duplicata;
        if (!duplicata) setPdfFile(ctx.db, i.id, fileName);
        if (opts.audit) recordAudit(ctx.db, at, 'invoice', i.id, duplicata ? 'print-duplicata' : 'print', null, opts.audit(i, fileName));
      });
      return { path, fileName, invoices: now };
    });
    if ('stale' in outcome) {
      invoices = outcome.stale;
      continue;
    }
    return { document: ctx.presentDocument(outcome.path, outcome.fileName), invoices: outcome.invoices };
  }
}

/** Renders, writes and records the PDF of one invoice; hands it to the user through the transport. */
export async function printInvoice(ctx: HandlerContext, invoice: Invoice, audit: boolean, layout: PrintLayout | null = null): Promise<DocumentRef> {
  const { document } = await printRecorded(ctx, [invoice.id], {
    layout,
    fileName: (invoices, duplicata, chosen) => invoiceFileName(invoices[0]!, duplicata[0]!, chosen),
    audit: audit ? (i) => ({ number: i.number }) : null,
  });
  return document;
}
