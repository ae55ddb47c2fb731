export { formatEuros } from '../../core/domain/money.ts';
export { formatFrDate } from '../../core/domain/dates.ts';
export { formatNir, isAmePossible } from '../../core/domain/nir.ts';
