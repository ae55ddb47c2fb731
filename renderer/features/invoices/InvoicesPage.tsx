// Placeholder screen, replaced in this same change.
export function InvoicesPage() {
  return <section><h1>InvoicesPage</h1></section>;
}
