/**
 * Draft computation shared by the invoice use cases: turn typed acts into priced lines with the
 * tariff in force on each act date, apply the billing terms, store everything in one go.
 */
import { DomainError, notFound } from '../../core/api/result.ts';
import { ameTerms, normalTerms, type BillingTerms } from '../../core/domain/ame.ts';
import { formatFrDate } from '../../core/domain/dates.ts';
import { computeShares, lineAmount } from '../../core/domain/invoice-calc.ts';
import { pricedAmount } from '../../core/cotation/price-visit.ts';
import { tariffInForce } from '../../core/cotation/tariff-lookup.ts';
import type { Catalogue, Visit } from '../../core/cotation/types.ts';
import { refuseTypedLine } from '../../core/cotation/typed-lines.ts';
import type { AmeSource, Exoneration, Invoice, Practitioner } from '../../core/domain/types.ts';
import { getPractitioner, getPrescription } from '../../db/billing-repo.ts';
import { getAmeOrganism } from '../../db/coverages-repo.ts';
import { getInvoice, getNormalChoice, saveDraftContent, setNormalChoice, type LineData } from '../../db/invoices-repo.ts';
import { loadCatalogue } from '../../db/catalogue-repo.ts';
import { priceVisits, type AlreadyRead } from './cotation-pricing.ts';
import type { HandlerContext } from '../context.ts';

/** An act with its coefficient in hundredths (AMI 1,5 → 150). */
export interface ActData {
  actDate: string;
  code: string;
  coefficient: number;
  quantity: number;
  /** 50 = second act of the sitting typed at half rate (NGAP art. 11B); checked before Imprimer. */
  ratePercent?: 100 | 50 | undefined;
}

export const LOCKED_MESSAGE = 'Cette facture est validée : elle ne peut plus être modifiée, seulement annulée.';

export function requireInvoice(ctx: HandlerContext, id: number): Invoice {
  const invoice = getInvoice(ctx.db, id);
  if (!invoice) throw notFound('Facture');
  return invoice;
}

export function requireDraft(ctx: HandlerContext, id: number): Invoice {
  const invoice = requireInvoice(ctx, id);
  if (invoice.status !== 'draft') throw new DomainError('invoice-locked', LOCKED_MESSAGE);
  return invoice;
}

export function requirePractitioner(ctx: HandlerContext, id: number): Practitioner {
  const practitioner = getPractitioner(ctx.db, id);
  if (!practitioner) throw notFound('Praticien');
  return practitioner;
}

export function ameOrganismId(ctx: HandlerContext): number {
  const organism = getAmeOrganism(ctx.db);
  if (!organism) {
    throw new DomainError('not-found', "L'organisme AME (0075500017) n'est plus dans le catalogue : ajoutez-le dans le dossier patient, onglet Complémentaire.");
  }
  return organism.id;
}

export const termsFor = (ctx: HandlerContext, ame: { on: true; source: AmeSource } | { on: false; exoneration: Parameters<typeof normalTerms>[0]; tiersPayantAmo?: boolean }): BillingTerms =>
  ame.on ? ameTerms(ameOrganismId(ctx), ame.source) : normalTerms(ame.exoneration, ame.tiersPayantAmo ?? false);

/** The exonération a non-AME invoice falls back to: the prescription's, else none. */
export function baseExoneration(ctx: HandlerContext, invoice: Invoice) {
  if (invoice.prescriptionId === null) return 'aucune' as const;
  return getPrescription(ctx.db, invoice.prescriptionId)?.exoneration ?? ('aucune' as const);
}

/**
 * The terms a draft goes back to when its AME formatting is withdrawn (rights no longer covering the acts,
 * button off): the exonération and tiers payant the user last chose for it, else the prescription's exonération.
 */
export function nonAmeTerms(ctx: HandlerContext, invoice: Invoice): BillingTerms {
  const chosen = getNormalChoice(ctx.db, invoice.id);
  return chosen ? normalTerms(chosen.exoneration, chosen.tiersPayantAmo) : normalTerms(baseExoneration(ctx, invoice));
}

/**
 * Before a non-AME draft is formatted as AME, keeps its terms when the user chose them (they differ from the
 * prescription's default), so that withdrawing the AME formatting restores them. Caller holds the transaction.
 */
export function rememberNonAmeTerms(ctx: HandlerContext, invoice: Invoice): void {
  if (invoice.ame) return;
  if (invoice.exoneration === baseExoneration(ctx, invoice) && !invoice.tiersPayantAmo) return;
  setNormalChoice(ctx.db, invoice.id, { exoneration: invoice.exoneration, tiersPayantAmo: invoice.tiersPayantAmo });
}

/** The user typed an exonération / tiers payant on a draft formatted as AME: kept for when the AME is withdrawn. */
export function chooseNonAmeTerms(ctx: HandlerContext, invoice: Invoice, input: { exoneration?: Exoneration | undefined; tiersPayantAmo?: boolean | undefined }): void {
  if (input.exoneration === undefined && input.tiersPayantAmo === undefined) return;
  const current = getNormalChoice(ctx.db, invoice.id) ?? { exoneration: baseExoneration(ctx, invoice), tiersPayantAmo: false };
  setNormalChoice(ctx.db, invoice.id, {
    exoneration: input.exoneration ?? current.exoneration,
    tiersPayantAmo: input.tiersPayantAmo ?? current.tiersPayantAmo,
  });
}

