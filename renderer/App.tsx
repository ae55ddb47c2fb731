import { setPracticeToday } from './ui/dates.ts';
import { lazy, Suspense, useEffect, useState } from 'react';
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
import { RoundPage } from './features/round/RoundPage.tsx';
import { SeriesPage } from './features/series/SeriesPage.tsx';
import { SeriesNewPage } from './features/series/SeriesNewPage.tsx';
import { facturerFrom, ShellActions } from './shell-actions.tsx';
import { MoneyInPage } from './features/money-in/MoneyInPage.tsx';
import { ImportPatientsPage } from './features/patients/ImportPatientsPage.tsx';
import { SetupPage, AME_GUIDE } from './features/setup/SetupPage.tsx';
import { usePractitioners } from './stores/practitioner.ts';
import { professionLabels } from '../core/domain/exoneration.ts';
import { Notice } from './ui/Notice.tsx';
import { SHORTCUTS, shortcutOf } from './ui/shortcuts.ts';

// The charts library is most of the bundle and only the Tableau de bord uses it: loaded when it is opened.
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));

const NAV: { label: string; view: View; match: View['name'][]; keys?: string }[] = [
  { label: 'Patients', view: { name: 'patients' }, match: ['patients', 'patient', 'series', 'series-new'] },
  { label: 'Tournée', view: { name: 'round' }, match: ['round'] },
  { label: 'Facturer', view: { name: 'facturer' }, match: ['facturer', 'invoice'], keys: SHORTCUTS.facturer.keys },
  { label: 'Factures', view: { name: 'invoices' }, match: ['invoices'] },
  { label: 'Suivi', view: { name: 'suivi' }, match: ['suivi', 'bordereau'] },
  { label: 'Encaissements', view: { name: 'encaissements' }, match: ['encaissements'] },
  { label: 'Tableau de bord', view: { name: 'tableau-de-bord' }, match: ['tableau-de-bord'] },
  { label: 'Réglages', view: { name: 'settings' }, match: ['settings'] },
];

/** The menu entry a view belongs to: an invoice opened from the follow-up stays under Suivi. */
const menuOf = (view: View): View['name'] =>
  view.name === 'invoice' && view.tab === 'suivi' ? 'suivi' : view.name === 'import-patients' ? 'patients' : view.name;

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
    case 'round':
      return <RoundPage date={view.date} />;
    case 'series':
      return <SeriesPage key={view.seriesId} seriesId={view.seriesId} />;
    case 'series-new':
      return <SeriesNewPage patientId={view.patientId} prescriptionId={view.prescriptionId} />;
    case 'encaissements':
      return <MoneyInPage tab={view.tab ?? 'releves'} creditOnly={view.creditOnly ?? false} />;
    case 'tableau-de-bord':
      return (
        <Suspense fallback={<p className="empty">Chargement du tableau de bord…</p>}>
          <DashboardPage />
        </Suspense>
      );
    case 'import-patients':
      return <ImportPatientsPage />;
  }
}

/** The current practitioner, always visible: a plain name with one practitioner, a switch with several. */
function CurrentPractitionerSwitch() {
  const practitioners = usePractitioners((s) => s.practitioners);
  const currentId = usePractitioners((s) => s.currentId);
  const choose = usePractitioners((s) => s.choose);
  if (!practitioners || practitioners.length === 0) return null;
  if (practitioners.length === 1) {
    const p = practitioners[0]!;
    return (
      <p className="app__practitioner" aria-label="Praticien en cours">
        {p.firstName} {p.lastName} — {professionLabels[p.profession]}
      </p>
    );
  }
  return (
    <div className="app__practitioner">
      <label htmlFor="current-practitioner">Praticien en cours</label>
      <select id="current-practitioner" value={currentId ?? ''} onChange={(e) => choose(Number(e.target.value))}>
        {currentId === null ? <option value="">— Choisir —</option> : null}
        {practitioners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.firstName} {p.lastName} — {professionLabels[p.profession]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function App() {
  const view = useNav((s) => s.view);
  const go = useNav((s) => s.go);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const practitioners = usePractitioners((s) => s.practitioners);
  const loadPractitioners = usePractitioners((s) => s.load);
  const [justSetUp, setJustSetUp] = useState(false);
  useEffect(() => {
    void api.call('app/info', {}).then((r) => {
      if (!r.ok) return;
      setPracticeToday(r.value.today);
      setInfo(r.value);
    });
  }, []);
  // Loaded at start and at every move; while nobody is set up, checked again every second (a practitioner
  // added elsewhere — another window, the API — ends the setup at once).
  useEffect(() => {
    void loadPractitioners();
  }, [view, loadPractitioners]);
  const needsSetup = practitioners !== null && practitioners.length === 0;
  // The first-run guide is said once: it goes as soon as the user moves on (issue #19 item 14).
  useEffect(() => {
    if (justSetUp && view.name !== 'patients') setJustSetUp(false);
  }, [view, justSetUp]);
  useEffect(() => {
    if (!needsSetup) return;
    const timer = setInterval(() => void loadPractitioners(), 1000);
    return () => clearInterval(timer);
  }, [needsSetup, loadPractitioners]);
  // Visible keyboard shortcuts (shown next to the buttons they press).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutOf(e);
      if (!action) return;
      e.preventDefault();
      if (action === 'nouveau-patient') go({ name: 'patient', patientId: null, tab: 'identite' });
      else if (action === 'facturer') go(facturerFrom(useNav.getState().view));
      else if (action === 'rechercher') {
        if (useNav.getState().view.name !== 'patients') go({ name: 'patients' });
        setTimeout(() => document.getElementById('patient-search')?.focus(), 0);
      } else window.dispatchEvent(new CustomEvent('feuillet:imprimer'));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
  // Réglages stays reachable during the setup (backups can be restored before anything else).
  const showSetup = needsSetup && view.name !== 'settings';
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
              aria-keyshortcuts={item.keys}
              title={item.keys ? `${item.label} (${item.keys})` : undefined}
              onClick={() => go(item.view)}
            >
              {item.label}
              {item.keys ? (
                <kbd className="app__kbd" aria-hidden="true">
                  {item.keys}
                </kbd>
              ) : null}
            </button>
          ))}
        </nav>
        <CurrentPractitionerSwitch />
      </header>
      <main className="app__main">
        <ShellActions />
        {info?.diskWarning ? <Notice kind="warn">{info.diskWarning}</Notice> : null}
        {showSetup ? (
          <SetupPage
            onSaved={() => {
              setJustSetUp(true);
              void loadPractitioners().then(() => go({ name: 'patients' }));
            }}
          />
        ) : (
          <>
            {justSetUp && view.name === 'patients' ? (
              <Notice kind="info">
                Praticien enregistré. {AME_GUIDE}
              </Notice>
            ) : null}
            <CurrentView view={view} />
          </>
        )}
      </main>
      <footer className="app__footer">
        <p>{info?.notice_fr ?? ''}</p>
      </footer>
    </div>
  );
}
