// Placeholder until the invoices area lands in this same change (see issue 3).
import { DomainError } from '../../core/api/result.ts';
import type { AreaHandlers } from './types.ts';

const notYet = (): never => {
  throw new DomainError('internal', 'Fonction pas encore disponible.');
};

export const invoiceHandlers: AreaHandlers<
  | 'invoices/create-draft' | 'invoices/update-draft' | 'invoices/set-ame' | 'invoices/check-rights'
  | 'invoices/validate' | 'invoices/print' | 'invoices/cancel' | 'invoices/reissue'
  | 'invoices/delete-draft' | 'invoices/get' | 'invoices/list'
> = {
  'invoices/create-draft': notYet,
  'invoices/update-draft': notYet,
  'invoices/set-ame': notYet,
  'invoices/check-rights': notYet,
  'invoices/validate': notYet,
  'invoices/print': notYet,
  'invoices/cancel': notYet,
  'invoices/reissue': notYet,
  'invoices/delete-draft': notYet,
  'invoices/get': notYet,
  'invoices/list': () => [],
};
