import type { Exoneration, Profession } from './types.ts';

/** What the desk user picks in the « Exonération » select. Official TM codes were not found (BILLING-RULES §2). */
export const exonerationLabels: Record<Exoneration, string> = {
  aucune: "Pas d'exonération",
  ald: 'ALD (affection de longue durée)',
  maternite: 'Maternité',
  atmp: 'Accident du travail / maladie professionnelle',
  'soins-particuliers': 'Soins particuliers exonérés',
};

export const exonerationOptions = (Object.keys(exonerationLabels) as Exoneration[]).map((value) => ({
  value,
  label: exonerationLabels[value],
}));

export const professionLabels: Record<Profession, string> = {
  infirmier: 'Infirmier·ère',
  'masseur-kinesitherapeute': 'Masseur-kinésithérapeute',
};
