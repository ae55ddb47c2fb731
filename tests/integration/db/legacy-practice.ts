/**
 * A practice as an older schema version stored it, written with plain SQL (today's handlers only
 * know today's schema): a practitioner, a patient, and invoices validated or cancelled.
 */
import type Database from 'better-sqlite3';

export interface LegacyPractice {
  practitionerId: number;
  patientId: number;
}

export function insertLegacyPractice(db: Database.Database, nir: string): LegacyPractice {
  const at = '2026-11-01T09:00:00.000Z';
  const practitionerId = Number(
    db
      .prepare(
        `INSERT INTO practitioners (profession, last_name, first_name, am_number, rpps, address_line, postal_code, city, phone, created_at, updated_at)
         VALUES ('infirmier', 'Martin', 'Claire', '751234567', NULL, '3 rue Oberkampf', '75011', 'Paris', NULL, ?, ?)`,
      )
      .run(at, at).lastInsertRowid,
  );
  db.prepare('INSERT INTO invoice_counters (practitioner_id, last_number) VALUES (?, 0)').run(practitionerId);
  const patientId = Number(
    db
      .prepare(
        `INSERT INTO patients (last_name, first_name, birth_date, sex, nir, regime, caisse, centre, address_line, postal_code, city, created_at, updated_at, sort_key)
         VALUES ('Diallo', 'Aminata', '1988-05-14', 'F', ?, '01', '751', '1234', '12 rue des Lilas', '75019', 'Paris', ?, ?, 'diallo aminata')`,
      )
      .run(nir, at, at).lastInsertRowid,
  );
  return { practitionerId, patientId };
}

/** A validated invoice of one AMI act (ame: organism AME 0 % / 100 %, qualificatif N), numbered `number`. */
export function insertLegacyInvoice(
  db: Database.Database,
  p: LegacyPractice,
  o: { number: number; ame: boolean; validatedAt: string; actDate?: string; tiersPayantAmo?: boolean },
): number {
  const ameOrganism = (db.prepare('SELECT id FROM organisms WHERE is_ame = 1').get() as { id: number }).id;
  const tariff = (db.prepare("SELECT id, unit_cents FROM tariffs WHERE profession = 'infirmier' AND code = 'AMI' ORDER BY id LIMIT 1").get() as { id: number; unit_cents: number });
  const id = Number(
    db
      .prepare(
        `INSERT INTO invoices (practitioner_id, patient_id, exoneration, tiers_payant_amo, tiers_payant_amc, amo_rate, amc_rate,
           amc_organism_id, ame, ame_source, total_cents, amo_cents, amc_cents, patient_cents, created_at)
         VALUES (?, ?, 'aucune', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.practitionerId,
        p.patientId,
        o.ame || o.tiersPayantAmo ? 1 : 0,
        o.ame ? 1 : 0,
        o.ame ? 0 : 60,
        o.ame ? 100 : 0,
        o.ame ? ameOrganism : null,
        o.ame ? 1 : 0,
        o.ame ? 'button' : null,
        tariff.unit_cents,
        o.ame ? 0 : 189,
        o.ame ? tariff.unit_cents : 0,
        o.ame ? 0 : tariff.unit_cents - 189,
        o.validatedAt,
      ).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO invoice_lines (invoice_id, position, act_date, code, coefficient, quantity, unit_cents, amount_cents, qualificatif, tariff_id)
     VALUES (?, 1, ?, 'AMI', 100, 1, ?, ?, ?, ?)`,
  ).run(id, o.actDate ?? '2026-11-20', tariff.unit_cents, tariff.unit_cents, o.ame ? 'N' : null, tariff.id);
  db.prepare("UPDATE invoices SET status = 'validated', number = ?, validated_at = ? WHERE id = ?").run(o.number, o.validatedAt, id);
  db.prepare('UPDATE invoice_counters SET last_number = ? WHERE practitioner_id = ?').run(o.number, p.practitionerId);
  return id;
}
