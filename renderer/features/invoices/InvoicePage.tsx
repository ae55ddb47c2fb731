// Placeholder screen, replaced in this same change.
export function InvoicePage(_props: { invoiceId: number }) {
  return <section><h1>InvoicePage</h1></section>;
}
