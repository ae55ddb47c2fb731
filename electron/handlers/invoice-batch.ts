/**
 * Batch printing: the feuilles of several validated invoices in one PDF, each rendered from its frozen
 * model. An invoice already printed comes out as « Duplicata »; one never printed is the original.
 */
import { DomainError, notFound } from '../../core/api/result.ts';
import type { ParsedInput } from '../../core/api/contract.ts';
import type { DocumentRef, Invoice } from '../../core/domain/types.ts';
import { getBordereau } from '../../db/follow-up-repo.ts';
import { getInvoice } from '../../db/invoices-repo.ts';
import type { HandlerContext } from '../context.ts';
import { printRecorded, unusedDocumentName } from './invoice-document.ts';
import { addDays } from '../../core/domain/dates.ts';

type BatchInput = ParsedInput<'invoices/print-batch'>;

function selectInvoices(ctx: HandlerContext, input: BatchInput): { invoices: Invoice[]; name: string } {
  const load = (ids: readonly number[]) => ids.map((id) => getInvoice(ctx.db, id)).filter((i): i is Invoice => i !== null);
  if (input.kind === 'invoices') {
    const invoices = load([...new Set(input.invoiceIds)]);
    if (invoices.length !== new Set(input.invoiceIds).size) throw notFound('Facture');
    if (invoices.some((i) => i.status === 'draft')) {
      throw new DomainError('invalid-input', "Un brouillon ne s'imprime pas : validez-le d'abord avec « Imprimer ».", 'invoiceIds');
    }
    return { invoices, name: `feuilles-${invoices[0]!.practitionerId}-${String(invoices[0]!.number).padStart(6, '0')}-x${invoices.length}` };
  }
  if (input.kind === 'bordereau') {
    const b = getBordereau(ctx.db, input.bordereauId);
    if (!b) throw notFound('Bordereau');
    const ids = (ctx.db.prepare('SELECT invoice_id FROM bordereau_invoices WHERE bordereau_id = ?').all(b.id) as { invoice_id: number }[]).map((r) => r.invoice_id);
    return { invoices: load(ids), name: `feuilles-bordereau-${b.practitionerId}-${String(b.number).padStart(5, '0')}` };
  }
  // The day's validated invoices, by the practice's calendar (a validation at 23:30 belongs to that day).
  const rows = ctx.db
    .prepare(
      `SELECT id, validated_at FROM invoices WHERE status = 'validated' AND validated_at >= ? AND validated_at < ?
       ${input.practitionerId === undefined ? '' : 'AND practitioner_id = ?'}`,
    )
    .all(...[addDays(input.date, -1), addDays(input.date, 2), ...(input.practitionerId === undefined ? [] : [input.practitionerId])]) as {
    id: number;
    validated_at: string;
  }[];
  const ids = rows.filter((r) => ctx.clock.dateOf(r.validated_at) === input.date).map((r) => r.id);
  return { invoices: load(ids), name: `feuilles-du-${input.date}${input.practitionerId === undefined ? '' : `-${input.practitionerId}`}` };
}

export async function printBatch(input: BatchInput, ctx: HandlerContext): Promise<{ document: DocumentRef; count: number }> {
  const { invoices, name } = selectInvoices(ctx, input);
  if (invoices.length === 0) {
    throw new DomainError('not-found', input.kind === 'day' ? 'Aucune facture validée ce jour-là : rien à imprimer.' : 'Aucune feuille de soins à imprimer.');
  }
  invoices.sort((a, b) => a.practitionerId - b.practitionerId || (a.number ?? 0) - (b.number ?? 0));
  // Every batch gets its own file: a later batch never overwrites the original of an earlier one.
  const { document } = await printRecorded(
    ctx,
    invoices.map((i) => i.id),
    {
      layout: input.layout ?? null,
      fileName: (_invoices, _duplicata, layout) => unusedDocumentName(ctx, `${name}${layout === 'overlay' ? '-formulaire' : ''}`),
      audit: (i, fileName) => ({ number: i.number, batch: fileName }),
      meta: { title: `Feuilles de soins (${invoices.length})`, createdAt: ctx.clock.nowIso() },
    },
  );
  return { document, count: invoices.length };
}
