/**
 * Relances and the Tableau de bord. A relance lists invoices unpaid after the payer's delay, to one caisse or
 * to one patient; it is recorded on each invoice's history (and the audit log) in one transaction, then printed.
 */
import { DomainError } from '../../core/api/result.ts';
import { destinationKey } from '../../core/domain/follow-up.ts';
import type { RelanceDue } from '../../core/domain/relances.ts';
import { inTransaction } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { dashboardFigures } from '../../db/dashboard-repo.ts';
import { getRelance, getRelanceDelays, insertRelance, listRelancesDue, setRelanceDelays } from '../../db/relances-repo.ts';
import { printAfterCommit } from './print-after-commit.ts';
import { requirePractitioner } from './invoice-drafts.ts';
import { printRelance } from './relance-document.ts';
import type { AreaHandlers } from './types.ts';

/** One letter goes to one caisse, or to one patient. */
function checkOneAddressee(due: readonly RelanceDue[]): void {
  const first = due[0]!;
  if (first.addressee === 'caisse') {
    const other = due.find((d) => destinationKey({ regime: d.regime ?? '', caisse: d.caisse ?? '' }) !== destinationKey({ regime: first.regime ?? '', caisse: first.caisse ?? '' }));
    if (other) throw new DomainError('invalid-input', `Une relance va à une seule caisse : la facture n° ${other.number} relève d'une autre caisse que la facture n° ${first.number}.`, 'invoiceIds');
  } else {
    const other = due.find((d) => d.patientId !== first.patientId);
    if (other) throw new DomainError('invalid-input', `Une relance au patient concerne un seul patient : la facture n° ${other.number} est celle de ${other.patientName}.`, 'invoiceIds');
  }
}

export const relanceHandlers: AreaHandlers<'relances/due' | 'relances/create' | 'relances/delays' | 'relances/set-delays' | 'dashboard/figures'> = {
  'relances/due': ({ practitionerId, addressee }, ctx) => {
    requirePractitioner(ctx, practitionerId);
    const due = listRelancesDue(ctx.db, { practitionerId, today: ctx.clock.today(), delays: getRelanceDelays(ctx.db) });
    return addressee ? due.filter((d) => d.addressee === addressee) : due;
  },

  'relances/create': async ({ practitionerId, addressee, invoiceIds }, ctx) => {
    const { relance, due, createdAt } = inTransaction(ctx.db, () => {
      requirePractitioner(ctx, practitionerId);
      const today = ctx.clock.today();
      const all = listRelancesDue(ctx.db, { practitionerId, today, delays: getRelanceDelays(ctx.db), invoiceIds }).filter((d) => d.addressee === addressee);
      const missing = invoiceIds.find((id) => !all.some((d) => d.invoiceId === id));
      if (missing !== undefined) {
        throw new DomainError('conflict', "Une des factures choisies n'est pas à relancer (réglée, pas encore envoyée, ou dans le délai fixé dans Réglages).", 'invoiceIds');
      }
      const due = invoiceIds.map((id) => all.find((d) => d.invoiceId === id)!);
      checkOneAddressee(due);
      const now = ctx.clock.nowIso();
      const id = insertRelance(ctx.db, { practitionerId, addressee, sentOn: today, createdAt: now }, due);
      for (const d of due) recordAudit(ctx.db, now, 'invoice', d.invoiceId, 'relance', null, { relanceId: id, addressee, awaitedCents: d.awaitedCents });
      return { relance: getRelance(ctx.db, id)!, due, createdAt: now };
    });
    const document = await printAfterCommit(`relance ${relance.id}`, () => printRelance(ctx, relance, due, createdAt));
    return { relance, document };
  },

  'relances/delays': (_input, ctx) => getRelanceDelays(ctx.db),

  'relances/set-delays': (delays, ctx) =>
    inTransaction(ctx.db, () => {
      const before = getRelanceDelays(ctx.db);
      setRelanceDelays(ctx.db, delays);
      recordAudit(ctx.db, ctx.clock.nowIso(), 'settings', 1, 'relance-delays', before, delays);
      return getRelanceDelays(ctx.db);
    }),

  'dashboard/figures': ({ practitionerId, months }, ctx) => {
    if (practitionerId !== undefined) requirePractitioner(ctx, practitionerId);
    return dashboardFigures(ctx.db, { practitionerId, months, today: ctx.clock.today() });
  },
};
