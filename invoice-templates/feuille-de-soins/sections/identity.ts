import type { FeuilleDeSoinsModel } from '../model.ts';
import { box, CONTENT_WIDTH, drawTitleBlock, labelled, PAGE, textLine, type Doc } from '../../shared/pdf-helpers.ts';
import { formatFrDate, formatFrTimestampDate, formatNir } from '../../shared/format-fr.ts';
import { professionOnPaper } from '../../shared/model.ts';

/**
 * Title, invoice number and date. A paper-only feuille is the original (« Feuille de soins »); a reprint
 * is marked « DUPLICATA » and keeps the original's number and date (BILLING-RULES §9, CSS R161-47).
 */
export function drawHeader(doc: Doc, m: FeuilleDeSoinsModel): number {
  const x = PAGE.margin;
  let y = drawTitleBlock(doc, {
    title: 'Feuille de soins — Auxiliaires médicaux',
    subtitle: 'Mode dégradé (sans carte Vitale)',
    number: `Facture n° ${m.invoice.number}`,
    dateLine: `du ${formatFrTimestampDate(m.invoice.validatedAt)}`,
    duplicata: m.invoice.duplicata,
    boxWidth: 175,
  });
  if (m.billing.ame) {
    doc.rect(x, y, CONTENT_WIDTH, 18).fillColor('#e6f4ec').fill();
    textLine(doc, "Aide médicale de l'État (AME de base) — tiers payant intégral, rien à la charge du patient", x + 8, y + 4.5, CONTENT_WIDTH - 16, {
      font: 'bold',
      size: 9,
      color: '#14512f',
    });
    y += 24;
  }
  return y;
}

export function drawPractitionerAndPatient(doc: Doc, m: FeuilleDeSoinsModel, top: number): number {
  const half = (CONTENT_WIDTH - 10) / 2;
  const h = m.practitioner.situation === 'remplacant' ? 122 : 98;
  const x1 = PAGE.margin;
  const x2 = PAGE.margin + half + 10;
  const p = m.practitioner;
  let y = box(doc, `Praticien — ${professionOnPaper[p.profession]}`, x1, top, half, h);
  const w = half - 12;
  textLine(doc, `${p.lastName.toUpperCase()} ${p.firstName}`, x1 + 6, y, w, { font: 'bold', size: 9.5 });
  labelled(doc, 'N° de facturation AM', p.amNumber, x1 + 6, y + 14, w);
  labelled(doc, 'RPPS', p.rpps ?? '', x1 + 6, y + 26, w);
  textLine(doc, p.addressLine, x1 + 6, y + 39, w);
  textLine(doc, `${p.postalCode} ${p.city}${p.phone ? ` — Tél. ${p.phone}` : ''}`, x1 + 6, y + 51, w);
  labelled(doc, "Situation d'exercice", p.situation === 'remplacant' ? 'Remplaçant' : 'Titulaire', x1 + 6, y + 64, w);
  if (p.situation === 'remplacant' && p.replaced) {
    labelled(doc, 'Praticien remplacé', `${p.replaced.lastName.toUpperCase()} ${p.replaced.firstName}`, x1 + 6, y + 76, w);
    labelled(doc, 'N° de facturation du remplacé', p.replaced.amNumber, x1 + 6, y + 88, w);
  }

  const b = m.patient;
  y = box(doc, 'Bénéficiaire des soins (patient)', x2, top, half, h);
  const name = `${b.lastName.toUpperCase()} ${b.firstName}`;
  // Long composed names shrink (down to 7 pt) before being cut.
  let size = 9.5;
  doc.font('bold');
  while (size > 7 && doc.fontSize(size).widthOfString(name) > w) size -= 0.5;
  textLine(doc, name, x2 + 6, y, w, { font: 'bold', size });
  labelled(doc, 'Né(e) le', `${formatFrDate(b.birthDate)}   Rang : ${b.birthRank}`, x2 + 6, y + 14, w);
  labelled(doc, 'NIR / NIA', formatNir(b.nir), x2 + 6, y + 26, w);
  labelled(doc, 'Régime / caisse / centre', [b.regime, b.caisse, b.centre].map((v) => v ?? '—').join(' / '), x2 + 6, y + 38, w);
  textLine(doc, [b.addressLine, [b.postalCode, b.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || 'Adresse non renseignée', x2 + 6, y + 51, w, {
    size: 8.5,
  });
  if (b.usageName) labelled(doc, "Nom d'usage", b.usageName.toUpperCase(), x2 + 6, y + 64, w);
  return top + h + 8;
}

export function drawInsuredAndPrescription(doc: Doc, m: FeuilleDeSoinsModel, top: number): number {
  const half = (CONTENT_WIDTH - 10) / 2;
  const h = 66;
  const x1 = PAGE.margin;
  const x2 = PAGE.margin + half + 10;
  const w = half - 12;
  let y = box(doc, 'Assuré(e)', x1, top, half, h);
  if (m.insured.quality === 'assure') {
    textLine(doc, "Le patient est l'assuré(e).", x1 + 6, y, w, { size: 9 });
  } else {
    textLine(doc, `${m.insured.lastName.toUpperCase()} ${m.insured.firstName} (patient ayant droit)`, x1 + 6, y, w, { font: 'bold', size: 9.5 });
    labelled(doc, 'NIR', formatNir(m.insured.nir), x1 + 6, y + 14, w);
    labelled(doc, 'Né(e) le', m.insured.birthDate ? formatFrDate(m.insured.birthDate) : '', x1 + 6, y + 26, w);
  }
  y = box(doc, 'Prescription', x2, top, half, h);
  if (m.prescription) {
    const pr = m.prescription;
    textLine(doc, `Dr ${pr.prescriberName}${pr.prescriberSpecialty ? ` — ${pr.prescriberSpecialty}` : ''}`, x2 + 6, y, w, { font: 'bold', size: 9.5 });
    labelled(doc, 'Identifiant', pr.prescriberIdentifier, x2 + 6, y + 14, w);
    labelled(doc, 'Date de prescription', formatFrDate(pr.date), x2 + 6, y + 26, w);
  } else {
    textLine(doc, 'Sans prescription', x2 + 6, y, w, { size: 9 });
  }
  return top + h + 8;
}

/** « DUPONT Marie — AM 123456789 ». */
export function replacedOnPaper(r: NonNullable<FeuilleDeSoinsModel['practitioner']['replaced']>): string {
  return `${r.lastName.toUpperCase()} ${r.firstName} — AM ${r.amNumber}`;
}
