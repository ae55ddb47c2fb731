/**
 * The same frozen model printed as data only, placed in the boxes of the CPAM pre-printed form
 * (overlay-layout.ts), shifted by the practitioner's printer offsets. Also the calibration page.
 */
import type { FeuilleDeSoinsModel } from './model.ts';
import { MM, OVERLAY_FIELD_LABELS, OVERLAY_FIELDS, OVERLAY_FONT_SIZE, OVERLAY_LINE_LABELS, OVERLAY_LINES, OVERLAY_MIN_SIZE, type OverlayBox, type OverlayField, type OverlayFieldName, type OverlayLineColumn } from './overlay-layout.ts';
import { ameRightsOnPaper } from './sections/billing.ts';
import { replacedOnPaper } from './sections/identity.ts';
import { sessionOnPaper } from './sections/acts-table.ts';
import { INK, PAGE, textLine, type Doc } from '../shared/pdf-helpers.ts';
import { renderPdf, type PageRange } from '../shared/pdf-document.ts';
import { lineColumns } from '../../core/domain/acts.ts';
import { formatEuros, formatFrDate, formatFrTimestampDate, formatNir } from '../shared/format-fr.ts';

export interface PrintOffsets {
  xMm: number;
  yMm: number;
}

/** One value in its box, in points on the page (offsets applied). */
export interface Placement {
  page: number; // 0-based within the feuille
  field: string;
  kind: 'text' | 'mark';
  text: string;
  box: OverlayBox; // points
  align: 'left' | 'right' | 'center';
}

const toPoints = (b: OverlayBox, o: PrintOffsets, dy = 0): OverlayBox => ({
  x: (b.x + o.xMm) * MM,
  y: (b.y + dy + o.yMm) * MM,
  w: b.w * MM,
  h: b.h * MM,
});

/** Every value of the feuille and where it goes: pure, so the tests check it against the layout table. */
export function overlayPlacements(m: FeuilleDeSoinsModel, offsets: PrintOffsets): Placement[] {
  const sheets = Math.max(1, Math.ceil(m.lines.length / OVERLAY_LINES.rows));
  const out: Placement[] = [];
  const put = (page: number, field: string, f: OverlayField, value: string | boolean, dy = 0) => {
    if (value === '' || value === false) return;
    out.push({ page, field, kind: f.kind, text: value === true ? 'X' : value, box: toPoints(f, offsets, dy), align: f.kind === 'mark' ? 'center' : (f.align ?? 'left') });
  };
  const F = OVERLAY_FIELDS;
  const p = m.practitioner;
  const b = m.patient;
  const c = m.circumstances;
  for (let page = 0; page < sheets; page++) {
    const head = (field: keyof typeof F, value: string | boolean) => put(page, field, F[field], value);
    head('copyMention', [m.invoice.status === 'cancelled' ? 'ANNULÉE' : '', m.invoice.duplicata ? 'DUPLICATA' : ''].filter(Boolean).join(' — '));
    head('invoiceNumber', `Facture n° ${m.invoice.number} du ${formatFrTimestampDate(m.invoice.validatedAt)}${sheets > 1 ? ` — ${page + 1}/${sheets}` : ''}`);
    head('patientName', `${b.lastName.toUpperCase()}${b.usageName ? ` (${b.usageName.toUpperCase()})` : ''} ${b.firstName}`);
    head('patientNir', formatNir(b.nir));
    head('patientBirthDate', formatFrDate(b.birthDate));
    head('patientBirthRank', String(b.birthRank));
    head('caisseCodes', [b.regime, b.caisse, b.centre].map((v) => v ?? '—').join(' / '));
    head('patientAddress', [b.addressLine, [b.postalCode, b.city].filter(Boolean).join(' ')].filter(Boolean).join(', '));
    if (m.insured.quality === 'ayant_droit') {
      head('insuredName', `${m.insured.lastName.toUpperCase()} ${m.insured.firstName}`);
      head('insuredNir', formatNir(m.insured.nir));
      head('insuredBirthDate', m.insured.birthDate ? formatFrDate(m.insured.birthDate) : '');
    }
    head('practitionerName', `${p.lastName.toUpperCase()} ${p.firstName}`);
    head('practitionerAmNumber', p.amNumber);
    head('practitionerAddress', p.addressLine);
    head('practitionerCity', `${p.postalCode} ${p.city}`);
    head('situationTitulaire', p.situation === 'titulaire');
    head('situationRemplacant', p.situation === 'remplacant');
    head('replacedPractitioner', p.situation === 'remplacant' && p.replaced ? replacedOnPaper(p.replaced) : '');
    if (m.prescription) {
      head('prescriber', `Dr ${m.prescription.prescriberName}`);
      head('prescriberIdentifier', m.prescription.prescriberIdentifier);
      head('prescriptionDate', formatFrDate(m.prescription.date));
    }
    head('priorAgreementDate', c.priorAgreementDate ? formatFrDate(c.priorAgreementDate) : '');
    head('natureMaladie', c.insuranceNature === 'maladie');
    head('natureMaternite', c.insuranceNature === 'maternite');
    head('natureAtmp', c.insuranceNature === 'atmp');
    head('atNumber', c.atNumber ?? '');
    head('atDate', c.atDate ? formatFrDate(c.atDate) : '');
    head('accidentTiersOui', c.thirdPartyAccident);
    head('accidentTiersNon', !c.thirdPartyAccident);
    head('accidentDate', c.accidentDate ? formatFrDate(c.accidentDate) : '');
    head('ald', m.billing.ald);
    head('ameAttestation', m.ameRights ? `AME : ${ameRightsOnPaper(m.ameRights)}` : '');
    head('amoNotPaid', m.billing.tiersPayantAmo);
    head('amcNotPaid', m.billing.tiersPayantAmc);
    head('amcOrganism', m.billing.amcOrganism ? `${m.billing.amcOrganism.name} ${m.billing.amcOrganism.number}` : '');
    if (page === sheets - 1) {
      head('totalAmount', formatEuros(m.totals.totalCents));
      head('amcAmount', m.billing.amcOrganism ? formatEuros(m.totals.amcCents) : '');
    }
    m.lines.slice(page * OVERLAY_LINES.rows, (page + 1) * OVERLAY_LINES.rows).forEach((line, i) => {
      const dy = OVERLAY_LINES.top + i * OVERLAY_LINES.rowHeight;
      const col = OVERLAY_LINES.columns;
      put(page, `line${i}.date`, col.date, formatFrDate(line.actDate), dy);
      put(page, `line${i}.act`, col.act, lineColumns(line).act, dy);
      put(page, `line${i}.session`, col.session, sessionOnPaper(line.sessionNumber, m.prescription?.sessionsPrescribed).replace('n° ', ''), dy);
      put(page, `line${i}.quantity`, col.quantity, lineColumns(line).quantity, dy);
      put(page, `line${i}.amount`, col.amount, formatEuros(line.amountCents), dy);
      put(page, `line${i}.qualificatif`, col.qualificatif, line.qualificatif ?? '', dy);
    });
  }
  return out;
}

