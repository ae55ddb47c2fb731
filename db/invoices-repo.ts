import type { AmeChoice, InsuranceNature, InvoiceCircumstances, AmePromptAnswer, AmeSource, Exoneration, FollowUpState, Invoice, InvoiceLine, InvoiceStatus, InvoiceSummary, InvoiceVisit } from '../core/domain/types.ts';
import type { BillingTerms } from '../core/domain/ame.ts';
import type { Shares } from '../core/domain/invoice-calc.ts';
import { getOrganism } from './coverages-repo.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';
import { PATIENT_NAME_SQL } from './patients-repo.ts';
import { takeNext } from './counters.ts';

interface InvoiceRow {
  id: number;
  number: number | null;
  status: InvoiceStatus;
  practitioner_id: number;
  patient_id: number;
  prescription_id: number | null;
  exoneration: Exoneration;
  tiers_payant_amo: number;
  tiers_payant_amc: number;
  amo_rate: number;
  amc_rate: number;
  amc_organism_id: number | null;
  ame: number;
  ame_source: AmeSource | null;
  ame_prompt_answer: AmePromptAnswer | null;
  ame_choice: AmeChoice | null;
  outside_rights_confirmed: number;
  total_cents: number;
  amo_cents: number;
  amc_cents: number;
  patient_cents: number;
  created_at: string;
  validated_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  replaces_invoice_id: number | null;
  pdf_file: string | null;
  insurance_nature: InsuranceNature;
  at_number: string | null;
  at_date: string | null;
  third_party_accident: number;
  accident_date: string | null;
  prior_agreement_date: string | null;
}

interface LineRow {
  id: number;
  act_date: string;
  code: string;
  coefficient: number;
  quantity: number;
  unit_cents: number;
  amount_cents: number;
  qualificatif: 'N' | null;
  tariff_id: number;
  rate_percent: number;
  explanation: string | null;
  ngap_article: string | null;
  visit_position: number | null;
}

interface VisitRow {
  position: number;
  visit_date: string;
  visit_time: string | null;
  place: 'cabinet' | 'domicile';
  household_rank: number;
  distance_tenths: number | null;
  urgent: number;
  call_time: string | null;
  imperative_prescription: number;
  coordination: InvoiceVisit['coordination'];
  two_sessions_justified: number;
  r251_procedure: number;
  acts_json: string;
  dropped_json: string;
  explanations_json: string;
}

const toVisit = (r: VisitRow): InvoiceVisit => ({
  position: r.position,
  date: r.visit_date,
  time: r.visit_time,
  place: r.place,
  householdRank: r.household_rank,
  distanceTenths: r.distance_tenths,
  urgent: r.urgent === 1,
  callTime: r.call_time,
  imperativePrescription: r.imperative_prescription === 1,
  coordination: r.coordination,
  twoSessionsJustified: r.two_sessions_justified === 1,
  r251Procedure: r.r251_procedure === 1,
  acts: JSON.parse(r.acts_json) as InvoiceVisit['acts'],
  dropped: JSON.parse(r.dropped_json) as InvoiceVisit['dropped'],
  explanations: JSON.parse(r.explanations_json) as string[],
});

/** A line ready to store: amounts already computed with the tariff in force. */
export type LineData = Omit<InvoiceLine, 'id'>;

const toLine = (r: LineRow): InvoiceLine => ({
  id: r.id,
  actDate: r.act_date,
  code: r.code,
  coefficient: r.coefficient,
  quantity: r.quantity,
  unitCents: r.unit_cents,
  amountCents: r.amount_cents,
  qualificatif: r.qualificatif,
  tariffId: r.tariff_id,
  ratePercent: r.rate_percent,
  explanation: r.explanation,
  ngapArticle: r.ngap_article,
  visitPosition: r.visit_position,
});

