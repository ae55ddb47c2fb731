/** The « Expéditeur » box of the letters sent with the feuilles (bordereau d'envoi, relance): who writes. */
import { box, labelled, textLine, type Doc } from './pdf-helpers.ts';
import { professionOnPaper, type PractitionerOnPaper } from './model.ts';

export function drawSenderBox(doc: Doc, p: PractitionerOnPaper, x: number, top: number, width: number, height: number): void {
  const w = width - 12;
  const y = box(doc, `Expéditeur — ${professionOnPaper[p.profession]}`, x, top, width, height);
  textLine(doc, `${p.lastName.toUpperCase()} ${p.firstName}`, x + 6, y, w, { font: 'bold', size: 9.5 });
  labelled(doc, 'N° de facturation AM', p.amNumber, x + 6, y + 14, w);
  labelled(doc, 'RPPS', p.rpps ?? '', x + 6, y + 27, w);
  textLine(doc, `${p.addressLine}, ${p.postalCode} ${p.city}`, x + 6, y + 40, w, { size: 8.5 });
}
