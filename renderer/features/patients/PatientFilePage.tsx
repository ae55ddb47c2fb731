// Placeholder screen, replaced in this same change.
export function PatientFilePage(_props: { patientId: number | null; tab: import("../../stores/nav.ts").PatientTab }) {
  return <section><h1>PatientFilePage</h1></section>;
}
