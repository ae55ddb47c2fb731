// The catalogue as the engine sees it, read straight from the data files (ids are row numbers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_DIR } from '../../db/catalogue-bundle.ts';
import type { Catalogue, CatalogueAct, CatalogueTariff, CoefficientStep } from '../../core/cotation/types.ts';
import type { Profession } from '../../core/domain/types.ts';

const read = (f: string) => JSON.parse(readFileSync(join(CATALOGUE_DIR, f), 'utf8')) as Record<string, unknown>[];

export function fileCatalogue(): Catalogue {
  const tariffs: CatalogueTariff[] = read('tariffs.json').map((r, i) => ({
    id: i + 1,
    profession: r.profession as Profession,
    code: r.code as string,
    zone: r.zone as 'metropole' | 'dom',
    label: r.label as string,
    unitCents: r.cents as number,
    effectiveFrom: r.from as string,
    effectiveTo: (r.to as string | undefined) ?? null,
    verifyNote: (r.verify as string | undefined) ?? null,
    source: r.source as string,
  }));
  const acts: CatalogueAct[] = read('acts.json').map((r) => ({
    key: r.key as string,
    profession: r.profession as Profession,
    code: r.code as string,
    coefficient: r.coefficient as number | null,
    label: r.label as string,
    ngap: r.ngap as string,
    group: r.group as CatalogueAct['group'],
    keywords: r.keywords as string,
    effectiveFrom: r.from as string,
    effectiveTo: (r.to as string | undefined) ?? null,
    verifyNote: (r.verify as string | undefined) ?? null,
    source: r.source as string,
  }));
  const steps: CoefficientStep[] = read('coefficient-steps.json').map((r) => ({
    profession: r.profession as Profession,
    codes: r.codes as string,
    from: r.from as number,
    to: r.to as number,
    date: r.date as string,
    verifyNote: (r.verify as string | undefined) ?? null,
    source: r.source as string,
  }));
  return { tariffs, acts, steps };
}
