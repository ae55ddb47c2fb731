import { DomainError } from '../../core/api/result.ts';
import { inTransaction } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { actExists, deleteModel, findModelByName, insertModel, listFavourites, listModels, loadCatalogue, setFavourite } from '../../db/catalogue-repo.ts';
import { practiceOf } from './cotation-pricing.ts';
import { requirePractitioner } from './invoice-drafts.ts';
import { requirePatient } from './patients.ts';
import type { AreaHandlers } from './types.ts';

export const cotationHandlers: AreaHandlers<'cotation/context' | 'cotation/catalogue' | 'cotation/set-favourite' | 'cotation/save-model' | 'cotation/delete-model'> = {
  'cotation/context': ({ practitionerId, patientId }, ctx) => {
    const practitioner = requirePractitioner(ctx, practitionerId);
    return {
      practice: practiceOf(practitioner),
      patientBirthDate: patientId === undefined ? null : requirePatient(ctx, patientId).birthDate,
      catalogue: loadCatalogue(ctx.db, practitioner.profession),
      favourites: listFavourites(ctx.db, practitionerId),
      models: listModels(ctx.db, practitionerId),
    };
  },

  'cotation/catalogue': ({ profession }, ctx) => loadCatalogue(ctx.db, profession),

  'cotation/set-favourite': ({ practitionerId, key, on }, ctx) =>
    inTransaction(ctx.db, () => {
      requirePractitioner(ctx, practitionerId);
      if (!actExists(ctx.db, key)) throw new DomainError('not-found', 'Acte introuvable dans le catalogue.', 'key');
      setFavourite(ctx.db, practitionerId, key, on, ctx.clock.nowIso());
      return listFavourites(ctx.db, practitionerId);
    }),

  'cotation/save-model': ({ practitionerId, name, acts }, ctx) =>
    inTransaction(ctx.db, () => {
      requirePractitioner(ctx, practitionerId);
      if (findModelByName(ctx.db, practitionerId, name)) {
        throw new DomainError('conflict', `Un modèle « ${name} » existe déjà : choisissez un autre nom.`, 'name');
      }
      const now = ctx.clock.nowIso();
      const stored = acts.map((a) => ({ key: a.key ?? null, code: a.code, coefficient: Math.round(a.coefficient * 100) }));
      const id = insertModel(ctx.db, practitionerId, name, stored, now);
      recordAudit(ctx.db, now, 'act-model', id, 'create', null, { name, acts: stored });
      return listModels(ctx.db, practitionerId);
    }),

  'cotation/delete-model': ({ practitionerId, id }, ctx) =>
    inTransaction(ctx.db, () => {
      if (!deleteModel(ctx.db, practitionerId, id)) throw new DomainError('not-found', 'Modèle introuvable.');
      recordAudit(ctx.db, ctx.clock.nowIso(), 'act-model', id, 'delete', null, null);
      return listModels(ctx.db, practitionerId);
    }),
};