export function getInvoice(db: Db, id: number): Invoice | null {
  const r = cached(db, 'SELECT * FROM invoices WHERE id = ?').get(id) as InvoiceRow | undefined;
  if (!r) return null;
  const lines = (cached(db, 'SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY position').all(id) as LineRow[]).map(toLine);
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    practitionerId: r.practitioner_id,
    patientId: r.patient_id,
    prescriptionId: r.prescription_id,
    exoneration: r.exoneration,
    tiersPayantAmo: r.tiers_payant_amo === 1,
    tiersPayantAmc: r.tiers_payant_amc === 1,
    amoRate: r.amo_rate,
    amcRate: r.amc_rate,
    amcOrganism: r.amc_organism_id === null ? null : getOrganism(db, r.amc_organism_id),
    ame: r.ame === 1,
    ameSource: r.ame_source,
    amePromptAnswer: r.ame_prompt_answer,
    ameChoice: r.ame_choice,
    outsideRightsConfirmed: r.outside_rights_confirmed === 1,
    lines,
    visits: (cached(db, 'SELECT * FROM invoice_visits WHERE invoice_id = ? ORDER BY position').all(id) as VisitRow[]).map(toVisit),
    totalCents: r.total_cents,
    amoCents: r.amo_cents,
    amcCents: r.amc_cents,
    patientCents: r.patient_cents,
    createdAt: r.created_at,
    validatedAt: r.validated_at,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    replacesInvoiceId: r.replaces_invoice_id,
    pdfFile: r.pdf_file,
    circumstances: {
      insuranceNature: r.insurance_nature,
      atNumber: r.at_number,
      atDate: r.at_date,
      thirdPartyAccident: r.third_party_accident === 1,
      accidentDate: r.accident_date,
      priorAgreementDate: r.prior_agreement_date,
    },
  };
}

const termsParams = (t: BillingTerms) => ({
  exoneration: t.exoneration,
  tiers_payant_amo: t.tiersPayantAmo ? 1 : 0,
  tiers_payant_amc: t.tiersPayantAmc ? 1 : 0,
  amo_rate: t.amoRate,
  amc_rate: t.amcRate,
  amc_organism_id: t.amcOrganismId,
  ame: t.ame ? 1 : 0,
  ame_source: t.ameSource,
});

export function insertDraft(
  db: Db,
  d: { practitionerId: number; patientId: number; prescriptionId: number | null; replacesInvoiceId: number | null },
  terms: BillingTerms,
  now: string,
): number {
  // Prepared once per connection (compiling this INSERT with the invoices triggers costs ~0.15 ms: « Facturer la période » makes hundreds).
  const { lastInsertRowid } = cached(
    db,
    `INSERT INTO invoices (practitioner_id, patient_id, prescription_id, replaces_invoice_id, exoneration, tiers_payant_amo,
      tiers_payant_amc, amo_rate, amc_rate, amc_organism_id, ame, ame_source, created_at)
     VALUES (@practitioner_id, @patient_id, @prescription_id, @replaces, @exoneration, @tiers_payant_amo, @tiers_payant_amc,
      @amo_rate, @amc_rate, @amc_organism_id, @ame, @ame_source, @now)`,
  ).run({
      practitioner_id: d.practitionerId,
      patient_id: d.patientId,
      prescription_id: d.prescriptionId,
      replaces: d.replacesInvoiceId,
      ...termsParams(terms),
      now,
    });
  return Number(lastInsertRowid);
}

/**
 * Writes the header terms, the visits, the lines and the totals of a draft (caller holds the transaction).
 * Lines typed by hand come without visits: the visits of the draft are then cleared.
 */
