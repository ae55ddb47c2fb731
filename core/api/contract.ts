/**
 * THE API contract: one table, method name → input schema → result type. IPC and the HTTP bridge
 * both go through `dispatch()`, which parses the input with the schema below before any handler runs.
 * Adding a feature = a method here, a handler in electron/handlers, a screen in renderer/.
 */
import * as z from 'zod';
import type {
  AuditEntry,
  Caisse,
  BackupInfo,
  EncryptedCopyInfo,
  Bordereau,
  BordereauSummary,
  Coverage,
  DocumentRef,
  FollowUpRow,
  FollowUpTotals,
  LedgerLine,
  Invoice,
  InvoiceFollowUp,
  InvoiceSummary,
  Organism,
  Patient,
  PatientSummary,
  Practitioner,
  Prescriber,
  Prescription,
  Tariff,
} from '../domain/types.ts';
import { id } from './schemas/common.ts';
import { builtSchema, lazySchema } from './lazy-schema.ts';
import {
  CoverageInput,
  CoverageUpdateInput,
  OrganismInput,
  PatientInput,
  PatientSearchInput,
  PatientUpdateInput,
} from './schemas/patients.ts';
import {
  InvoiceCancelInput,
  InvoiceCircumstancesInput,
  InvoiceCreateInput,
  InvoiceListInput,
  InvoicePrintBatchInput,
  InvoicePrintInput,
  CalibrationInput,
  PrintSettingsInput,
  CaisseInput,
  CaisseKeyInput,
  InvoiceSetAmeInput,
  InvoiceSetPractitionerInput,
  InvoiceSetPrescriptionInput,
  InvoiceUpdateDraftInput,
  InvoiceValidateInput,
  PractitionerInput,
  PractitionerUpdateInput,
  PrescriberInput,
  PrescriptionInput,
  TariffInput,
  TariffListInput,
} from './schemas/billing.ts';
import {
  BordereauCancelInput,
  BordereauCreateInput,
  BordereauListInput,
  FollowUpListInput,
  FollowUpTotalsInput,
  LedgerInput,
  PaymentCancelInput,
  PaymentInput,
  RejectionInput,
  RejectionWithdrawInput,
} from './schemas/follow-up.ts';
import { BackupFileInput } from './schemas/backups.ts';
import { CatalogueApplyInput, CatalogueByProfessionInput, CatalogueInput, CatalogueUpdateInput, FavouriteInput, ModelDeleteInput, ModelSaveInput } from './schemas/cotation.ts';
import type { CataloguePreview, CatalogueVersionInfo } from '../cotation/catalogue-file.ts';
import {
  StatementConfirmInput,
  StatementImportInput,
  StatementLinesInput,
  TransferAllocateCreditInput,
  TransferCancelInput,
  TransferListInput,
  TransferRecordInput,
  RelancesDueInput,
  RelanceCreateInput,
  RelanceDelaysInput,
  DashboardInput,
} from './schemas/money-in.ts';
import type { BankLineView, StatementImport, Transfer, TransferOutcome } from '../domain/money-in.ts';
import type { Relance, RelanceDelays, RelanceDue } from '../domain/relances.ts';
import type { DashboardFigures } from '../domain/dashboard.ts';
import { BackupOrCopyInput, EncryptCopyInput, RestoreEncryptedInput } from './schemas/encrypted-copies.ts';
import { ImportPreviewInput, ImportRunInput } from './schemas/patient-import.ts';
import type { ColumnMapping } from '../domain/patient-import.ts';
import type { ActModel, Catalogue, Practice, Problem } from '../cotation/types.ts';
import type { PlannedVisit, RoundEntry, SeriesView } from '../series/types.ts';
import {
  BillPeriodInput,
  PlannedVisitAddInput,
  PlannedVisitInput,
  PrintPeriodInput,
  RoundInput,
  SeriesByPatientInput,
  SeriesCreateInput,
  SeriesRuleInput,
  RoundVisitAddInput,
  TravelInput,
  AttachmentAddInput,
} from './schemas/series.ts';
import type { AttachmentInfo } from '../series/types.ts';

