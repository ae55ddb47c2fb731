/**
 * A patient's whole file as a PDF for the patient (right of access): identity, rights, prescriptions,
 * invoices and payments, in the bordereau's family of layout. Layout only.
 */
import type { PatientFileExport } from '../../core/domain/patient-file.ts';
import { patientDisplayName } from '../../core/domain/patient-name.ts';
import { CONTENT_WIDTH, drawTitleBlock, labelled, MUTED, PAGE, textLine, type Doc } from '../shared/pdf-helpers.ts';
import { BOTTOM_LIMIT, drawFooters, renderPdf } from '../shared/pdf-document.ts';
import { drawTableHeader, drawTableRow, type Column } from '../shared/table.ts';
import { formatEuros, formatFrDate, formatFrTimestampDate, formatNir } from '../shared/format-fr.ts';

const ROW = 16;
const PAYER = { amo: 'Caisse (AMO)', amc: 'Complémentaire / AME', patient: 'Patient' } as const;
const MODE = { virement: 'virement', cheque: 'chèque', especes: 'espèces' } as const;

function section(doc: Doc, title: string, y: number): number {
  if (y + 60 > BOTTOM_LIMIT) {
    doc.addPage();
    y = PAGE.margin;
  }
  textLine(doc, title, PAGE.margin, y + 6, CONTENT_WIDTH, { font: 'bold', size: 11 });
  return y + 24;
}

function table(doc: Doc, columns: Column[], rows: string[][], y: number, empty: string): number {
  if (rows.length === 0) {
    textLine(doc, empty, PAGE.margin, y, CONTENT_WIDTH, { size: 9, color: MUTED });
    return y + 16;
  }
  y = drawTableHeader(doc, columns, y);
  for (const cells of rows) {
    if (y + ROW > BOTTOM_LIMIT) {
      doc.addPage();
      y = drawTableHeader(doc, columns, PAGE.margin);
    }
    y = drawTableRow(doc, columns, cells, y, { height: ROW, size: 8 });
  }
  return y + 6;
}

const cols = (spec: [string, number, Column['align']][]): Column[] => {
  const fixed = spec.slice(0, -1).reduce((n, [, w]) => n + w, 0);
  return spec.map(([title, width, align], i) => ({ title, width: i === spec.length - 1 ? CONTENT_WIDTH - fixed : width, align }));
};

function layout(doc: Doc, f: PatientFileExport): void {
  const p = f.patient;
  let y = drawTitleBlock(doc, {
    title: 'Dossier patient',
    subtitle: 'Données enregistrées par le cabinet (droit d’accès, RGPD art. 15)',
    number: patientDisplayName(p),
    dateLine: `édité le ${formatFrTimestampDate(f.exportedAt)}`,
    duplicata: false,
    boxWidth: 200,
  });
  y = section(doc, 'Identité', y);
  const half = (CONTENT_WIDTH - 10) / 2;
  const x2 = PAGE.margin + half + 10;
  const left: [string, string][] = [
    ['Nom de naissance', p.lastName],
    ["Nom d'usage", p.usageName ?? ''],
    ['Prénom', p.firstName],
    ['Date de naissance', formatFrDate(p.birthDate)],
    ['Sexe', p.sex === 'F' ? 'féminin' : 'masculin'],
  ];
  const right: [string, string][] = [
    ['NIR / NIA', `${formatNir(p.nir)} (rang ${p.birthRank})`],
    ['Qualité', p.quality === 'assure' ? 'assuré·e' : `ayant droit de ${p.insuredFirstName ?? ''} ${p.insuredLastName ?? ''}`.trim()],
    ['Régime / caisse / centre', [p.regime, p.caisse, p.centre].filter(Boolean).join(' / ')],
    ['Adresse', [p.addressLine, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
    ['Téléphone', p.phone ?? ''],
  ];
  left.forEach(([l, v], i) => labelled(doc, l, v, PAGE.margin, y + i * 14, half));
  right.forEach(([l, v], i) => labelled(doc, l, v, x2, y + i * 14, half));
  y += 5 * 14 + 8;
  if (p.notes) {
    labelled(doc, 'Notes', p.notes.replace(/\s+/g, ' '), PAGE.margin, y, CONTENT_WIDTH);
    y += 18;
  }

  y = section(doc, 'Droits (couvertures)', y);
  y = table(
    doc,
    cols([['Organisme', 200, 'left'], ['Du', 70, 'left'], ['Au', 70, 'left'], ['Contrat', 50, 'left'], ['N° attestation', 0, 'left']]),
    f.coverages.map((c) => [c.organism.name, formatFrDate(c.startDate), formatFrDate(c.endDate), c.contractCode ?? '', c.attestationNumber ?? '']),
    y,
    'Aucun droit enregistré.',
  );

  y = section(doc, 'Prescriptions', y);
  y = table(
    doc,
    cols([['Date', 70, 'left'], ['Prescripteur', 170, 'left'], ['AME', 36, 'center'], ['Soins prescrits', 0, 'left']]),
    f.prescriptions.map((r) => [formatFrDate(r.prescriptionDate), `${r.prescriber.firstName} ${r.prescriber.lastName}`, r.ame ? 'oui' : '', r.plannedActs ?? (r.sessionsPrescribed ? `${r.sessionsPrescribed} séances` : '')]),
    y,
    'Aucune prescription enregistrée.',
  );

  y = section(doc, 'Factures et paiements', y);
  const rows: string[][] = [];
  for (const inv of f.invoices) {
    rows.push([inv.number === null ? 'brouillon' : `n° ${inv.number}`, inv.firstActDate ? formatFrDate(inv.firstActDate) : '', inv.ame ? 'oui' : '', inv.status === 'cancelled' ? 'annulée' : inv.status === 'draft' ? 'brouillon' : 'validée', formatEuros(inv.totalCents)]);
    for (const pay of inv.payments) {
      rows.push(['', `  reçu le ${formatFrDate(pay.receivedOn)}`, '', `${PAYER[pay.payer]}, ${MODE[pay.mode]}${pay.cancelledAt ? ' (annulé)' : ''}`, formatEuros(pay.amountCents)]);
    }
  }
  table(doc, cols([['Facture', 80, 'left'], ['Soins du', 110, 'left'], ['AME', 36, 'center'], ['État / payeur', 200, 'left'], ['Montant', 0, 'right']]), rows, y, 'Aucune facture.');
}

export function renderPatientFile(model: PatientFileExport, opts: { fontsDir: string; notice: string }): Promise<Buffer> {
  const meta = { title: `Dossier patient — ${patientDisplayName(model.patient)}`, author: 'Feuillet', createdAt: model.exportedAt };
  return renderPdf(meta, opts.fontsDir, (doc) => {
    layout(doc, model);
    drawFooters(doc, opts.notice);
  });
}
