/**
 * The forfaits outside art. 11B and the travel fee they lead to: only the BSI forfaits (BSA/BSB/BSC, the DI bilan)
 * and AMX acts make a patient dependent (IFI); a téléconsultation accompaniment beside a planned care keeps the visit's IFD.
 */
import { describe, expect, it } from 'vitest';
import { priceVisit } from '../../../core/cotation/price-visit.ts';
import type { Practice, Visit, VisitAct } from '../../../core/cotation/types.ts';
import { fileCatalogue } from '../../helpers/catalogue.ts';

const catalogue = fileCatalogue();
const nurse: Practice = { profession: 'infirmier', tariffZone: 'metropole', ikZone: 'plaine', postalCode: '75011' };
const homeVisit = (date: string, acts: VisitAct[]): Visit => ({
  date, time: '10:00', place: 'domicile', householdRank: 1, distanceTenths: null, urgent: false, imperativePrescription: false,
  coordination: 'aucune', twoSessionsJustified: false, acts,
});
const priced = (v: Visit) => priceVisit(v, catalogue, nurse, { birthDate: '1950-06-15' });
const lines = (v: Visit) => priced(v).lines.map((l) => `${l.code} ${l.coefficient} ${l.ratePercent} ${l.amountCents}`).sort();

describe('forfaits outside art. 11B and the travel fee', () => {
  // « TLS (acte à 10 €) quand l'acte est réalisé lors d'un soin infirmier déja prévu. … cet acte est associable à
  // taux plein avec les actes réalisés au cours de la même séance » (et-gestion.com, « Comment coter l’accompagnement
  // d’un patient lors d’une téléconsultation »). IFI is the dependent (BSI) patient's fee (décision UNCAM du 18/07/2019).
  it('a dressing with a téléconsultation accompaniment: AMI 2 + TLS + IFD, not IFI', () => {
    const v = homeVisit('2025-02-10', [{ code: 'AMI', coefficient: 200, key: 'idel-pansement-simple' }, { code: 'TLS', coefficient: 100, key: 'idel-aide-teleconsultation' }]);
    expect(lines(v)).toEqual(['AMI 200 100 630', 'IFD 100 100 275', 'TLS 100 100 1000']);
    expect(priced(v).lines.find((l) => l.code === 'TLS')!.explanation).toContain('accompagnement du patient à une téléconsultation');
  });
  // The same forfaits typed by hand (no act picked): « associable à taux plein avec les actes réalisés au cours de la
  // même séance » (et-gestion.com, TLS); the BSI bilan DI outside art. 11B (décision UNCAM du 18/07/2019). A typed
  // code finds its catalogue row's group, not the 50 % of an ordinary act.
  it('a TLS or a DI typed without picking the act stays at full rate', () => {
    expect(lines(homeVisit('2025-02-10', [{ code: 'AMI', coefficient: 200 }, { code: 'TLS', coefficient: 100 }]))).toEqual(['AMI 200 100 630', 'IFD 100 100 275', 'TLS 100 100 1000']);
    expect(lines(homeVisit('2025-02-10', [{ code: 'AMI', coefficient: 100 }, { code: 'DI', coefficient: 250 }]))).toEqual(['AMI 100 100 315', 'DI 250 100 2500', 'IFI 100 100 275']);
  });
  // FNI « ne zappez pas la date »: IFD and IFI 2,75 € from 28/01/2024; a BSB day is a dependent patient's visit.
  it('a BSI day still takes the IFI', () => {
    expect(lines(homeVisit('2024-03-12', [{ code: 'BSB', coefficient: 100, key: 'idel-bsb' }]))).toEqual(['BSB 100 100 1820', 'IFI 100 100 275']);
  });
  // NGAP art. 13 (décision UNCAM du 18/07/2019), quoted by osteolareunion.com « Frais kilométriques et indemnisations
  // possibles » : IFI « possible à chaque déplacement réalisé pour des soins liés à la dépendance dès lors qu'un
  // forfait BSA, BSB ou BSC ou DI dans le cadre de l'article 12 du chapitre I, est facturé le même jour au patient » ;
  // orionsante.fr « NGAP - Frais de déplacement IDEL » : the IFI goes « avec les trois niveaux de forfaits BSA, BSB,
  // BSC, ou lors d'une démarche infirmière initiale ». The BSI bilan at home is a dependent patient's visit: IFI.
  it('a BSI bilan (DI 2,5) at home takes the IFI, not the IFD', () => {
    expect(lines(homeVisit('2024-03-12', [{ code: 'DI', coefficient: 250, key: 'idel-bsi-initial' }]))).toEqual(['DI 250 100 2500', 'IFI 100 100 275']);
  });
});
