/**
 * What the printed bordereau d'envoi needs, decided and computed by the backend: the batch of paper
 * feuilles de soins a practitioner sends to one caisse. Money in cents, dates ISO.
 */
export interface BordereauModel {
  bordereau: {
    number: number; // gapless per practitioner
    sentOn: string;
    createdAt: string; // ISO timestamp
    cancelled: { at: string; reason: string } | null;
    duplicata: boolean;
  };
  practitioner: {
    profession: 'infirmier' | 'masseur-kinesitherapeute';
    lastName: string;
    firstName: string;
    amNumber: string;
    rpps: string | null;
    addressLine: string;
    postalCode: string;
    city: string;
    phone: string | null;
  };
  destination: { regime: string; caisse: string };
  invoices: {
    number: number;
    patientName: string;
    nir: string;
    firstActDate: string | null;
    lastActDate: string | null;
    ame: boolean;
    totalCents: number;
    /** The tiers-payant part the caisse pays. */
    expectedCents: number;
  }[];
  totals: { count: number; ameCount: number; totalCents: number; expectedCents: number };
  notice: string;
}