interface MethodSpec<I extends z.ZodType, O> {
  /** Built on first read (see lazy-schema.ts): a fresh process builds only the schemas of the methods it runs. */
  readonly input: I;
  /** Phantom: carries the result type. Never read at run time. */
  output: O;
}

const method = <I extends z.ZodType, O>(input: I): MethodSpec<I, O> => ({
  get input() {
    return builtSchema(input);
  },
  output: undefined as O,
});

const none = lazySchema(() => z.object({}).default({}));
const CatalogueInputWithPatient = lazySchema(() => CatalogueInput.extend({ patientId: id.optional() }));
const byId = lazySchema(() => z.object({ id }));
const byPatientId = lazySchema(() => z.object({ patientId: id }));
const AuditListInput = lazySchema(() => z.object({ entity: z.string().max(40), entityId: id }));

/** Where the AME coverage stands for the acts of an invoice (drives the on-the-spot offers). */
export interface AmeCoverageCheck {
  /** none: no AME coverage on file; covered: every act inside the rights; outside: some act outside. */
  status: 'none' | 'covered' | 'outside';
  /** The coverage the check used (the one covering most acts, else the latest). */
  coverage: Coverage | null;
  /** Dates of acts outside the rights. */
  datesOutside: string[];
  /** Rights end within two months of today. */
  endingSoon: boolean;
  message_fr: string | null;
}

export type ValidateOutcome =
  /** `document` is null when the PDF failed after the validation was saved: print it again. */
  | { kind: 'validated'; invoice: Invoice; document: DocumentRef | null }
  /** Not AME-formatted and the NIR/NIA starts with 7 or 8: ask « susceptible de bénéficier de l'AME ». */
  | { kind: 'ame-prompt'; message_fr: string }
  /** AME invoice with acts outside the rights on file: needs `confirmOutsideRights: true`. */
  | { kind: 'rights-warning'; message_fr: string; check: AmeCoverageCheck }
  /** Anti-rejection warnings (checks before Imprimer): needs `confirmWarnings: true`. Blocking ones are errors. */
  | { kind: 'checks-warning'; problems: Problem[] };

/** What the Actes tab needs to pick acts and price visits live with the same engine as the server. */
export interface CotationContext {
  practice: Practice;
  patientBirthDate: string | null;
  catalogue: Catalogue;
  favourites: string[];
  models: ActModel[];
}

/** « Facturer la période »: the drafts made, one per patient, prescription and AME status, split when the form is full. */
export interface BillPeriodResult {
  invoices: { invoice: Invoice; problems: Problem[]; warning_fr: string | null }[];
  /** Done visits that could not be billed (e.g. refused by the engine), with why; they stay unbilled. */
  refused: { plannedVisitId: number; patientId: number; date: string; message_fr: string }[];
}

/** The drafts of a period validated (gapless numbers) and printed in one PDF; those needing an answer stay drafts. */
export interface PrintPeriodResult {
  validated: Invoice[];
  pending: { invoiceId: number; kind: 'ame-prompt' | 'rights-warning' | 'checks-warning' | 'refused'; message_fr: string }[];
  document: DocumentRef | null;
}

export interface BackupsState {
  folder: string;
  backups: BackupInfo[];
  /** Encrypted copies (`….sqlite.age`) in the same folder, newest first. */
  encryptedCopies: EncryptedCopyInfo[];
  /** The backup a restore was asked for (applied at the next start), or null. */
  pendingRestore: string | null;
  /** The last restore applied at a start, or that could not be. */
  lastRestore: { at: string; fileName: string; ok: boolean; reason: string | null } | null;
}

export interface ImportPreview {
  headers: string[];
  /** The first rows, as read. */
  sample: string[][];
  rowCount: number;
  /** The mapping saved for this layout of columns, else a guess from the header names. */
  mapping: ColumnMapping;
  remembered: boolean;
}

