// Placeholder, replaced in this same change.
export function PrescriptionsTab(_props: { patientId: number }) {
  return <p className="empty">Prescriptions</p>;
}
