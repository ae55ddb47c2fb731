import type { Practitioner } from '../../../core/domain/types.ts';
import { PractitionerForm } from '../settings/PractitionerForm.tsx';

/**
 * First run on an empty data folder: the practice and its first practitioner (profession, AM/RPPS, zone…)
 * in one form — the same PractitionerForm as Réglages, so every field it gains appears here too.
 */
export function SetupPage(props: { onSaved(p: Practitioner): void }) {
  return (
    <section className="setup">
      <h1>Bienvenue dans Feuillet</h1>
      <p>
        Avant la première facture, renseignez le cabinet et le praticien qui facture : ces informations figurent sur chaque feuille de
        soins. Vous pourrez ajouter un autre praticien (collaborateur, remplaçant) dans les Réglages.
      </p>
      <PractitionerForm onSaved={props.onSaved} />
    </section>
  );
}

/** The one-line guide shown on Patients right after the setup. */
export const AME_GUIDE =
  "Pour une facture AME : Nouveau patient (NIA en 7 ou 8) → onglet Complémentaire, droits AME → Facturer → actes → Imprimer : la facture est mise en forme AME d'elle-même.";