export const termsOf = (invoice: Invoice): BillingTerms => ({
  exoneration: invoice.exoneration,
  tiersPayantAmo: invoice.tiersPayantAmo,
  tiersPayantAmc: invoice.tiersPayantAmc,
  amoRate: invoice.amoRate,
  amcRate: invoice.amcRate,
  amcOrganismId: invoice.amcOrganism?.id ?? null,
  ame: invoice.ame,
  ameSource: invoice.ameSource,
  qualificatif: invoice.ame ? 'N' : null,
});

export const actsOf = (invoice: Invoice): ActData[] =>
  invoice.lines.map((l) => ({ actDate: l.actDate, code: l.code, coefficient: l.coefficient, quantity: l.quantity, ratePercent: l.ratePercent === 50 ? 50 : 100 }));

/**
 * Prices acts: each must be dated today or before, not before the prescription, with a code known
 * for the practitioner's profession and a tariff in force on its date. Errors name the line.
 */
export function priceActs(
  ctx: HandlerContext,
  invoice: Invoice,
  acts: readonly ActData[],
  qualificatif: 'N' | null,
  // What the caller already read in its transaction (the validation): not read again.
  read: { practitioner?: Practitioner | undefined; catalogue?: Catalogue | undefined } = {},
): LineData[] {
  const practitioner = read.practitioner ?? requirePractitioner(ctx, invoice.practitionerId);
  const { tariffs } = read.catalogue ?? loadCatalogue(ctx.db, practitioner.profession);
  const today = ctx.clock.today();
  const prescription = invoice.prescriptionId === null ? null : getPrescription(ctx.db, invoice.prescriptionId);
  const refused = refuseTypedLine(acts, practitioner.postalCode);
  if (refused) throw new DomainError('invalid-input', `Acte ${refused.index + 1} : ${refused.message_fr}`, `lines.${refused.index}.code`);
  // Every problem is reported, one per line, not only the first (issue #9: all unknown codes at once).
  const problems: { field: string; message_fr: string }[] = [];
  const lines: LineData[] = [];
  acts.forEach((act, i) => {
    const n = i + 1;
    if (act.actDate > today) {
      problems.push({ field: `lines.${i}.actDate`, message_fr: `Acte ${n} : la date du ${formatFrDate(act.actDate)} est dans le futur.` });
      return;
    }
    if (prescription && act.actDate < prescription.prescriptionDate) {
      problems.push({
        field: `lines.${i}.actDate`,
        message_fr: `Acte ${n} : la date du ${formatFrDate(act.actDate)} précède la prescription du ${formatFrDate(prescription.prescriptionDate)}.`,
      });
      return;
    }
    const found = tariffInForce(tariffs, { profession: practitioner.profession, code: act.code, zone: practitioner.tariffZone, date: act.actDate });
    if (!found.ok) {
      problems.push({ field: `lines.${i}.code`, message_fr: `Acte ${n} : ${found.message_fr}` });
      return;
    }
    lines.push({
      actDate: act.actDate,
      code: act.code,
      coefficient: act.coefficient,
      quantity: act.quantity,
      unitCents: found.tariff.unitCents,
      amountCents: act.ratePercent === 50 ? pricedAmount(found.tariff.unitCents, act.coefficient, 50) * act.quantity : lineAmount(act.coefficient, found.tariff.unitCents, act.quantity),
      qualificatif,
      tariffId: found.tariff.id,
      ratePercent: act.ratePercent ?? 100,
      explanation: null,
      ngapArticle: null,
      visitPosition: null,
    });
  });
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new DomainError('invalid-input', problems.map((p) => p.message_fr).join('\n'), first.field, problems);
  }
  return lines;
}

/** Prices acts typed by hand under `terms` and stores header, lines and totals. Caller holds the transaction. */
export function storeDraft(ctx: HandlerContext, invoice: Invoice, terms: BillingTerms, acts: readonly ActData[]): Invoice {
  const lines = priceActs(ctx, invoice, acts, terms.qualificatif);
  const shares = computeShares(lines.map((l) => l.amountCents), terms);
  saveDraftContent(ctx.db, invoice.id, terms, lines, shares);
  return requireInvoice(ctx, invoice.id);
}

/** Prices visits with the cotation engine under `terms` and stores visits, lines and totals. Caller holds the transaction. */
export function storeVisits(ctx: HandlerContext, invoice: Invoice, terms: BillingTerms, visits: readonly Visit[], read: AlreadyRead = {}): Invoice {
  const practitioner = requirePractitioner(ctx, invoice.practitionerId);
  const priced = priceVisits(ctx, invoice, practitioner, visits, terms.qualificatif, read);
  const shares = computeShares(priced.lines.map((l) => l.amountCents), terms);
  saveDraftContent(ctx.db, invoice.id, terms, priced.lines, shares, priced.visits);
  return requireInvoice(ctx, invoice.id);
}

/**
 * Prices a draft again from what `source` holds — its visits through the engine, else its typed lines —
 * under `terms` (AME on/off, validation, re-issue). Only drafts: a validated invoice is never re-priced.
 * `read`: what the caller already read or priced for `source`'s visits (the engine's result does not depend on the terms).
 */
export function repriceDraft(ctx: HandlerContext, invoice: Invoice, terms: BillingTerms, source: Invoice = invoice, read: AlreadyRead = {}): Invoice {
  return source.visits.length > 0 ? storeVisits(ctx, invoice, terms, source.visits, read) : storeDraft(ctx, invoice, terms, actsOf(source));
}