export function saveDraftContent(
  db: Db,
  id: number,
  terms: BillingTerms,
  lines: readonly LineData[],
  shares: Shares,
  visits: readonly InvoiceVisit[] = [],
): void {
  cached(db, 
    `UPDATE invoices SET exoneration=@exoneration, tiers_payant_amo=@tiers_payant_amo, tiers_payant_amc=@tiers_payant_amc,
      amo_rate=@amo_rate, amc_rate=@amc_rate, amc_organism_id=@amc_organism_id, ame=@ame, ame_source=@ame_source,
      total_cents=@total, amo_cents=@amo, amc_cents=@amc, patient_cents=@patient WHERE id=@id AND status='draft'`,
  ).run({ ...termsParams(terms), total: shares.totalCents, amo: shares.amoCents, amc: shares.amcCents, patient: shares.patientCents, id });
  cached(db, 'DELETE FROM invoice_lines WHERE invoice_id = ?').run(id);
  const insert = cached(db, 
    `INSERT INTO invoice_lines (invoice_id, position, act_date, code, coefficient, quantity, unit_cents, amount_cents, qualificatif, tariff_id,
       rate_percent, explanation, ngap_article, visit_position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, i) =>
    insert.run(id, i + 1, l.actDate, l.code, l.coefficient, l.quantity, l.unitCents, l.amountCents, l.qualificatif, l.tariffId,
      l.ratePercent, l.explanation, l.ngapArticle, l.visitPosition),
  );
  cached(db, 'DELETE FROM invoice_visits WHERE invoice_id = ?').run(id);
  const insertVisit = cached(db, 
    `INSERT INTO invoice_visits (invoice_id, position, visit_date, visit_time, place, household_rank, distance_tenths, urgent, call_time,
       imperative_prescription, coordination, two_sessions_justified, r251_procedure, acts_json, dropped_json, explanations_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const v of visits) {
    insertVisit.run(id, v.position, v.date, v.time, v.place, v.householdRank, v.distanceTenths, v.urgent ? 1 : 0, v.callTime ?? null, v.imperativePrescription ? 1 : 0,
      v.coordination, v.twoSessionsJustified ? 1 : 0, v.r251Procedure ? 1 : 0, JSON.stringify(v.acts), JSON.stringify(v.dropped), JSON.stringify(v.explanations));
  }
}

/** Nature d'assurance, AT, accident tiers, entente préalable of a draft (caller holds the transaction). */
export function saveCircumstances(db: Db, id: number, c: InvoiceCircumstances): void {
  cached(db, 
    `UPDATE invoices SET insurance_nature = ?, at_number = ?, at_date = ?, third_party_accident = ?, accident_date = ?,
      prior_agreement_date = ? WHERE id = ? AND status = 'draft'`,
  ).run(c.insuranceNature, c.atNumber, c.atDate, c.thirdPartyAccident ? 1 : 0, c.accidentDate, c.priorAgreementDate, id);
}

export function setPromptAnswer(db: Db, id: number, answer: AmePromptAnswer): void {
  cached(db, "UPDATE invoices SET ame_prompt_answer = ? WHERE id = ? AND status = 'draft'").run(answer, id);
}

/** Clears the forgotten-AME answer: the button was used since, and the button wins. */
export function clearPromptAnswer(db: Db, id: number): void {
  cached(db, "UPDATE invoices SET ame_prompt_answer = NULL WHERE id = ? AND status = 'draft'").run(id);
}

export function setAmeChoice(db: Db, id: number, choice: AmeChoice | null): void {
  cached(db, "UPDATE invoices SET ame_choice = ? WHERE id = ? AND status = 'draft'").run(choice, id);
}

/** Who bills a draft (the caller re-prices its acts for the new profession in the same transaction). */
export function setDraftPractitioner(db: Db, id: number, practitionerId: number): void {
  cached(db, "UPDATE invoices SET practitioner_id = ? WHERE id = ? AND status = 'draft'").run(practitionerId, id);
}

export function setDraftPrescription(db: Db, id: number, prescriptionId: number | null): void {
  cached(db, "UPDATE invoices SET prescription_id = ? WHERE id = ? AND status = 'draft'").run(prescriptionId, id);
}

/** Next invoice number of the practitioner (gapless); same transaction as the validation. */
export const takeNextNumber = (db: Db, practitionerId: number): number => takeNext(db, 'invoice_counters', practitionerId);

export function markValidated(db: Db, id: number, number: number, outsideRightsConfirmed: boolean, now: string): void {
  cached(db, 
    "UPDATE invoices SET status = 'validated', number = ?, validated_at = ?, outside_rights_confirmed = ? WHERE id = ? AND status = 'draft'",
  ).run(number, now, outsideRightsConfirmed ? 1 : 0, id);
}

export function setPdfFile(db: Db, id: number, fileName: string): void {
  cached(db, 'UPDATE invoices SET pdf_file = ? WHERE id = ?').run(fileName, id);
}

export function markCancelled(db: Db, id: number, reason: string, now: string): void {
  cached(db, "UPDATE invoices SET status = 'cancelled', cancelled_at = ?, cancel_reason = ? WHERE id = ? AND status = 'validated'").run(now, reason, id);
}

export function deleteDraft(db: Db, id: number): void {
  cached(db, 'DELETE FROM invoice_lines WHERE invoice_id = ?').run(id);
  cached(db, 'DELETE FROM invoice_visits WHERE invoice_id = ?').run(id);
  cached(db, "DELETE FROM invoices WHERE id = ? AND status = 'draft'").run(id);
}

export function listInvoices(
  db: Db,
  f: { patientId?: number | undefined; practitionerId?: number | undefined; status?: InvoiceStatus | undefined; limit: number },
): InvoiceSummary[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.patientId !== undefined) (where.push('i.patient_id = ?'), params.push(f.patientId));
  if (f.practitionerId !== undefined) (where.push('i.practitioner_id = ?'), params.push(f.practitionerId));
  if (f.status !== undefined) (where.push('i.status = ?'), params.push(f.status));
  const rows = db
    .prepare(
      `SELECT i.id, i.number, i.status, i.practitioner_id, i.patient_id, i.ame, i.total_cents, i.created_at,
         ${PATIENT_NAME_SQL} AS patient_name,
         (SELECT min(act_date) FROM invoice_lines l WHERE l.invoice_id = i.id) AS first_act_date,
         (SELECT s.state FROM follow_up_states s WHERE s.invoice_id = i.id) AS follow_up_state
       FROM invoices i JOIN patients p ON p.id = i.patient_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY i.id DESC LIMIT ?`,
    )
    .all(...params, f.limit) as {
    id: number;
    number: number | null;
    status: InvoiceStatus;
    practitioner_id: number;
    patient_id: number;
    ame: number;
    total_cents: number;
    created_at: string;
    patient_name: string;
    first_act_date: string | null;
    follow_up_state: FollowUpState | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    practitionerId: r.practitioner_id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    firstActDate: r.first_act_date,
    ame: r.ame === 1,
    totalCents: r.total_cents,
    createdAt: r.created_at,
    followUpState: r.follow_up_state,
  }));
}

