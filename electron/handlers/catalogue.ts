/**
 * Réglages → Tarifs → « Importer une mise à jour »: a catalogue file is previewed (adds, changes, ends, with
 * dates) then applied through `applyCatalogue`, the same function the shipped catalogue's migration uses
 * (DESIGN §7). Validated invoices keep their lines and frozen print model: only drafts are priced anew.
 */
import { applyCatalogue, listCatalogueVersions, previewCatalogue } from '../../db/catalogue-apply.ts';
import type { AreaHandlers } from './types.ts';

export const catalogueHandlers: AreaHandlers<'catalogue/versions' | 'catalogue/preview-update' | 'catalogue/apply-update'> = {
  'catalogue/versions': (_input, ctx) => listCatalogueVersions(ctx.db),
  'catalogue/preview-update': ({ content }, ctx) => previewCatalogue(ctx.db, content),
  'catalogue/apply-update': ({ content, checksum }, ctx) =>
    applyCatalogue(ctx.db, content, { origin: 'import', now: ctx.clock.nowIso(), expectedChecksum: checksum }),
};