/** The largest size ≤ 9 pt at which `text` fits the box width (never below 6 pt; then it is cut with « … »). */
function fittingSize(doc: Doc, text: string, width: number): number {
  doc.font('regular');
  for (let size = OVERLAY_FONT_SIZE; size > OVERLAY_MIN_SIZE; size -= 0.5) {
    if (doc.fontSize(size).widthOfString(text) <= width) return size;
  }
  return OVERLAY_MIN_SIZE;
}

/** Lays one feuille out as overlay sheets from the current page on. */
export function layoutOverlay(doc: Doc, m: FeuilleDeSoinsModel, offsets: PrintOffsets): PageRange {
  const start = doc.bufferedPageRange().count - 1;
  const placements = overlayPlacements(m, offsets);
  const sheets = Math.max(...placements.map((p) => p.page)) + 1;
  for (let page = 0; page < sheets; page++) {
    if (page > 0) doc.addPage();
    for (const pl of placements.filter((x) => x.page === page)) {
      const size = pl.kind === 'mark' ? OVERLAY_FONT_SIZE : fittingSize(doc, pl.text, pl.box.w);
      const y = pl.box.y + (pl.box.h - size * 1.15) / 2;
      textLine(doc, pl.text, pl.box.x, y, pl.box.w, { size, align: pl.align, font: pl.kind === 'mark' ? 'bold' : 'regular', color: INK });
    }
  }
  return { start, count: doc.bufferedPageRange().count - start };
}

/** Overlay feuilles (one or a batch); no footer or stamp: only the data lands on the form. */
export function renderOverlayFeuilles(
  items: readonly { model: FeuilleDeSoinsModel; offsets: PrintOffsets }[],
  opts: { fontsDir: string; title: string; createdAt: string },
): Promise<Buffer> {
  const first = items[0];
  if (!first) throw new Error('nothing to print');
  const author = `${first.model.practitioner.firstName} ${first.model.practitioner.lastName}`;
  return renderPdf({ title: opts.title, author, createdAt: opts.createdAt }, opts.fontsDir, (doc) => {
    items.forEach(({ model, offsets }, i) => {
      if (i > 0) doc.addPage();
      layoutOverlay(doc, model, offsets);
    });
  });
}