/** The non-AME terms the user last chose for a draft, restored when its AME formatting is withdrawn (null: none chosen). */
export function getNormalChoice(db: Db, id: number): { exoneration: Exoneration; tiersPayantAmo: boolean } | null {
  const row = cached(db, 'SELECT normal_exoneration AS e, normal_tiers_payant_amo AS tp FROM invoices WHERE id = ?').get(id) as
    | { e: Exoneration | null; tp: number | null }
    | undefined;
  if (!row || row.e === null) return null;
  return { exoneration: row.e, tiersPayantAmo: row.tp === 1 };
}

export function setNormalChoice(db: Db, id: number, choice: { exoneration: Exoneration; tiersPayantAmo: boolean } | null): void {
  cached(db, "UPDATE invoices SET normal_exoneration = ?, normal_tiers_payant_amo = ? WHERE id = ? AND status = 'draft'").run(
    choice?.exoneration ?? null,
    choice === null ? null : choice.tiersPayantAmo ? 1 : 0,
    id,
  );
}

/** An act of another live invoice (draft or validated) of a patient, on one of `dates` (double billing check). */
export interface ActElsewhere {
  invoiceId: number;
  number: number | null;
  status: 'draft' | 'validated';
  actDate: string;
  code: string;
  coefficient: number;
  /** The hour of the visit the act belongs to, when one was recorded. */
  time: string | null;
}

export function actsOnOtherInvoices(db: Db, patientId: number, excludeInvoiceId: number, dates: readonly string[]): ActElsewhere[] {
  if (dates.length === 0) return [];
  return cached(db,
    `SELECT i.id AS invoiceId, i.number AS number, i.status AS status, l.act_date AS actDate, l.code AS code, l.coefficient AS coefficient,
            v.visit_time AS time
       FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
       LEFT JOIN invoice_visits v ON v.invoice_id = i.id AND v.position = l.visit_position
      WHERE i.patient_id = ? AND i.id <> ? AND i.status IN ('draft', 'validated')
        AND l.act_date IN (SELECT value FROM json_each(?))
      ORDER BY i.number IS NULL, i.number, i.id, l.position`,
  ).all(patientId, excludeInvoiceId, JSON.stringify([...new Set(dates)])) as ActElsewhere[];
}