export interface ImportResult {
  imported: number;
  ameRights: number;
  refused: { line: number; name: string; nir: string; reason: string }[];
  /** The refused rows as CSV (to download), or null. */
  reportCsv: string | null;
}

export interface AppInfo {
  version: string;
  transport: 'electron' | 'browser';
  dataDir: string;
  today: string;
  /** Shown plainly in the app: Feuillet prints paper, it does not télétransmit. */
  notice_fr: string;
  /** Little space left on the disk holding the data folder (French, with the folder), or null. */
  diskWarning: string | null;
}

export const contract = {
  'app/info': method<typeof none, AppInfo>(none),

  'patients/create': method<typeof PatientInput, Patient>(PatientInput),
  'patients/update': method<typeof PatientUpdateInput, Patient>(PatientUpdateInput),
  'patients/get': method<typeof byId, Patient>(byId),
  'patients/search': method<typeof PatientSearchInput, PatientSummary[]>(PatientSearchInput),
  'patients/archive': method<typeof byId, Patient>(byId),
  'patients/unarchive': method<typeof byId, Patient>(byId),

  'organisms/list': method<typeof none, Organism[]>(none),
  'organisms/create': method<typeof OrganismInput, Organism>(OrganismInput),

  'coverages/list': method<typeof byPatientId, Coverage[]>(byPatientId),
  'coverages/add': method<typeof CoverageInput, Coverage>(CoverageInput),
  'coverages/update': method<typeof CoverageUpdateInput, Coverage>(CoverageUpdateInput),

  'practitioners/list': method<typeof none, Practitioner[]>(none),
  'practitioners/create': method<typeof PractitionerInput, Practitioner>(PractitionerInput),
  'practitioners/update': method<typeof PractitionerUpdateInput, Practitioner>(PractitionerUpdateInput),
  /** Plain paper or CPAM pre-printed form, and the printer's offsets in mm (Réglages → Impression). */
  'practitioners/set-print-settings': method<typeof PrintSettingsInput, Practitioner>(PrintSettingsInput),
  /** The calibration page: 10 mm grid, corner marks and every box of the form layout, offsets applied. */
  'practitioners/print-calibration': method<typeof CalibrationInput, DocumentRef>(CalibrationInput),

  /** The caisses catalogue (Réglages): régime + caisse → name and postal address, the bordereau's addressee. */
  'caisses/list': method<typeof none, Caisse[]>(none),
  'caisses/save': method<typeof CaisseInput, Caisse>(CaisseInput),
  'caisses/delete': method<typeof CaisseKeyInput, { deleted: true }>(CaisseKeyInput),

  'prescribers/list': method<typeof none, Prescriber[]>(none),
  'prescribers/create': method<typeof PrescriberInput, Prescriber>(PrescriberInput),

  'prescriptions/create': method<typeof PrescriptionInput, Prescription>(PrescriptionInput),
  'prescriptions/list': method<typeof byPatientId, Prescription[]>(byPatientId),

  /** A care series from a prescription: the rule expands into planned visits (issue 15). */
  'series/create': method<typeof SeriesCreateInput, SeriesView>(SeriesCreateInput),
  'series/get': method<typeof byId, SeriesView>(byId),
  'series/list': method<typeof SeriesByPatientInput, SeriesView[]>(SeriesByPatientInput),
  /** Stops a series: its visits still planned are cancelled; done ones stay (and stay billable). */
  'series/cancel': method<typeof byId, SeriesView>(byId),
  /** A series' rhythm changed: its visits still to come are planned again; done, billed or skipped ones stay. */
  'series/update-rule': method<typeof SeriesRuleInput, SeriesView>(SeriesRuleInput),
  /** Move, skip, mark done (real hour) or not done (reason), or reopen a planned visit. */
  'series/visit': method<typeof PlannedVisitInput, PlannedVisit>(PlannedVisitInput),
  /** A visit added to a series by hand (on the round). */
  'series/add-visit': method<typeof PlannedVisitAddInput, PlannedVisit>(PlannedVisitAddInput),
  /** The series still running of a practitioner (to add a visit on the round). */
  'series/active': method<typeof CatalogueInput, { seriesId: number; patientId: number; patientName: string; label: string | null }[]>(CatalogueInput),
  /** The day's round of a practitioner, in time order. */
  'round/day': method<typeof RoundInput, RoundEntry[]>(RoundInput),
  /** « Ajouter une visite » on the round for a patient without a series (a one-visit series « Visite non prévue »). */
  'round/add-visit': method<typeof RoundVisitAddInput, PlannedVisit>(RoundVisitAddInput),
  /** « Facturer la période »: done and unbilled visits → drafts priced by the engine, each visit billed once. */
  'series/bill-period': method<typeof BillPeriodInput, BillPeriodResult>(BillPeriodInput),
  /** Validates the period's drafts and prints their feuilles in one PDF. */
  'series/print-period': method<typeof PrintPeriodInput, PrintPeriodResult>(PrintPeriodInput),
  /** One-way distance from the office, once per patient: prefills the IK of the series' visits. */
  'travel/get': method<typeof SeriesByPatientInput, { patientId: number; distanceKm: number | null }>(SeriesByPatientInput),
  'travel/set': method<typeof TravelInput, { patientId: number; distanceKm: number | null }>(TravelInput),

  /** A scan or photo of the ordonnance or the AME attestation, kept in the database (backed up with it). */
  'attachments/add': method<typeof AttachmentAddInput, AttachmentInfo>(AttachmentAddInput),
  'attachments/list': method<typeof SeriesByPatientInput, AttachmentInfo[]>(SeriesByPatientInput),
  /** An image as a data URL to show; a PDF opened like a printed document. */
  'attachments/open': method<typeof byId, { info: AttachmentInfo; dataUrl: string | null; document: DocumentRef | null }>(byId),

  'tariffs/list': method<typeof TariffListInput, Tariff[]>(TariffListInput),
  'tariffs/add': method<typeof TariffInput, Tariff>(TariffInput),

  /** The dated NGAP catalogue, favourites and models of a practitioner (act picker, live pricing). */
  'cotation/context': method<typeof CatalogueInputWithPatient, CotationContext>(CatalogueInputWithPatient),
  /** The whole catalogue of a profession (Réglages → Tarifs: acts and coefficient steps, « à vérifier »). */
  'cotation/catalogue': method<typeof CatalogueByProfessionInput, Catalogue>(CatalogueByProfessionInput),
  'cotation/set-favourite': method<typeof FavouriteInput, string[]>(FavouriteInput),
  'cotation/save-model': method<typeof ModelSaveInput, ActModel[]>(ModelSaveInput),
  'cotation/delete-model': method<typeof ModelDeleteInput, ActModel[]>(ModelDeleteInput),
  /** The catalogue versions applied to this database, newest first (the shipped one, then the updates read). */
  'catalogue/versions': method<typeof none, CatalogueVersionInfo[]>(none),
  /** What a catalogue update file would add, change and end, with dates; refuses a malformed, older or tampered file. Writes nothing. */
  'catalogue/preview-update': method<typeof CatalogueUpdateInput, CataloguePreview>(CatalogueUpdateInput),
  /** Applies the file previewed (same checksum) in one transaction, recorded and audited. */
  'catalogue/apply-update': method<typeof CatalogueApplyInput, CatalogueVersionInfo>(CatalogueApplyInput),
  /** Anti-rejection checks of a draft, as Imprimer will run them. */
  'invoices/checks': method<typeof byId, Problem[]>(byId),

  'invoices/create-draft': method<typeof InvoiceCreateInput, Invoice>(InvoiceCreateInput),
  'invoices/update-draft': method<typeof InvoiceUpdateDraftInput, Invoice>(InvoiceUpdateDraftInput),
  /** The « Aide médicale d'État » button (on) and its undo (off). */
  'invoices/set-ame': method<typeof InvoiceSetAmeInput, { invoice: Invoice; coverage: AmeCoverageCheck }>(InvoiceSetAmeInput),
  /** Nature d'assurance (AT number/date), accident caused by a third party, entente préalable of a draft. */
  'invoices/set-circumstances': method<typeof InvoiceCircumstancesInput, Invoice>(InvoiceCircumstancesInput),
  'invoices/check-rights': method<typeof byId, AmeCoverageCheck>(byId),
  /** Changes who bills a draft (acts re-priced for the new profession). */
  'invoices/set-practitioner': method<typeof InvoiceSetPractitionerInput, Invoice>(InvoiceSetPractitionerInput),
  /** Attaches, replaces or (null) removes the prescription of a draft. */
  'invoices/set-prescription': method<typeof InvoiceSetPrescriptionInput, Invoice>(InvoiceSetPrescriptionInput),
  /** Imprimer: validates (gapless number), then prints; or asks the AME prompt / the rights warning. */
  'invoices/validate': method<typeof InvoiceValidateInput, ValidateOutcome>(InvoiceValidateInput),
  /** Prints again (duplicata) a validated or cancelled invoice; `layout` overrides the practitioner's setting. */
  'invoices/print': method<typeof InvoicePrintInput, DocumentRef>(InvoicePrintInput),
  /** One PDF of several feuilles (fonts parsed once): a list, a bordereau's feuilles, or a day's validated invoices. */
  'invoices/print-batch': method<typeof InvoicePrintBatchInput, { document: DocumentRef; count: number }>(InvoicePrintBatchInput),
  'invoices/cancel': method<typeof InvoiceCancelInput, Invoice>(InvoiceCancelInput),
  /** New draft copied from a cancelled invoice, linked to it. */
  'invoices/reissue': method<typeof byId, Invoice>(byId),
  'invoices/delete-draft': method<typeof byId, { deleted: true }>(byId),
  'invoices/get': method<typeof byId, Invoice>(byId),
  'invoices/list': method<typeof InvoiceListInput, InvoiceSummary[]>(InvoiceListInput),

  /** The practice's own follow-up (no electronic return for AME de base): what to send, what is awaited. */
  'follow-up/list': method<typeof FollowUpListInput, FollowUpRow[]>(FollowUpListInput),
  'follow-up/totals': method<typeof FollowUpTotalsInput, FollowUpTotals>(FollowUpTotalsInput),
  'follow-up/invoice': method<typeof byId, InvoiceFollowUp>(byId),
  /** A batch of paper feuilles de soins for one caisse: gapless number, printed bordereau. */
  'bordereaux/create': method<typeof BordereauCreateInput, { bordereau: Bordereau; document: DocumentRef | null }>(BordereauCreateInput),
  'bordereaux/list': method<typeof BordereauListInput, BordereauSummary[]>(BordereauListInput),
  'bordereaux/get': method<typeof byId, Bordereau>(byId),
  'bordereaux/print': method<typeof byId, DocumentRef>(byId),
  /** Its invoices go back to « à envoyer »; the bordereau stays, shown as annulé. */
  'bordereaux/cancel': method<typeof BordereauCancelInput, Bordereau>(BordereauCancelInput),
  'payments/add': method<typeof PaymentInput, InvoiceFollowUp>(PaymentInput),
  'payments/cancel': method<typeof PaymentCancelInput, InvoiceFollowUp>(PaymentCancelInput),
  'rejections/add': method<typeof RejectionInput, InvoiceFollowUp>(RejectionInput),
  /** Payments received over a period: the livre des recettes (the UI exports it as CSV for the accountant). */
  'payments/ledger': method<typeof LedgerInput, LedgerLine[]>(LedgerInput),
  'rejections/withdraw': method<typeof RejectionWithdrawInput, InvoiceFollowUp>(RejectionWithdrawInput),

  /** Money in (issue #16): a transfer allocated to a bordereau or to invoices; a bank statement pointed. */
  'transfers/record': method<typeof TransferRecordInput, TransferOutcome>(TransferRecordInput),
  /** Spreads the credit left on a live transfer onto invoices, each for what it still owes; the rest stays credit. */
  'transfers/allocate-credit': method<typeof TransferAllocateCreditInput, TransferOutcome>(TransferAllocateCreditInput),
  /** Undoes every allocation of the transfer at once (audited); its bank line can be pointed again. */
  'transfers/cancel': method<typeof TransferCancelInput, Transfer>(TransferCancelInput),
  'transfers/get': method<typeof byId, Transfer>(byId),
  'transfers/list': method<typeof TransferListInput, Transfer[]>(TransferListInput),
  /** CSV, OFX or CAMT.053: parsed off the main thread, each credit stored once under its stable identity. */
  'statements/import': method<typeof StatementImportInput, StatementImport>(StatementImportInput),
  'statements/lines': method<typeof StatementLinesInput, BankLineView[]>(StatementLinesInput),
  /** Points a credit: a transfer on that bank line, allocated to the bordereau or invoices chosen. */
  'statements/confirm': method<typeof StatementConfirmInput, TransferOutcome>(StatementConfirmInput),
  /** Invoices unpaid after the payer's delay (Réglages), to remind the caisse or the patient about. */
  'relances/due': method<typeof RelancesDueInput, RelanceDue[]>(RelancesDueInput),
  /** One letter (PDF) to one caisse or one patient, recorded on each invoice's history. */
  'relances/create': method<typeof RelanceCreateInput, { relance: Relance; document: DocumentRef | null }>(RelanceCreateInput),
  'relances/delays': method<typeof none, RelanceDelays>(none),
  'relances/set-delays': method<typeof RelanceDelaysInput, RelanceDelays>(RelanceDelaysInput),
  /** The Tableau de bord, per practitioner or for the practice, from the same SQL as the follow-up. */
  'dashboard/figures': method<typeof DashboardInput, DashboardFigures>(DashboardInput),

  /** Copies of the database in the data folder (one a day automatically, the newest 30 kept). */
  'backups/list': method<typeof none, BackupsState>(none),
  /** `warning`: little space left after it (French), or null; refused (`disk-full`) when it cannot fit. */
  'backups/create': method<typeof none, BackupInfo & { patients: number; invoices: number; warning: string | null }>(none),
  /** Electron shows the file in its folder; the browser gets a download URL (to copy it to a USB key). */
  'backups/present': method<typeof BackupOrCopyInput, { url: string | null; shownInFolder: boolean }>(BackupOrCopyInput),
  /** Checked now, applied at the next start (after a safety copy of the current database). */
  'backups/restore': method<typeof BackupFileInput, { patients: number; invoices: number }>(BackupFileInput),
  'backups/cancel-restore': method<typeof none, { cancelled: true }>(none),
  // Encrypted copies for the USB key (issue 17): age format with a passphrase (electron/encrypted-copies.ts).
  'backups/encrypt': method<typeof EncryptCopyInput, EncryptedCopyInfo>(EncryptCopyInput),
  /** Decrypted, then checked and staged like any backup (applied at the next start). */
  'backups/restore-encrypted': method<typeof RestoreEncryptedInput, { patients: number; invoices: number }>(RestoreEncryptedInput),

  // Importing a patient list from another software (issue 17): read, map the columns, import all or nothing.
  'patients-import/preview': method<typeof ImportPreviewInput, ImportPreview>(ImportPreviewInput),
  'patients-import/run': method<typeof ImportRunInput, ImportResult>(ImportRunInput),
  /** A patient's whole file on request (RGPD right of access): the PDF for the patient, the JSON for another software. */
  'patients/export-file': method<typeof byId, { json: string; document: DocumentRef }>(byId),

  'audit/list': method<typeof AuditListInput, AuditEntry[]>(AuditListInput),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (before defaults and transforms). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M]['output'];

export const methodNames = Object.keys(contract) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
