// Placeholder, replaced in this same change.
export function PatientInvoicesTab(_props: { patientId: number }) {
  return <p className="empty">Factures</p>;
}
