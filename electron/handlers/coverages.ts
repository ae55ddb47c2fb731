import { DomainError, notFound } from '../../core/api/result.ts';
import { inTransaction } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import {
  findOrganismByNumber,
  getCoverage,
  getOrganism,
  insertCoverage,
  insertOrganism,
  listCoverages,
  listOrganisms,
  updateCoverage,
} from '../../db/coverages-repo.ts';
import { requirePatient } from './patients.ts';
import type { AreaHandlers } from './types.ts';

export const coverageHandlers: AreaHandlers<
  'organisms/list' | 'organisms/create' | 'coverages/list' | 'coverages/add' | 'coverages/update'
> = {
  'organisms/list': (_input, ctx) => listOrganisms(ctx.db),

  'organisms/create': (input, ctx) =>
    inTransaction(ctx.db, () => {
      if (findOrganismByNumber(ctx.db, input.number)) {
        throw new DomainError('conflict', `L'organisme ${input.number} existe déjà dans le catalogue.`, 'number');
      }
      const now = ctx.clock.nowIso();
      const organism = insertOrganism(ctx.db, input, now);
      recordAudit(ctx.db, now, 'organism', organism.id, 'create', null, organism);
      return organism;
    }),

  'coverages/list': ({ patientId }, ctx) => {
    requirePatient(ctx, patientId);
    return listCoverages(ctx.db, patientId, ctx.clock.today());
  },

  'coverages/add': (input, ctx) =>
    inTransaction(ctx.db, () => {
      requirePatient(ctx, input.patientId);
      if (!getOrganism(ctx.db, input.organismId)) throw notFound('Organisme');
      const now = ctx.clock.nowIso();
      const coverage = insertCoverage(ctx.db, input, now, ctx.clock.today());
      recordAudit(ctx.db, now, 'coverage', coverage.id, 'create', null, coverage);
      return coverage;
    }),

  'coverages/update': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const today = ctx.clock.today();
      const before = getCoverage(ctx.db, input.id, today);
      if (!before) throw notFound('Couverture');
      const after = updateCoverage(ctx.db, { ...input, contractCode: input.contractCode === undefined ? before.contractCode : input.contractCode }, today);
      recordAudit(ctx.db, ctx.clock.nowIso(), 'coverage', input.id, 'update', before, after);
      return after;
    }),
};
