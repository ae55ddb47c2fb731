import { listAudit } from '../../db/audit-repo.ts';
import { lowSpaceWarning } from '../disk-space.ts';
import type { AreaHandlers } from './types.ts';

/** Said plainly in the app and the README: paper only, no télétransmission. */
export const NOTICE_FR =
  "Feuillet n'est pas certifié SESAM-Vitale et ne télétransmet pas : il imprime les feuilles de soins papier (mode dégradé) et les bordereaux, et tient le suivi du cabinet. Pour l'AME de base, la caisse n'envoie aucun retour électronique.";

export const appHandlers: AreaHandlers<'app/info' | 'audit/list'> = {
  'app/info': (_input, ctx) => ({
    version: ctx.appVersion,
    transport: ctx.transport,
    dataDir: ctx.dataDir,
    today: ctx.clock.today(),
    notice_fr: NOTICE_FR,
    diskWarning: lowSpaceWarning(ctx.dataDir),
  }),
  'audit/list': ({ entity, entityId }, ctx) => listAudit(ctx.db, entity, entityId),
};
