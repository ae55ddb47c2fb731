// Placeholder screen, replaced in this same change.
export function SettingsPage() {
  return <section><h1>SettingsPage</h1></section>;
}
