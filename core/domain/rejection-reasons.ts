/**
 * The usual reasons a caisse sends a paper feuille de soins back, with the fix the desk should make. The
 * desk picks one (or « Autre » with free text); the code is kept beside the text on the rejection.
 *
 * Sources: the causes practices meet most (identity / NIR and rights, prescription missing or invalid, NGAP
 * cotation, late or duplicate sending) as listed by https://www.agatheyou.fr/vos-questions/traiter-rejet-cpam
 * and https://www.rocheblave.com/controle-cpam-infirmiers-contester-anomalies-facturation (doubles facturations,
 * prescriptions périmées); the 8-day paper sending in tiers payant is art. R. 161-47 I 2° b CSS, which does not
 * take away the right to be paid when late (Cass. civ. 2, 8 Oct 2015, n° 14-20.252); the claim period is
 * 2 years (art. L. 332-1 CSS) — the « 15 mois » of SESAM-Vitale does not apply to paper.
 */
export interface RejectionReason {
  code: string;
  label: string;
  fix: string;
}

export const REJECTION_REASONS: readonly RejectionReason[] = [
  { code: 'droits', label: 'Droits non ouverts à la date des soins', fix: "Vérifiez l'attestation AME ou les droits du patient à la date des soins ; refaites la facture sur la bonne période ou avec la bonne couverture." },
  { code: 'identite', label: 'NIR / NIA ou identité erronés', fix: 'Corrigez le NIR/NIA, le nom ou la date de naissance dans le dossier du patient, annulez la facture et refaites-la.' },
  { code: 'caisse', label: 'Mauvaise caisse destinataire', fix: 'Corrigez le régime et la caisse du patient, puis envoyez la facture refaite dans un bordereau pour la bonne caisse.' },
  { code: 'prescription', label: 'Prescription absente, illisible ou périmée', fix: "Joignez une copie lisible de l'ordonnance datée et signée couvrant les soins ; demandez-en une nouvelle au prescripteur si besoin." },
  { code: 'cotation', label: 'Cotation NGAP non conforme (code, coefficient, cumul)', fix: "Vérifiez la cotation selon la NGAP (cumuls, majorations, coefficients), annulez la facture et refaites-la." },
  { code: 'doublon', label: 'Facture en double', fix: "Vérifiez si la facture a déjà été payée (Suivi, relevé bancaire) ; sinon joignez un courrier d'explication." },
  { code: 'signature', label: 'Signature du patient ou du praticien manquante', fix: 'Faites signer la feuille de soins (duplicata) et renvoyez-la.' },
  { code: 'piece', label: 'Pièce justificative manquante (attestation AME, DAP, accord préalable)', fix: "Joignez la pièce demandée (copie de l'attestation AME, accord préalable) et renvoyez." },
  { code: 'autre', label: 'Autre motif', fix: 'Précisez le motif indiqué par la caisse.' },
];

export const rejectionReason = (code: string): RejectionReason | undefined => REJECTION_REASONS.find((r) => r.code === code);
