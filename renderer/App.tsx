import { useEffect, useState } from 'react';
import type { AppInfo } from '../core/api/contract.ts';
import { api } from './api/client.ts';
import { useNav, type View } from './stores/nav.ts';
import { PatientsPage } from './features/patients/PatientsPage.tsx';
import { PatientFilePage } from './features/patients/PatientFilePage.tsx';
import { FacturerPage } from './features/invoices/FacturerPage.tsx';
import { InvoicePage } from './features/invoices/InvoicePage.tsx';
import { InvoicesPage } from './features/invoices/InvoicesPage.tsx';
import { SuiviPage } from './features/follow-up/SuiviPage.tsx';
import { BordereauPage } from './features/follow-up/BordereauPage.tsx';
import { SettingsPage } from './features/settings/SettingsPage.tsx';
import { ShellActions } from './shell-actions.tsx';

const NAV: { label: string; view: View; match: View['name'][] }[] = [
  { label: 'Patients', view: { name: 'patients' }, match: ['patients', 'patient'] },
  { label: 'Facturer', view: { name: 'facturer' }, match: ['facturer', 'invoice'] },
  { label: 'Factures', view: { name: 'invoices' }, match: ['invoices'] },
  { label: 'Suivi', view: { name: 'suivi' }, match: ['suivi', 'bordereau'] },
  { label: 'Réglages', view: { name: 'settings' }, match: ['settings'] },
];

/** The menu entry a view belongs to: an invoice opened from the follow-up stays under Suivi. */
const menuOf = (view: View): View['name'] => (view.name === 'invoice' && view.tab === 'suivi' ? 'suivi' : view.name);

function CurrentView({ view }: { view: View }) {
  switch (view.name) {
    case 'patients':
      return <PatientsPage />;
    case 'patient':
      return <PatientFilePage key={view.patientId ?? 'new'} patientId={view.patientId} tab={view.tab} />;
    case 'facturer':
      return <FacturerPage patientId={view.patientId} prescriptionId={view.prescriptionId} />;
    case 'invoice':
      return <InvoicePage key={`${view.invoiceId}-${view.tab ?? ''}`} invoiceId={view.invoiceId} tab={view.tab} />;
    case 'invoices':
      return <InvoicesPage />;
    case 'suivi':
      return <SuiviPage tab={view.tab ?? 'a-envoyer'} />;
    case 'bordereau':
      return <BordereauPage key={view.bordereauId} bordereauId={view.bordereauId} />;
    case 'settings':
      return <SettingsPage />;
  }
}

export function App() {
  const view = useNav((s) => s.view);
  const go = useNav((s) => s.go);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void api.call('app/info', {}).then((r) => r.ok && setInfo(r.value));
  }, []);
  return (
    <div className="app">
      <header className="app__header">
        <div className="app__brand">Feuillet</div>
        <nav aria-label="Menu principal" className="app__nav">
          {NAV.map((item) => (
            <button
              key={item.label}
              type="button"
              className="app__nav-item"
              aria-current={item.match.includes(menuOf(view)) ? 'page' : undefined}
              onClick={() => go(item.view)}
            >
              {item.label}
            </button>
          ))}
        </nav>
      </header>
      <main className="app__main">
        <ShellActions />
        <CurrentView view={view} />
      </main>
      <footer className="app__footer">
        <p>{info?.notice_fr ?? ''}</p>
      </footer>
    </div>
  );
}
