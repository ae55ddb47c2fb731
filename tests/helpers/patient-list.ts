/**
 * A patient list as another software exports it (`;`, French headers, jj/mm/aaaa), for the import tests and
 * the bench: every row a distinct patient with a valid NIR/NIA, AME rights on every third row; some rows
 * given a wrong NIR key, and some repeating a patient that already exists (by NIR, or by name and birth date).
 */
import type { MethodInput } from '../../core/api/contract.ts';
import { computeNirKey } from '../../core/domain/nir.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** 0 → « Aa », 1 → « Ab »…: distinct names made of letters only. */
const nameOf = (prefix: string, i: number) => {
  let s = '';
  let n = i;
  for (let k = 0; k < 3; k++) {
    s = LETTERS[n % 26]! + s;
    n = Math.floor(n / 26);
  }
  return `${prefix}${s}`;
};

export interface PatientListRow {
  nir: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  sex: 'F' | 'M';
}

export function patientRow(i: number, nirSalt = 0): PatientListRow {
  const year = 1940 + (i % 60);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const sex = i % 2 === 0 ? 'F' : 'M';
  const serial = i + nirSalt;
  const body = `${sex === 'F' ? '2' : '1'}${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}75${String(100 + Math.floor(serial / 999)).slice(-3)}${String((serial % 999) + 1).padStart(3, '0')}`;
  return {
    nir: body + computeNirKey(body)!,
    lastName: nameOf('Import', i),
    firstName: nameOf('Prenom', i + 7),
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sex,
  };
}

const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function patientListCsv(
  rows: number,
  opts: { badKeysAt?: number[]; duplicatesAt?: number[]; nirSalt?: number },
): { csv: string; existing: MethodInput<'patients/create'>[]; ameRows: number } {
  const salt = opts.nirSalt ?? 0;
  const [byNir, byName] = opts.duplicatesAt ?? [];
  // The patients already in Feuillet that rows byNir and byName repeat.
  const existing: MethodInput<'patients/create'>[] = [];
  if (byNir !== undefined) {
    const r = patientRow(byNir, salt);
    existing.push({ lastName: 'Dejala', firstName: 'Nirmeme', birthDate: r.birthDate, sex: r.sex, nir: r.nir });
  }
  if (byName !== undefined) {
    const r = patientRow(byName, salt);
    const other = patientRow(byName, salt + 500_000);
    existing.push({ lastName: r.lastName.toUpperCase(), firstName: r.firstName, birthDate: r.birthDate, sex: r.sex, nir: other.nir });
  }
  let ameRows = 0;
  const lines = ['N° SS;Nom;Prénom;Né(e) le;Sexe;Adresse;CP;Ville;Tél.;Début AME;Fin AME'];
  for (let i = 0; i < rows; i++) {
    const r = patientRow(i, salt);
    const bad = opts.badKeysAt?.includes(i);
    const nir = bad ? r.nir.slice(0, 13) + String((Number(r.nir.slice(13)) % 97) + 1).padStart(2, '0') : r.nir;
    const ame = i % 3 === 0;
    if (ame && !bad && i !== byNir && i !== byName) ameRows++;
    lines.push(
      [nir, r.lastName, r.firstName, fr(r.birthDate), r.sex === 'F' ? 'Femme' : 'Homme', `${1 + (i % 90)} rue des Lilas`, '75019', 'Paris', '0612345678', ame ? '01/09/2026' : '', ame ? '31/08/2027' : ''].join(';'),
    );
  }
  return { csv: `${lines.join('\r\n')}\r\n`, existing, ameRows };
}
