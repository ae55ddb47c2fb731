import type { Exoneration, PrintSettings, Practitioner, Prescriber, Prescription, Profession, IkZone } from '../core/domain/types.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

export type PractitionerData = Omit<Practitioner, 'id' | 'archived' | 'printSettings'>;

interface PractitionerRow {
  id: number;
  profession: Profession;
  last_name: string;
  first_name: string;
  am_number: string;
  rpps: string | null;
  address_line: string;
  postal_code: string;
  city: string;
  phone: string | null;
  ik_zone: IkZone;
  tariff_zone: 'metropole' | 'dom';
  situation: 'titulaire' | 'remplacant';
  replaced_last_name: string | null;
  replaced_first_name: string | null;
  replaced_am_number: string | null;
  print_offset_x_mm: number;
  print_offset_y_mm: number;
  print_layout: 'plain' | 'overlay';
  archived_at: string | null;
}

const toPractitioner = (r: PractitionerRow): Practitioner => ({
  id: r.id,
  profession: r.profession,
  lastName: r.last_name,
  firstName: r.first_name,
  amNumber: r.am_number,
  rpps: r.rpps,
  addressLine: r.address_line,
  postalCode: r.postal_code,
  city: r.city,
  phone: r.phone,
  ikZone: r.ik_zone,
  tariffZone: r.tariff_zone,
  situation: r.situation,
  replaced:
    r.situation === 'remplacant' && r.replaced_last_name !== null
      ? { lastName: r.replaced_last_name, firstName: r.replaced_first_name ?? '', amNumber: r.replaced_am_number ?? '' }
      : null,
  printSettings: { layout: r.print_layout, xMm: r.print_offset_x_mm, yMm: r.print_offset_y_mm },
  archived: r.archived_at !== null,
});

const practitionerParams = (p: PractitionerData) => ({
  profession: p.profession,
  last_name: p.lastName,
  first_name: p.firstName,
  am_number: p.amNumber,
  rpps: p.rpps,
  address_line: p.addressLine,
  postal_code: p.postalCode,
  city: p.city,
  phone: p.phone,
  ik_zone: p.ikZone,
  tariff_zone: p.tariffZone,
  situation: p.situation,
  replaced_last_name: p.replaced?.lastName ?? null,
  replaced_first_name: p.replaced?.firstName ?? null,
  replaced_am_number: p.replaced?.amNumber ?? null,
});

export function listPractitioners(db: Db): Practitioner[] {
  return (cached(db, 'SELECT * FROM practitioners ORDER BY archived_at IS NOT NULL, last_name, first_name').all() as PractitionerRow[]).map(toPractitioner);
}

export function getPractitioner(db: Db, id: number): Practitioner | null {
  const row = cached(db, 'SELECT * FROM practitioners WHERE id = ?').get(id) as PractitionerRow | undefined;
  return row ? toPractitioner(row) : null;
}

