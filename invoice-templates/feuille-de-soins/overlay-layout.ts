/**
 * Where each value goes on the CPAM pre-printed feuille de soins (auxiliaires médicaux), in millimetres
 * from the top-left corner of the A4 sheet. The official box layout was NOT verified against a printed
 * form (BILLING-RULES §3): this table is the one place to correct it, and each practitioner's printer
 * offsets (Réglages → Impression) shift everything together. The calibration page draws every box.
 */

export interface OverlayBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A box for text (one line, shrunk to fit down to MIN_SIZE) or a tick mark (« X » centred). */
export interface OverlayField extends OverlayBox {
  kind: 'text' | 'mark';
  align?: 'left' | 'right' | 'center';
}

export const OVERLAY_FONT_SIZE = 9;
export const OVERLAY_MIN_SIZE = 6;

const text = (x: number, y: number, w: number, h = 5, align: OverlayField['align'] = 'left'): OverlayField => ({ kind: 'text', x, y, w, h, align });
const mark = (x: number, y: number): OverlayField => ({ kind: 'mark', x, y, w: 4, h: 4 });

export const OVERLAY_FIELDS = {
  // Above the form's frame: which feuille this is.
  copyMention: text(150, 6, 48, 5, 'right'),
  invoiceNumber: text(120, 12, 78, 5, 'right'),
  // Personne recevant les soins / assuré(e)
  patientName: text(15, 40, 95),
  patientNir: text(15, 47, 58),
  patientBirthDate: text(78, 47, 24),
  patientBirthRank: text(104, 47, 6, 5, 'center'),
  caisseCodes: text(15, 54, 58),
  patientAddress: text(15, 61, 95),
  insuredName: text(15, 72, 95),
  insuredNir: text(15, 79, 58),
  insuredBirthDate: text(78, 79, 24),
  // Praticien
  practitionerName: text(120, 40, 78),
  practitionerAmNumber: text(120, 47, 40),
  practitionerAddress: text(120, 54, 78),
  practitionerCity: text(120, 61, 78),
  situationTitulaire: mark(120, 68),
  situationRemplacant: mark(150, 68),
  replacedPractitioner: text(120, 74, 78),
  // Prescription, entente préalable
  prescriber: text(15, 92, 72),
  prescriberIdentifier: text(90, 92, 30),
  prescriptionDate: text(125, 92, 24),
  priorAgreementDate: text(160, 92, 24),
  // Nature d'assurance, accident, ALD
  natureMaladie: mark(15, 102),
  natureMaternite: mark(45, 102),
  natureAtmp: mark(75, 102),
  atNumber: text(100, 101.5, 40),
  atDate: text(145, 101.5, 24),
  accidentTiersOui: mark(15, 110),
  accidentTiersNon: mark(35, 110),
  accidentDate: text(55, 109.5, 24),
  ald: mark(100, 110),
  ameAttestation: text(15, 117, 183),
  // Paiement
  amoNotPaid: mark(15, 230),
  amcNotPaid: mark(15, 237),
  amcOrganism: text(60, 236.5, 80),
  totalAmount: text(160, 222, 38, 5, 'right'),
  amcAmount: text(160, 236.5, 38, 5, 'right'),
} satisfies Record<string, OverlayField>;

export type OverlayFieldName = keyof typeof OVERLAY_FIELDS;

/** What the calibration page writes in each box (issue #19 item 14): the form's own words, never a code name. */
export const OVERLAY_FIELD_LABELS: Record<OverlayFieldName, string> = {
  copyMention: 'Mention (original, duplicata)',
  invoiceNumber: 'N° de facture',
  patientName: 'Nom et prénom du patient',
  patientNir: 'N° d’immatriculation du patient',
  patientBirthDate: 'Date de naissance',
  patientBirthRank: 'Rang',
  caisseCodes: 'Régime, caisse, centre',
  patientAddress: 'Adresse du patient',
  insuredName: 'Nom et prénom de l’assuré',
  insuredNir: 'N° d’immatriculation de l’assuré',
  insuredBirthDate: 'Date de naissance de l’assuré',
  practitionerName: 'Nom du praticien',
  practitionerAmNumber: 'N° de facturation (AM)',
  practitionerAddress: 'Adresse du cabinet',
  practitionerCity: 'Code postal et ville',
  situationTitulaire: 'Titulaire',
  situationRemplacant: 'Remplaçant',
  replacedPractitioner: 'Praticien remplacé',
  prescriber: 'Prescripteur',
  prescriberIdentifier: 'Identifiant du prescripteur',
  prescriptionDate: 'Date de prescription',
  priorAgreementDate: 'Entente préalable',
  natureMaladie: 'Maladie',
  natureMaternite: 'Maternité',
  natureAtmp: 'AT/MP',
  atNumber: 'N° d’accident du travail',
  atDate: 'Date de l’AT',
  accidentTiersOui: 'Tiers : oui',
  accidentTiersNon: 'Tiers : non',
  accidentDate: 'Date de l’accident',
  ald: 'ALD',
  ameAttestation: 'Attestation AME',
  amoNotPaid: 'Part obligatoire non payée',
  amcNotPaid: 'Complémentaire non payée',
  amcOrganism: 'Organisme complémentaire',
  totalAmount: 'Montant total',
  amcAmount: 'Part complémentaire',
};

/** The acts: `rows` lines from `top`, `rowHeight` apart; a feuille with more acts continues on another form. */
export const OVERLAY_LINES = {
  top: 135,
  rowHeight: 8,
  rows: 10,
  columns: {
    date: text(15, 0, 22),
    act: text(39, 0, 30),
    session: text(71, 0, 14, 5, 'center'),
    quantity: text(87, 0, 10, 5, 'right'),
    amount: text(99, 0, 22, 5, 'right'),
    qualificatif: text(123, 0, 8, 5, 'center'),
  },
} as const;

export type OverlayLineColumn = keyof typeof OVERLAY_LINES.columns;

export const OVERLAY_LINE_LABELS: Record<OverlayLineColumn, string> = {
  date: 'Date',
  act: 'Acte',
  session: 'Séance',
  quantity: 'Qté',
  amount: 'Montant',
  qualificatif: 'Qualif.',
};

export const MM = 72 / 25.4;
