/**
 * Importing a patient list from another software (CSV or XLSX): the columns Feuillet can read, a first
 * guess of which column is which from the header names, the layout a mapping is remembered by, and one
 * row turned into the fields of a patient (validated afterwards by the same schema as the form).
 */
import { parseFrDate } from './dates.ts';
import { foldText } from './search.ts';

export interface ImportFieldSpec {
  key: ImportField;
  label: string;
  required: boolean;
  /** Folded header names this field is guessed from. */
  guesses: readonly string[];
}

export type ImportField =
  | 'lastName'
  | 'usageName'
  | 'firstName'
  | 'birthDate'
  | 'sex'
  | 'nir'
  | 'birthRank'
  | 'addressLine'
  | 'postalCode'
  | 'city'
  | 'phone'
  | 'ameStart'
  | 'ameEnd'
  | 'ameAttestation';

export const IMPORT_FIELDS: readonly ImportFieldSpec[] = [
  { key: 'lastName', label: 'Nom de naissance', required: true, guesses: ['nom', 'nom de naissance', 'nom naissance', 'nom patronymique', 'nom de famille', 'last name'] },
  { key: 'usageName', label: "Nom d'usage", required: false, guesses: ['nom d usage', 'nom usage', 'nom marital', 'nom usuel'] },
  { key: 'firstName', label: 'Prénom', required: true, guesses: ['prenom', 'prenoms', 'first name'] },
  { key: 'birthDate', label: 'Date de naissance', required: true, guesses: ['date de naissance', 'date naissance', 'naissance', 'ne le', 'ne e le', 'ddn', 'birth date'] },
  { key: 'sex', label: 'Sexe', required: false, guesses: ['sexe', 'genre', 'civilite'] },
  { key: 'nir', label: 'NIR / NIA', required: true, guesses: ['nir', 'nia', 'nir nia', 'numero de securite sociale', 'n de securite sociale', 'securite sociale', 'n ss', 'numero ss', 'num secu', 'insee', 'matricule'] },
  { key: 'birthRank', label: 'Rang de naissance', required: false, guesses: ['rang', 'rang de naissance', 'rang naissance'] },
  { key: 'addressLine', label: 'Adresse', required: false, guesses: ['adresse', 'rue', 'adresse 1'] },
  { key: 'postalCode', label: 'Code postal', required: false, guesses: ['code postal', 'cp'] },
  { key: 'city', label: 'Ville', required: false, guesses: ['ville', 'commune', 'localite'] },
  { key: 'phone', label: 'Téléphone', required: false, guesses: ['telephone', 'tel', 'portable', 'mobile'] },
  { key: 'ameStart', label: 'Début des droits AME', required: false, guesses: ['debut ame', 'ame debut', 'debut droits ame', 'debut des droits ame', 'ame du', 'droits ame du'] },
  { key: 'ameEnd', label: 'Fin des droits AME', required: false, guesses: ['fin ame', 'ame fin', 'fin droits ame', 'fin des droits ame', 'ame au', 'droits ame au'] },
  { key: 'ameAttestation', label: "N° d'attestation AME", required: false, guesses: ['attestation ame', 'n attestation ame', 'numero attestation ame', 'attestation'] },
];

/** For each field, the index of the column it is read from (absent: not imported). */
export type ColumnMapping = Partial<Record<ImportField, number>>;

const foldHeader = (h: string): string => foldText(h).replace(/[^a-z0-9]+/g, ' ').trim();

/** The layout of a file: its folded header names. A mapping chosen once is offered again for the same layout. */
export function layoutKey(headers: readonly string[]): string {
  return headers.map(foldHeader).join('|').slice(0, 2000);
}

/** First guess from the header names: exact names first, each column used once. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const folded = headers.map(foldHeader);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const at = folded.findIndex((h, i) => !used.has(i) && field.guesses.includes(h));
    if (at >= 0) {
      mapping[field.key] = at;
      used.add(at);
    }
  }
  return mapping;
}

/** The mapping's problems in French (a required field not chosen, a column chosen twice), or []. */
export function mappingProblems(mapping: ColumnMapping, columns: number): string[] {
  const problems: string[] = [];
  for (const f of IMPORT_FIELDS) {
    const at = mapping[f.key];
    if (at === undefined) {
      if (f.required) problems.push(`Choisissez la colonne « ${f.label} ».`);
    } else if (!Number.isInteger(at) || at < 0 || at >= columns) {
      problems.push(`« ${f.label} » : cette colonne n'existe pas dans le fichier.`);
    }
  }
  const chosen = Object.values(mapping);
  if (new Set(chosen).size !== chosen.length) problems.push('Une même colonne est choisie pour deux champs.');
  if ((mapping.ameStart === undefined) !== (mapping.ameEnd === undefined)) problems.push('Droits AME : choisissez la colonne du début et celle de la fin, ou aucune.');
  return problems;
}

/** `14/03/1985`, `14-03-1985`, `14.03.1985` or `1985-03-14` → ISO; anything else is kept as typed (refused later). */
export function importDate(text: string): string {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (fr) return parseFrDate(`${fr[1]!.padStart(2, '0')}/${fr[2]!.padStart(2, '0')}/${fr[3]}`) ?? t;
  return t;
}

/** `F`, `Femme`, `Mme`, `2` → F; `M`, `Homme`, `M.`, `1` → M; empty: from the NIR's first digit (1/7 M, 2/8 F). */
export function importSex(text: string, nir: string): 'F' | 'M' | string {
  const s = foldText(text).replace(/[^a-z0-9]/g, '');
  if (['f', 'femme', 'mme', 'madame', 'mlle', '2', 'feminin'].includes(s)) return 'F';
  if (['m', 'h', 'homme', 'monsieur', 'mr', '1', 'masculin'].includes(s)) return 'M';
  if (s === '') {
    const first = nir.replace(/\s/g, '')[0];
    if (first === '1' || first === '7') return 'M';
    if (first === '2' || first === '8') return 'F';
  }
  return text;
}

/** One row as a patient form's input (validated by PatientInput afterwards), and its AME rights if any. */
export function rowToPatient(row: readonly string[], mapping: ColumnMapping): {
  patient: Record<string, unknown>;
  ame: { startDate: string; endDate: string; attestationNumber: string } | null;
} {
  const cell = (f: ImportField): string => {
    const at = mapping[f];
    return at === undefined ? '' : (row[at] ?? '').trim();
  };
  const nir = cell('nir').replace(/[\s.-]/g, '');
  const rank = cell('birthRank');
  const patient: Record<string, unknown> = {
    lastName: cell('lastName'),
    usageName: cell('usageName'),
    firstName: cell('firstName'),
    birthDate: importDate(cell('birthDate')),
    sex: importSex(cell('sex'), nir),
    nir,
    addressLine: cell('addressLine'),
    postalCode: cell('postalCode'),
    city: cell('city'),
    phone: cell('phone'),
  };
  if (rank !== '') patient.birthRank = /^\d+$/.test(rank) ? Number(rank) : rank;
  const start = cell('ameStart');
  const end = cell('ameEnd');
  const ame = start === '' && end === '' ? null : { startDate: importDate(start), endDate: importDate(end), attestationNumber: cell('ameAttestation') };
  return { patient, ame };
}

/** Name and birth date as compared for duplicates (accents, case and hyphens ignored). */
export const duplicateKey = (lastName: string, firstName: string, birthDate: string): string => `${foldText(`${lastName} ${firstName}`).replace(/[^a-z0-9]+/g, ' ').trim()}|${birthDate}`;
