import type { FeuilleDeSoinsModel } from '../model.ts';
import { box, checkbox, CONTENT_WIDTH, labelled, PAGE, textLine, MUTED, type Doc } from '../../shared/pdf-helpers.ts';
import { formatEuros, formatFrDate } from '../../shared/format-fr.ts';

/** Exonération, tiers payant boxes, rates and the complementary organism (AME 0075500017). */
export function drawConditions(doc: Doc, m: FeuilleDeSoinsModel, top: number): number {
  // The « Attestation AME » line needs its own row, clear of the box's bottom border (issue #19 item 13).
  const h = m.ameRights ? 94 : 78;
  const x = PAGE.margin;
  const y = box(doc, 'Conditions de prise en charge', x, top, CONTENT_WIDTH, h);
  const col = (CONTENT_WIDTH - 24) / 2;
  const b = m.billing;
  labelled(doc, 'Exonération', b.exonerationLabel, x + 6, y, col);
  labelled(doc, 'Part obligatoire (caisse)', `${b.amoRate} %`, x + 6, y + 13, col);
  labelled(doc, 'Part complémentaire', `${b.amcRate} %`, x + 6, y + 26, col);
  labelled(doc, 'Organisme complémentaire', b.amcOrganism ? `${b.amcOrganism.name} — ${b.amcOrganism.number}` : 'Aucun', x + 6, y + 39, col);
  const x2 = x + 18 + col;
  textLine(doc, 'Paiement', x2, y, col, { font: 'bold', size: 8.5 });
  checkbox(doc, "L'assuré n'a pas payé la part obligatoire", b.tiersPayantAmo, x2, y + 14, col);
  checkbox(doc, "L'assuré n'a pas payé la part complémentaire", b.tiersPayantAmc, x2, y + 29, col);
  checkbox(doc, 'Soins en rapport avec une ALD', b.ald, x2, y + 44, col);
  if (m.ameRights) labelled(doc, 'Attestation AME', ameRightsOnPaper(m.ameRights), x + 6, y + 54, CONTENT_WIDTH - 12);
  return top + h + 8;
}

/** « n° 123456 — code contrat 05 — droits du 01/03/2026 au 28/02/2027 ». */
export function ameRightsOnPaper(r: NonNullable<FeuilleDeSoinsModel['ameRights']>): string {
  return [
    `n° ${r.attestationNumber ?? 'non renseigné'}`,
    `code contrat ${r.contractCode ?? 'non renseigné'}`,
    `droits du ${formatFrDate(r.startDate)} au ${formatFrDate(r.endDate)}`,
  ].join(' — ');
}

export const insuranceNatureLabels = { maladie: 'Maladie', maternite: 'Maternité', atmp: 'AT/MP' } as const;

/** « AT n° 12345 du 02/11/2026 » (either part may be missing). */
export function atOnPaper(c: FeuilleDeSoinsModel['circumstances']): string {
  if (c.insuranceNature !== 'atmp') return '';
  return ['AT', c.atNumber ? `n° ${c.atNumber}` : '', c.atDate ? `du ${formatFrDate(c.atDate)}` : ''].filter(Boolean).join(' ');
}

/** Nature d'assurance (with the AT), accident caused by a third party, entente préalable. */
export function drawCircumstances(doc: Doc, m: FeuilleDeSoinsModel, top: number): number {
  const h = 52;
  const x = PAGE.margin;
  const c = m.circumstances;
  const y = box(doc, "Nature de l'assurance et circonstances", x, top, CONTENT_WIDTH, h);
  const natures = ['maladie', 'maternite', 'atmp'] as const;
  natures.forEach((n, i) => checkbox(doc, insuranceNatureLabels[n], c.insuranceNature === n, x + 6 + i * 82, y, 78));
  textLine(doc, atOnPaper(c), x + 6 + 3 * 82, y + 0.5, CONTENT_WIDTH - 12 - 3 * 82, { size: 8.5 });
  const col = (CONTENT_WIDTH - 24) / 2;
  labelled(
    doc,
    'Accident causé par un tiers',
    c.thirdPartyAccident ? `Oui — le ${c.accidentDate ? formatFrDate(c.accidentDate) : ''}` : 'Non',
    x + 6,
    y + 16,
    col,
  );
  labelled(
    doc,
    "Demande d'entente préalable",
    c.priorAgreementDate ? `du ${formatFrDate(c.priorAgreementDate)}` : 'Sans objet',
    x + 18 + col,
    y + 16,
    col,
  );
  return top + h + 8;
}

/** Totals and the signatures, kept together. Height: see TOTALS_HEIGHT. */
export const TOTALS_HEIGHT = 150;

export function drawTotalsAndSignatures(doc: Doc, m: FeuilleDeSoinsModel, top: number): number {
  const x = PAGE.margin;
  const w = 250;
  const tx = PAGE.width - PAGE.margin - w;
  const rows: [string, number, boolean][] = [
    ['Total des actes', m.totals.totalCents, true],
    [`Part obligatoire (${m.billing.amoRate} %)`, m.totals.amoCents, false],
    [`Part complémentaire (${m.billing.amcRate} %)`, m.totals.amcCents, false],
    ['Reste à payer par le patient', m.totals.patientCents, true],
  ];
  doc.lineWidth(0.7).strokeColor('#9aa3b0').rect(tx, top, w, rows.length * 16 + 6).stroke();
  rows.forEach(([label, cents, bold], i) => {
    const y = top + 5 + i * 16;
    textLine(doc, label, tx + 8, y, 150, { font: bold ? 'bold' : 'regular', size: 9 });
    textLine(doc, formatEuros(cents), tx + 150, y, w - 158, { font: bold ? 'bold' : 'regular', size: 9, align: 'right' });
  });
  doc.font('regular').fontSize(7.5).fillColor(MUTED);
  doc.text('Montants en euros, au tarif conventionnel en vigueur à la date de chaque acte.', x, top + 5, { width: CONTENT_WIDTH - w - 24 });
  const sy = top + rows.length * 16 + 20;
  const sw = (CONTENT_WIDTH - 10) / 2;
  box(doc, 'Signature du patient', x, sy, sw, 62);
  box(doc, 'Signature du praticien', x + sw + 10, sy, sw, 62);
  return sy + 70;
}
