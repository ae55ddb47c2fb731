// Placeholder screen, replaced in this same change.
export function FacturerPage(_props: { patientId?: number | undefined; prescriptionId?: number | undefined }) {
  return <section><h1>FacturerPage</h1></section>;
}
