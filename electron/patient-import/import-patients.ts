/**
 * Importing a patient list: every row is checked like the patient form (the same schema, NIR/NIA key
 * included, and the same plausibility), AME rights are added where the columns exist, duplicates are found
 * against the patients already there (same NIR and rank; or same name and birth date) and earlier rows of
 * the file; then every accepted row is written in ONE transaction — all or nothing — and the refused rows
 * come back with their reason, as a downloadable CSV report.
 */
import { CoverageInput, PatientInput } from '../../core/api/schemas/patients.ts';
import { DomainError } from '../../core/api/result.ts';
import { toCsv } from '../../core/domain/csv.ts';
import { duplicateKey, layoutKey, mappingProblems, rowToPatient, type ColumnMapping } from '../../core/domain/patient-import.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { inTransaction } from '../../db/connection.ts';
import { getAmeOrganism, insertCoverage } from '../../db/coverages-repo.ts';
import { namesBornOn, patientWithNir, saveMapping } from '../../db/import-layouts-repo.ts';
import { insertPatient, type PatientData } from '../../db/patients-repo.ts';
import type { HandlerContext } from '../context.ts';
import { plausibilityError } from '../plausibility.ts';
import type { ImportTable } from './read-file.ts';

export interface RefusedRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  name: string;
  nir: string;
  reason: string;
}

export interface ImportOutcome {
  imported: number;
  ameRights: number;
  refused: RefusedRow[];
  /** The refused rows as CSV (`;`, BOM), or null when none was refused. */
  reportCsv: string | null;
}

interface Accepted {
  patient: PatientData;
  ame: { startDate: string; endDate: string; attestationNumber: string | null } | null;
}

const firstIssue = (error: { issues: { message: string }[] }) => error.issues[0]?.message ?? 'Ligne invalide.';

export function importPatients(ctx: HandlerContext, table: ImportTable, mapping: ColumnMapping): ImportOutcome {
  const problems = mappingProblems(mapping, table.headers.length);
  if (problems.length > 0) throw new DomainError('invalid-input', problems[0]!, 'mapping');
  const today = ctx.clock.today();
  const ame = getAmeOrganism(ctx.db);
  const refused: RefusedRow[] = [];
  const accepted: Accepted[] = [];
  const seenNir = new Set<string>();
  const seenName = new Set<string>();
  table.rows.forEach((row, i) => {
    const { patient: raw, ame: rawAme } = rowToPatient(row, mapping);
    const refuse = (reason: string) =>
      refused.push({ line: i + 2, name: `${String(raw.lastName ?? '')} ${String(raw.firstName ?? '')}`.trim(), nir: String(raw.nir ?? ''), reason });
    const parsed = PatientInput.safeParse(raw);
    if (!parsed.success) return refuse(firstIssue(parsed.error));
    const p = parsed.data;
    const implausible = plausibilityError('patients/create', p, today);
    if (implausible) return refuse(implausible.message_fr);
    let rights: Accepted['ame'] = null;
    if (rawAme) {
      if (!ame) return refuse("Droits AME : l'organisme AME n'est pas dans le catalogue.");
      const c = CoverageInput.safeParse({ patientId: 1, organismId: ame.id, startDate: rawAme.startDate, endDate: rawAme.endDate, attestationNumber: rawAme.attestationNumber });
      if (!c.success) return refuse(`Droits AME : ${firstIssue(c.error)}`);
      const odd = plausibilityError('coverages/add', c.data, today);
      if (odd) return refuse(`Droits AME : ${odd.message_fr}`);
      rights = { startDate: c.data.startDate, endDate: c.data.endDate, attestationNumber: c.data.attestationNumber };
    }
    const nirKey = `${p.nir}|${p.birthRank}`;
    const nameKey = duplicateKey(p.lastName, p.firstName, p.birthDate);
    if (seenNir.has(nirKey) || patientWithNir(ctx.db, p.nir, p.birthRank)) return refuse('Doublon : un patient avec ce NIR / NIA (et ce rang de naissance) existe déjà.');
    const sameName = seenName.has(nameKey) || namesBornOn(ctx.db, p.birthDate).some((e) => [e.lastName, e.usageName].some((n) => n !== null && duplicateKey(n, e.firstName, p.birthDate) === nameKey));
    if (sameName) return refuse('Doublon : un patient de même nom, prénom et date de naissance existe déjà.');
    seenNir.add(nirKey);
    seenName.add(nameKey);
    accepted.push({ patient: p, ame: rights });
  });

  inTransaction(ctx.db, () => {
    const now = ctx.clock.nowIso();
    for (const a of accepted) {
      const created = insertPatient(ctx.db, a.patient, now);
      recordAudit(ctx.db, now, 'patient', created.id, 'import', null, created);
      if (a.ame && ame) {
        const coverage = insertCoverage(ctx.db, { patientId: created.id, organismId: ame.id, ...a.ame, contractCode: null }, now, today);
        recordAudit(ctx.db, now, 'coverage', coverage.id, 'import', null, coverage);
      }
    }
    saveMapping(ctx.db, layoutKey(table.headers), mapping, now);
  });
  return {
    imported: accepted.length,
    ameRights: accepted.filter((a) => a.ame).length,
    refused,
    reportCsv: refused.length === 0 ? null : toCsv(['Ligne', 'Nom', 'NIR / NIA', 'Motif du refus'], refused.map((r) => [r.line, r.name, r.nir, r.reason])),
  };
}
