// Placeholder until the billing area lands in this same change (see issue 3).
import { DomainError } from '../../core/api/result.ts';
import type { AreaHandlers } from './types.ts';

const notYet = (): never => {
  throw new DomainError('internal', 'Fonction pas encore disponible.');
};

export const billingHandlers: AreaHandlers<
  | 'practitioners/list' | 'practitioners/create' | 'practitioners/update'
  | 'prescribers/list' | 'prescribers/create'
  | 'prescriptions/create' | 'prescriptions/list'
  | 'tariffs/list' | 'tariffs/add'
> = {
  'practitioners/list': () => [],
  'practitioners/create': notYet,
  'practitioners/update': notYet,
  'prescribers/list': () => [],
  'prescribers/create': notYet,
  'prescriptions/create': notYet,
  'prescriptions/list': () => [],
  'tariffs/list': () => [],
  'tariffs/add': notYet,
};
