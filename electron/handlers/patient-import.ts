import { guessMapping, layoutKey } from '../../core/domain/patient-import.ts';
import { savedMapping } from '../../db/import-layouts-repo.ts';
import { importPatients } from '../patient-import/import-patients.ts';
import { readImportFile } from '../patient-import/read-file.ts';
import type { AreaHandlers } from './types.ts';

const PREVIEW_ROWS = 5;

export const patientImportHandlers: AreaHandlers<'patients-import/preview' | 'patients-import/run'> = {
  'patients-import/preview': async ({ fileName, contentBase64 }, ctx) => {
    const table = await readImportFile(fileName, Buffer.from(contentBase64, 'base64'));
    const saved = savedMapping(ctx.db, layoutKey(table.headers));
    return {
      headers: table.headers,
      sample: table.rows.slice(0, PREVIEW_ROWS),
      rowCount: table.rows.length,
      mapping: saved ?? guessMapping(table.headers),
      remembered: saved !== null,
    };
  },

  'patients-import/run': async ({ fileName, contentBase64, mapping }, ctx) =>
    importPatients(ctx, await readImportFile(fileName, Buffer.from(contentBase64, 'base64')), mapping),
};
