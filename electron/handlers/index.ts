import type { Handlers } from './types.ts';
import { appHandlers } from './app.ts';
import { patientHandlers } from './patients.ts';
import { coverageHandlers } from './coverages.ts';
import { billingHandlers } from './billing.ts';
import { invoiceHandlers } from './invoices.ts';
import { followUpHandlers } from './follow-up.ts';
import { backupHandlers } from './backups.ts';
import { cotationHandlers } from './cotation.ts';
import { catalogueHandlers } from './catalogue.ts';
import { printingHandlers } from './printing.ts';
import { seriesHandlers } from './series.ts';
import { seriesVisitHandlers } from './series-visits.ts';
import { attachmentHandlers } from './attachments.ts';
import { billPeriod, printPeriod } from './series-billing.ts';
import { transferHandlers } from './transfers.ts';
import { statementHandlers } from './statements.ts';
import { relanceHandlers } from './relances.ts';
import { patientImportHandlers } from './patient-import.ts';
import { patientFileHandlers } from './patient-file.ts';

/** The whole handler map. `satisfies` makes a missing or extra method a type error. */
export const handlers = {
  ...appHandlers,
  ...patientHandlers,
  ...coverageHandlers,
  ...billingHandlers,
  ...invoiceHandlers,
  ...followUpHandlers,
  ...backupHandlers,
  ...cotationHandlers,
  ...catalogueHandlers,
  ...printingHandlers,
  ...seriesHandlers,
  ...seriesVisitHandlers,
  ...attachmentHandlers,
  'series/bill-period': (input, ctx) => billPeriod(ctx, input),
  'series/print-period': (input, ctx) => printPeriod(ctx, input),
  ...transferHandlers,
  ...statementHandlers,
  ...relanceHandlers,
  ...patientImportHandlers,
  ...patientFileHandlers,
} satisfies Handlers;