export function insertPractitioner(db: Db, p: PractitionerData, now: string): Practitioner {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO practitioners (profession, last_name, first_name, am_number, rpps, address_line, postal_code, city, phone, ik_zone, tariff_zone,
         situation, replaced_last_name, replaced_first_name, replaced_am_number, created_at, updated_at)
       VALUES (@profession, @last_name, @first_name, @am_number, @rpps, @address_line, @postal_code, @city, @phone, @ik_zone, @tariff_zone,
         @situation, @replaced_last_name, @replaced_first_name, @replaced_am_number, @now, @now)`,
    )
    .run({ ...practitionerParams(p), now });
  const id = Number(lastInsertRowid);
  cached(db, 'INSERT INTO invoice_counters (practitioner_id, last_number) VALUES (?, 0)').run(id);
  return getPractitioner(db, id)!;
}

export function updatePractitioner(db: Db, id: number, p: PractitionerData, now: string): Practitioner {
  cached(db, 
    `UPDATE practitioners SET profession=@profession, last_name=@last_name, first_name=@first_name, am_number=@am_number, rpps=@rpps,
     address_line=@address_line, postal_code=@postal_code, city=@city, phone=@phone, ik_zone=@ik_zone, tariff_zone=@tariff_zone,
     situation=@situation, replaced_last_name=@replaced_last_name, replaced_first_name=@replaced_first_name,
     replaced_am_number=@replaced_am_number, updated_at=@now WHERE id=@id`,
  ).run({ ...practitionerParams(p), now, id });
  return getPractitioner(db, id)!;
}

export function setPrintSettings(db: Db, id: number, s: PrintSettings, now: string): Practitioner {
  db.prepare('UPDATE practitioners SET print_layout = ?, print_offset_x_mm = ?, print_offset_y_mm = ?, updated_at = ? WHERE id = ?').run(s.layout, s.xMm, s.yMm, now, id);
  return getPractitioner(db, id)!;
}

interface PrescriberRow {
  id: number;
  last_name: string;
  first_name: string;
  identifier: string;
  specialty: string | null;
}

const toPrescriber = (r: PrescriberRow): Prescriber => ({
  id: r.id,
  lastName: r.last_name,
  firstName: r.first_name,
  identifier: r.identifier,
  specialty: r.specialty,
});

export function listPrescribers(db: Db): Prescriber[] {
  return (cached(db, 'SELECT * FROM prescribers ORDER BY last_name, first_name').all() as PrescriberRow[]).map(toPrescriber);
}

export function getPrescriber(db: Db, id: number): Prescriber | null {
  const row = cached(db, 'SELECT * FROM prescribers WHERE id = ?').get(id) as PrescriberRow | undefined;
  return row ? toPrescriber(row) : null;
}

export function insertPrescriber(db: Db, p: Omit<Prescriber, 'id'>, now: string): Prescriber {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO prescribers (last_name, first_name, identifier, specialty, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(p.lastName, p.firstName, p.identifier, p.specialty, now);
  return getPrescriber(db, Number(lastInsertRowid))!;
}

interface PrescriptionRow {
  id: number;
  patient_id: number;
  prescriber_id: number;
  prescription_date: string;
  ame: number;
  exoneration: Exoneration;
  planned_acts: string | null;
  sessions_prescribed: number | null;
  profession: Profession | null;
  prescribed_acts: string;
  created_at: string;
}

function toPrescription(db: Db, r: PrescriptionRow): Prescription {
  return {
    id: r.id,
    patientId: r.patient_id,
    prescriber: getPrescriber(db, r.prescriber_id)!,
    prescriptionDate: r.prescription_date,
    ame: r.ame === 1,
    exoneration: r.exoneration,
    plannedActs: r.planned_acts,
    sessionsPrescribed: r.sessions_prescribed,
    profession: r.profession,
    prescribedActs: JSON.parse(r.prescribed_acts) as string[],
    createdAt: r.created_at,
  };
}

export function getPrescription(db: Db, id: number): Prescription | null {
  const row = cached(db, 'SELECT * FROM prescriptions WHERE id = ?').get(id) as PrescriptionRow | undefined;
  return row ? toPrescription(db, row) : null;
}

export function listPrescriptions(db: Db, patientId: number): Prescription[] {
  const rows = db
    .prepare('SELECT * FROM prescriptions WHERE patient_id = ? ORDER BY prescription_date DESC, id DESC')
    .all(patientId) as PrescriptionRow[];
  return rows.map((r) => toPrescription(db, r));
}

export function insertPrescription(
  db: Db,
  p: {
    patientId: number; prescriberId: number; prescriptionDate: string; ame: boolean; exoneration: Exoneration; plannedActs: string | null;
    sessionsPrescribed?: number | null; profession?: Profession | null; prescribedActs?: readonly string[];
  },
  now: string,
): Prescription {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO prescriptions (patient_id, prescriber_id, prescription_date, ame, exoneration, planned_acts, sessions_prescribed, profession,
         prescribed_acts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(p.patientId, p.prescriberId, p.prescriptionDate, p.ame ? 1 : 0, p.exoneration, p.plannedActs, p.sessionsPrescribed ?? null,
      p.profession ?? null, JSON.stringify(p.prescribedActs ?? []), now);
  return getPrescription(db, Number(lastInsertRowid))!;
}
