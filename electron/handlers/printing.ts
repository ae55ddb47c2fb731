/** Réglages → Impression: plain paper or the CPAM pre-printed form, printer offsets, calibration page. */
import { notFound } from '../../core/api/result.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { getPractitioner, setPrintSettings } from '../../db/billing-repo.ts';
import { inTransaction } from '../../db/connection.ts';
import { deleteCaisse, getCaisse, listCaisses, saveCaisse } from '../../db/caisses-repo.ts';
import { saveDocument } from './invoice-document.ts';
import type { AreaHandlers } from './types.ts';

export const printingHandlers: AreaHandlers<
  'practitioners/set-print-settings' | 'practitioners/print-calibration' | 'caisses/list' | 'caisses/save' | 'caisses/delete'
> = {
  'caisses/list': (_input, ctx) => listCaisses(ctx.db),

  'caisses/save': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const before = getCaisse(ctx.db, input.regime, input.caisse);
      const now = ctx.clock.nowIso();
      const after = saveCaisse(ctx.db, input, now);
      recordAudit(ctx.db, now, 'caisse', Number(`${input.regime}${input.caisse}`), before ? 'update' : 'create', before, after);
      return after;
    }),

  'caisses/delete': ({ regime, caisse }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = getCaisse(ctx.db, regime, caisse);
      if (!before) throw notFound('Caisse');
      deleteCaisse(ctx.db, regime, caisse);
      recordAudit(ctx.db, ctx.clock.nowIso(), 'caisse', Number(`${regime}${caisse}`), 'delete', before, null);
      return { deleted: true as const };
    }),

  'practitioners/set-print-settings': ({ practitionerId, layout, xMm, yMm }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = getPractitioner(ctx.db, practitionerId);
      if (!before) throw notFound('Praticien');
      const now = ctx.clock.nowIso();
      const after = setPrintSettings(ctx.db, practitionerId, { layout, xMm: Math.round(xMm * 10) / 10, yMm: Math.round(yMm * 10) / 10 }, now);
      recordAudit(ctx.db, now, 'practitioner', practitionerId, 'print-settings', before.printSettings, after.printSettings);
      return after;
    }),

  'practitioners/print-calibration': async ({ practitionerId }, ctx) => {
    const practitioner = getPractitioner(ctx.db, practitionerId);
    if (!practitioner) throw notFound('Praticien');
    const { renderCalibration } = await import('../../invoice-templates/feuille-de-soins/overlay.ts');
    const pdf = await renderCalibration(practitioner.printSettings, {
      fontsDir: ctx.fontsDir,
      createdAt: ctx.clock.nowIso(),
      practitioner: `${practitioner.firstName} ${practitioner.lastName}`,
    });
    return saveDocument(ctx, `calibrage-formulaire-${practitionerId}.pdf`, pdf);
  },
};
