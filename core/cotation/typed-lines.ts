/**
 * Lines typed by hand (« saisie libre ») carry no hour and no condition: the majorations that need them
 * are refused there rather than accepted blindly (NGAP art. 14; MAU, CPAM guide art. 23.1). The visit
 * entry prices them with their conditions.
 */
import { formatFrDate } from '../domain/dates.ts';
import { holidayOn, weekday } from './holidays.ts';

export interface TypedLine {
  actDate: string;
  code: string;
  coefficient: number; // hundredths
}

const VISIT_HINT = 'saisissez une visite (onglet Actes, « Saisie par visite ») pour que la majoration soit calculée avec sa condition.';

/** The first typed line a rule refuses, with its index and French message; null when all pass. */
export function refuseTypedLine(lines: readonly TypedLine[], postalCode: string): { index: number; message_fr: string } | null {
  for (const [index, l] of lines.entries()) {
    if (l.code === 'MN' || l.code === 'MNP') {
      return { index, message_fr: `${l.code} : l'heure et l'urgence ne figurent pas sur une ligne saisie à la main ; ${VISIT_HINT}` };
    }
    if (l.code === 'MD' && weekday(l.actDate) !== 0 && holidayOn(l.actDate, postalCode) === null) {
      return { index, message_fr: `MD refusée : le ${formatFrDate(l.actDate)} n'est ni un dimanche ni un jour férié (NGAP art. 14). Pour un appel urgent le samedi après 8h, ${VISIT_HINT}` };
    }
    if (l.code === 'MAU') {
      const others = lines.filter((o) => o.actDate === l.actDate && !['MAU', 'IFD', 'IFI', 'IKP', 'IKM', 'IKS', 'MD', 'MN', 'MNP', 'MCI', 'MIE'].includes(o.code));
      const single = others.length === 1 && others[0]!.code === 'AMI' && (others[0]!.coefficient === 100 || others[0]!.coefficient === 150);
      if (!single) return { index, message_fr: `MAU refusée : le ${formatFrDate(l.actDate)}, elle ne s'applique qu'à un acte unique coté AMI 1 ou AMI 1,5.` };
    }
  }
  return null;
}
