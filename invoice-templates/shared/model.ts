/** Parts of the view models that several printed documents share. */

/** The practitioner as printed: identity, billing numbers, cabinet address. */
export interface PractitionerOnPaper {
  profession: 'infirmier' | 'masseur-kinesitherapeute';
  lastName: string;
  firstName: string;
  amNumber: string;
  rpps: string | null;
  addressLine: string;
  postalCode: string;
  city: string;
  phone: string | null;
}

export const professionOnPaper = { infirmier: 'Infirmier·ère', 'masseur-kinesitherapeute': 'Masseur-kinésithérapeute' } as const;
