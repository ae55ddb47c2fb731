export type { ActModel, CatalogueAct } from '../../../../core/cotation/types.ts';
export type { CotationContext as CotationFacts } from '../../../../core/api/contract.ts';
