/** Care series and planned visits as the API returns them (DESIGN §7). */
import type { Place } from '../cotation/types.ts';
import type { SeriesRule } from './expand.ts';

export type PlannedStatus = 'planned' | 'done' | 'not-done' | 'cancelled';

/** An act of the series' visits; coefficient in hundredths (AMI 1,5 → 150). */
export interface SeriesAct {
  key: string | null;
  code: string;
  coefficient: number;
}

export interface CareSeries {
  id: number;
  patientId: number;
  practitionerId: number;
  prescriptionId: number;
  label: string | null;
  place: Place;
  acts: SeriesAct[];
  rule: SeriesRule;
  imperativePrescription: boolean;
  treatmentStart: string | null;
  priorAgreementDate: string | null;
  createdAt: string;
  cancelledAt: string | null;
}

export interface PlannedVisit {
  id: number;
  seriesId: number;
  practitionerId: number;
  patientId: number;
  date: string;
  plannedTime: string | null;
  status: PlannedStatus;
  reason: string | null;
  doneTime: string | null;
  doneBy: number | null;
  unplanned: boolean;
  /** The live invoice billing it (not cancelled), or null. */
  invoiceId: number | null;
}

/** Where a series stands: counts over its visits, never stored (« 9 / 15 »). */
export interface SeriesProgress {
  /** Visits done. */
  used: number;
  /** Séances prescribed (the prescription's, else the rule's count, else the visits planned). */
  prescribed: number;
  billed: number;
  doneUnbilled: number;
  planned: number;
  /** Last visit still planned or done (the end of the treatment). */
  lastDate: string | null;
  /** True from a week before the last visit: time to ask for a renewal. */
  renewalDue: boolean;
}

export interface SeriesView {
  series: CareSeries;
  visits: PlannedVisit[];
  progress: SeriesProgress;
}

/** A line of the day's round. */
export interface RoundEntry extends PlannedVisit {
  patientName: string;
  addressLine: string | null;
  city: string | null;
  place: Place;
  acts: SeriesAct[];
  distanceKm: number | null;
  seriesLabel: string | null;
}

/** A scan or photo attached to a patient's file (the content is read apart: attachments/open). */
export interface AttachmentInfo {
  id: number;
  patientId: number;
  prescriptionId: number | null;
  kind: 'ordonnance' | 'attestation-ame' | 'autre';
  fileName: string;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  createdAt: string;
}
