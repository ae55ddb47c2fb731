// Placeholder screen, replaced in this same change.
export function PatientsPage() {
  return <section><h1>PatientsPage</h1></section>;
}