/**
 * Calibration page, printed on plain paper and laid over a CPAM form against the light: a 10 mm grid
 * with its millimetre labels, corner marks, and every box of the layout table (offsets applied).
 */
export function renderCalibration(offsets: PrintOffsets, opts: { fontsDir: string; createdAt: string; practitioner: string }): Promise<Buffer> {
  return renderPdf({ title: 'Page de calibrage — formulaire CPAM', author: opts.practitioner, createdAt: opts.createdAt }, opts.fontsDir, (doc) => {
    doc.lineWidth(0.2).strokeColor('#b8c2d0');
    for (let mm = 0; mm <= 210; mm += 10) doc.moveTo(mm * MM, 0).lineTo(mm * MM, PAGE.height).stroke();
    for (let mm = 0; mm <= 297; mm += 10) doc.moveTo(0, mm * MM).lineTo(PAGE.width, mm * MM).stroke();
    for (let mm = 20; mm <= 190; mm += 20) textLine(doc, String(mm), mm * MM + 1, 1.5 * MM, 20, { size: 6, color: '#5b6474' });
    for (let mm = 20; mm <= 280; mm += 20) textLine(doc, String(mm), 1 * MM, mm * MM + 1, 20, { size: 6, color: '#5b6474' });
    // Corner marks 10 mm in from each edge, shifted like the data.
    doc.lineWidth(0.8).strokeColor(INK);
    for (const [cx, cy] of [[10, 10], [200, 10], [10, 287], [200, 287]] as const) {
      const x = (cx + offsets.xMm) * MM;
      const y = (cy + offsets.yMm) * MM;
      doc.moveTo(x - 4 * MM, y).lineTo(x + 4 * MM, y).stroke().moveTo(x, y - 4 * MM).lineTo(x, y + 4 * MM).stroke();
    }
    const boxes: [string, OverlayField, number][] = [
      ...Object.entries(OVERLAY_FIELDS).map(([name, f]): [string, OverlayField, number] => [OVERLAY_FIELD_LABELS[name as OverlayFieldName], f, 0]),
      ...Array.from({ length: OVERLAY_LINES.rows }, (_, i) =>
        Object.entries(OVERLAY_LINES.columns).map(([name, f]): [string, OverlayField, number] => [
          i === 0 ? OVERLAY_LINE_LABELS[name as OverlayLineColumn] : '',
          f,
          OVERLAY_LINES.top + i * OVERLAY_LINES.rowHeight,
        ]),
      ).flat(),
    ];
    doc.lineWidth(0.6).strokeColor('#1d5d8f');
    for (const [name, f, dy] of boxes) {
      const b = toPoints(f, offsets, dy);
      doc.rect(b.x, b.y, b.w, b.h).stroke();
      // Tick boxes are too small for their name: it goes on their right.
      if (name && f.kind === 'mark') textLine(doc, name, b.x + b.w + 1, b.y + 1, 28 * MM, { size: 5, color: '#1d5d8f' });
      else if (name) textLine(doc, name, b.x + 1, b.y + 1, b.w - 2, { size: 5, color: '#1d5d8f' });
    }
    textLine(doc, 'Page de calibrage — formulaire CPAM pré-imprimé', 40 * MM, 22 * MM, 130 * MM, { font: 'bold', size: 11, align: 'center' });
    textLine(doc, `Décalages actuels : horizontal ${fr(offsets.xMm)} mm, vertical ${fr(offsets.yMm)} mm — ${opts.practitioner}`, 40 * MM, 27 * MM, 130 * MM, { size: 8, align: 'center' });
    const help = [
      'Imprimez cette page sur papier blanc, posez-la sur un formulaire vierge contre une fenêtre.',
      'Si les cadres bleus tombent à droite des cases, diminuez le décalage horizontal (en mm) ; à gauche, augmentez-le.',
      'S’ils tombent trop bas, diminuez le décalage vertical ; trop haut, augmentez-le. Réglages → Impression.',
    ];
    help.forEach((line, i) => textLine(doc, line, 15 * MM, (265 + i * 5) * MM, 180 * MM, { size: 8 }));
  });
}

const fr = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
