/** What a refused series operation must leave as it was: the row counts of the tables it could write. */
import type { TestBackend } from '../../helpers/test-backend.ts';

export const seriesState = (t: TestBackend): string =>
  ['care_series', 'planned_visits', 'invoice_planned_visits', 'invoices', 'audit_log'].map((table) => `${table}:${t.count(table)}`).join(' ');
