import type { MethodInput } from '../../../core/api/contract.ts';
import type { Patient } from '../../../core/domain/types.ts';
import { formatFrDate } from '../../../core/domain/dates.ts';
import { readFrDate } from '../../ui/dates.ts';
import { formatNir } from '../../../core/domain/nir.ts';

/** What the identity form holds: strings as typed. Converted once, on save. */
export interface PatientForm {
  lastName: string;
  usageName: string;
  firstName: string;
  birthDate: string; // jj/mm/aaaa
  sex: 'F' | 'M' | '';
  nir: string;
  birthRank: string;
  regime: string;
  caisse: string;
  centre: string;
  quality: 'assure' | 'ayant_droit';
  insuredLastName: string;
  insuredFirstName: string;
  insuredNir: string;
  insuredBirthDate: string;
  addressLine: string;
  postalCode: string;
  city: string;
  phone: string;
  notes: string;
}

export const emptyPatientForm: PatientForm = {
  lastName: '',
  usageName: '',
  firstName: '',
  birthDate: '',
  sex: '',
  nir: '',
  birthRank: '1',
  regime: '01',
  caisse: '',
  centre: '',
  quality: 'assure',
  insuredLastName: '',
  insuredFirstName: '',
  insuredNir: '',
  insuredBirthDate: '',
  addressLine: '',
  postalCode: '',
  city: '',
  phone: '',
  notes: '',
};

export function patientToForm(p: Patient): PatientForm {
  return {
    lastName: p.lastName,
    usageName: p.usageName ?? '',
    firstName: p.firstName,
    birthDate: formatFrDate(p.birthDate),
    sex: p.sex,
    nir: formatNir(p.nir),
    birthRank: String(p.birthRank),
    regime: p.regime ?? '',
    caisse: p.caisse ?? '',
    centre: p.centre ?? '',
    quality: p.quality,
    insuredLastName: p.insuredLastName ?? '',
    insuredFirstName: p.insuredFirstName ?? '',
    insuredNir: p.insuredNir ? formatNir(p.insuredNir) : '',
    insuredBirthDate: formatFrDate(p.insuredBirthDate),
    addressLine: p.addressLine ?? '',
    postalCode: p.postalCode ?? '',
    city: p.city ?? '',
    phone: p.phone ?? '',
    notes: p.notes ?? '',
  };
}

/** A typed jj/mm/aaaa date → ISO; an unreadable date is passed as typed so the backend names the field. */
const dateOut = (text: string): string => (text.trim() === '' ? '' : (readFrDate(text, true) ?? text));

export function formToInput(f: PatientForm): MethodInput<'patients/create'> {
  const ayantDroit = f.quality === 'ayant_droit';
  return {
    lastName: f.lastName,
    usageName: f.usageName,
    firstName: f.firstName,
    birthDate: dateOut(f.birthDate),
    sex: (f.sex || undefined) as 'F' | 'M',
    nir: f.nir,
    birthRank: Number(f.birthRank) || 1,
    regime: f.regime,
    caisse: f.caisse,
    centre: f.centre,
    quality: f.quality,
    insuredLastName: ayantDroit ? f.insuredLastName : '',
    insuredFirstName: ayantDroit ? f.insuredFirstName : '',
    insuredNir: ayantDroit ? f.insuredNir : '',
    insuredBirthDate: ayantDroit ? dateOut(f.insuredBirthDate) : '',
    addressLine: f.addressLine,
    postalCode: f.postalCode,
    city: f.city,
    phone: f.phone,
    notes: f.notes,
  };
}
