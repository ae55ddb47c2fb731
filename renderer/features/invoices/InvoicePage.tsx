import { useCallback, useEffect, useRef, useState } from 'react';
import type { AmeCoverageCheck, CotationContext } from '../../../core/api/contract.ts';
import type { Problem } from '../../../core/cotation/types.ts';
import type { Exoneration, Invoice, Patient, Practitioner, Prescription } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { useNav, type InvoiceTab as Tab } from '../../stores/nav.ts';
import { useSaveBeforeLeaving } from './use-save-before-leaving.ts';
import { cotationActions } from './cotation-actions.ts';
import { InvoiceFollowUpTab } from '../follow-up/InvoiceFollowUpTab.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { Notice } from '../../ui/Notice.tsx';
import type { FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors } from '../../ui/errors.ts';
import { lineToRow, newActRow, rowsToLines, type ActRow } from './acts-form.ts';
import { InvoiceTermsTab } from './InvoiceTermsTab.tsx';
import { formToApi, newVisitForm, storedToApi, visitToForm, type VisitForm } from './visits/visit-form.ts';
import { pickerSearchId } from './visits/ActPicker.tsx';
import { formatFrDate } from '../../../core/domain/dates.ts';
import { InvoiceCircumstancesPanel } from './InvoiceCircumstancesPanel.tsx';
import { InvoiceActsTab } from './InvoiceActsTab.tsx';
import { InvoiceActionBar } from './InvoiceActionBar.tsx';
import { InvoiceDialogs, type InvoiceDialog } from './InvoiceDialogs.tsx';
import { invoiceLifecycle } from './invoice-lifecycle.ts';

const STATUS_LABEL = { draft: 'Brouillon', validated: 'Validée', cancelled: 'Annulée' } as const;

/** What the Actes tab offers a practitioner: the codes of their profession and the cotation catalogue. */
function loadActChoices(me: Practitioner, patientId: number, setCodes: (codes: string[]) => void, setFacts: (facts: CotationContext) => void): void {
  void api.call('tariffs/list', { profession: me.profession }).then((t) => t.ok && setCodes([...new Set(t.value.map((x) => x.code))]));
  void api.call('cotation/context', { practitionerId: me.id, patientId }).then((c) => c.ok && setFacts(c.value));
}

export function InvoicePage(props: { invoiceId: number; tab?: Tab | undefined }) {
  const go = useNav((s) => s.go);
  const [invoice, setInvoice] = useState<Invoice | null>(null);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [practitioner, setPractitioner] = useState<Practitioner | null>(null);
  const [prescription, setPrescription] = useState<Prescription | null>(null);
  const [prescriptions, setPrescriptions] = useState<Prescription[]>([]);
  const [practitioners, setPractitioners] = useState<Practitioner[]>([]);
  const [coverage, setCoverage] = useState<AmeCoverageCheck | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [today, setToday] = useState('');
  const [tab, setTab] = useState<Tab>(props.tab ?? 'facture');
  const [rows, setRows] = useState<ActRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [dialog, setDialog] = useState<InvoiceDialog>(null);
  const [facts, setFacts] = useState<CotationContext | null>(null);
  const [visitForms, setVisitForms] = useState<VisitForm[]>([]);
  const [checks, setChecks] = useState<Problem[]>([]);
  /** Visits (cotation engine) unless the draft holds lines typed by hand. */
  const [mode, setMode] = useState<'visits' | 'lines' | null>(null);

  /** Today (jj/mm/aaaa) once known: the first visit of an empty draft starts on it, as « Ajouter une visite » does. */
  const todayFr = useRef('');
  /** For leaving the screen: whether typed acts wait, and how to save them (the latest render's). */
  const dirtyRef = useRef(false);
  const saveActsRef = useRef<() => Promise<Invoice | null>>(async () => null);
  const show = useCallback((inv: Invoice) => {
    setInvoice(inv);
    setRows(inv.lines.length > 0 ? inv.lines.map(lineToRow) : inv.status === 'draft' ? [newActRow()] : []);
    // React keys are kept by position across a save, so the fields (and the cursor in them) stay put.
    setVisitForms((prev) =>
      inv.visits.length > 0
        ? inv.visits.map((v, i) => {
            const f = visitToForm(v);
            const old = prev[i];
            return old ? { ...f, key: old.key, acts: f.acts.map((a, j) => ({ ...a, key: old.acts[j]?.key ?? a.key })) } : f;
          })
        : inv.status === 'draft'
          ? [newVisitForm(todayFr.current)]
          : [],
    );
    setMode((m) => m ?? (inv.visits.length > 0 || inv.lines.length === 0 ? 'visits' : 'lines'));
    if (inv.status === 'draft' && inv.visits.length > 0) void api.call('invoices/checks', { id: inv.id }).then((r) => r.ok && setChecks(r.value));
    else setChecks([]);
    setDirty(false);
    // Also for a non-AME invoice: rights covering its acts are shown beside the patient (issue #19 item 13).
    void api.call('invoices/check-rights', { id: inv.id }).then((r) => r.ok && setCoverage(r.value));
  }, []);

  useEffect(() => {
    setMode(null);
    void Promise.all([api.call('app/info', {}), api.call('invoices/get', { id: props.invoiceId })]).then(async ([info, r]) => {
      if (info.ok) {
        setToday(info.value.today);
        todayFr.current = formatFrDate(info.value.today);
      }
      if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
      show(r.value);
      const [p, pr, list] = await Promise.all([
        api.call('patients/get', { id: r.value.patientId }),
        api.call('practitioners/list', {}),
        api.call('prescriptions/list', { patientId: r.value.patientId }),
      ]);
      if (p.ok) setPatient(p.value);
      if (pr.ok) setPractitioners(pr.value.filter((x) => !x.archived || x.id === r.value.practitionerId));
      const me = pr.ok ? (pr.value.find((x) => x.id === r.value.practitionerId) ?? null) : null;
      setPractitioner(me);
      if (list.ok) {
        setPrescriptions(list.value);
        setPrescription(list.value.find((x) => x.id === r.value.prescriptionId) ?? null);
      }
      if (me) loadActChoices(me, r.value.patientId, setCodes, setFacts);
    });
  }, [props.invoiceId, show]);

  // Alt+I (shown on the button): Imprimer from anywhere on a draft.
  const validateRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    const onPrint = () => validateRef.current();
    window.addEventListener('feuillet:imprimer', onPrint);
    return () => window.removeEventListener('feuillet:imprimer', onPrint);
  }, []);
  // Leaving with typed acts not saved: saved as typed first, or the reason and a second leave abandons them.
  useSaveBeforeLeaving(
    () => dirtyRef.current,
    async () => (await saveActsRef.current()) !== null,
    () => setMessage((m) => ({ kind: 'error', text: `${m?.text ?? 'Actes non enregistrés.'}\nCorrigez puis enregistrez, ou quittez à nouveau la facture pour abandonner cette saisie.` })),
  );
  // Opened on the Actes tab (right after « Créer la facture »): straight into the first act — the act
  // search of visit 1 (its date is today's, visible above), or the first line's date in « Saisie libre ».
  const loadedId = invoice && patient ? invoice.id : undefined;
  const factsReady = facts !== null;
  useEffect(() => {
    if (props.tab !== 'actes' || loadedId === undefined || mode === null || (mode === 'visits' && !factsReady)) return;
    const target = mode === 'visits' ? document.getElementById(pickerSearchId(1)) : document.querySelector<HTMLInputElement>(`[aria-label="Date de l'acte 1"]`);
    target?.focus();
  }, [props.tab, loadedId, mode, factsReady]);
  // After « Ajouter un acte », into the new row (its date is already there): the code.
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null || tab !== 'actes') return;
    const n = focusRow.current;
    focusRow.current = null;
    const row = rows[n - 1];
    document.querySelector<HTMLInputElement>(`[aria-label="${row?.actDate ? 'Code' : "Date de l'acte"} ${n}"]`)?.focus();
  }, [rows, tab]);

  if (!invoice || !patient) return <p className="empty">{message?.text ?? 'Chargement…'}</p>;
  const draft = invoice.status === 'draft';
  validateRef.current = () => {
    if (draft && dialog === null) void imprimer();
  };
  dirtyRef.current = dirty && draft;
  const cotation = cotationActions(invoice.practitionerId, facts, setFacts, setMessage);
  saveActsRef.current = saveActs;
  const life = invoiceLifecycle({ invoice, dirty, dialog, saveActs, show, setDialog, setMessage, setErrors, go });
  const { imprimer, validate, printConfirmed, reprint, cancel, reissue, deleteDraft } = life;
  /** What the Actes tab holds: the acts as typed while they are not saved yet, else the saved lines. */
  const actCount = !dirty
    ? invoice.lines.length
    : mode === 'visits'
      ? visitForms.reduce((n, v) => n + v.acts.filter((a) => a.code.trim() !== '').length, 0)
      : rows.filter((r) => r.code.trim() !== '').length;

  async function saveActs(): Promise<Invoice | null> {
    const r =
      mode === 'visits'
        ? await api.call('invoices/update-draft', { invoiceId: invoice!.id, visits: visitForms.map(formToApi) })
        : await api.call('invoices/update-draft', { invoiceId: invoice!.id, lines: rowsToLines(rows) });
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      setTab('actes');
      setMessage({ kind: 'error', text: r.error.field?.startsWith('visits') ? `Visites non enregistrées. ${r.error.message_fr}` : r.error.field ? 'Actes non enregistrés : corrigez la ligne signalée.' : r.error.message_fr });
      return null;
    }
    setErrors({});
    setMessage(null);
    show(r.value);
    return r.value;
  }

  async function setTerms(terms: { exoneration?: Exoneration; tiersPayantAmo?: boolean }) {
    const content =
      mode === 'visits' && (dirty || invoice!.visits.length > 0)
        ? { visits: dirty ? visitForms.map(formToApi) : invoice!.visits.map(storedToApi) }
        : { lines: rowsToLines(dirty ? rows : invoice!.lines.map(lineToRow)) };
    const r = await api.call('invoices/update-draft', { invoiceId: invoice!.id, ...content, ...terms });
    if (r.ok) show(r.value);
    else setMessage({ kind: 'error', text: r.error.message_fr });
  }

  async function toggleAme() {
    if (dirty && !(await saveActs())) return;
    const r = await api.call('invoices/set-ame', { invoiceId: invoice!.id, ame: !invoice!.ame });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    show(r.value.invoice);
    setCoverage(r.value.coverage);
  }

  async function changePractitioner(id: number) {
    if (dirty && !(await saveActs())) return;
    const r = await api.call('invoices/set-practitioner', { invoiceId: invoice!.id, practitionerId: id });
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      return setMessage({ kind: 'error', text: `Praticien non changé :\n${r.error.message_fr}` });
    }
    const me = practitioners.find((x) => x.id === id) ?? null;
    setPractitioner(me);
    // The Actes tab now offers the new practitioner's codes and catalogue (a kiné's acts, not a nurse's).
    if (me) loadActChoices(me, r.value.patientId, setCodes, setFacts);
    show(r.value);
    setMessage({ kind: 'info', text: `Facture passée au nom de ${me ? `${me.firstName} ${me.lastName}` : 'ce praticien'}.` });
  }

  async function changePrescription(id: number | null, list = prescriptions) {
    if (dirty && !(await saveActs())) return;
    const r = await api.call('invoices/set-prescription', { invoiceId: invoice!.id, prescriptionId: id });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setPrescription(list.find((x) => x.id === id) ?? null);
    show(r.value);
    setMessage(null);
  }

  async function offerCoverage() {
    const r = await api.call('organisms/list', {});
    const ame = r.ok ? r.value.find((o) => o.isAme) : undefined;
    if (ame) setDialog({ kind: 'coverage', organism: ame });
  }

  const title = invoice.number ? `Facture n° ${invoice.number}` : 'Nouvelle facture';
  return (
    <section>
      <div className="page-header">
        <button type="button" className="link" data-focus-after-validation onClick={() => go({ name: 'patient', patientId: invoice.patientId, tab: 'factures' })}>
          ← Dossier patient
        </button>
        <h1>
          {title} <span className={`badge badge--${draft ? 'info' : invoice.status === 'validated' ? 'ok' : 'danger'}`}>{STATUS_LABEL[invoice.status]}</span>
          {invoice.ame ? <span className="badge badge--ok">AME</span> : null}
        </h1>
      </div>
      {message ? <Notice kind={message.kind} live>{message.text}</Notice> : null}
      {invoice.status === 'cancelled' ? <Notice kind="error">Facture annulée : {invoice.cancelReason}</Notice> : null}
      <Tabs
        label="Facture"
        tabs={[
          { id: 'facture', label: 'Facture' },
          { id: 'actes', label: `Actes (${actCount})` },
          ...(draft ? [] : [{ id: 'suivi' as const, label: 'Suivi' }]),
        ]}
        current={tab}
        onSelect={(t) => {
          // Leaving the Actes tab saves what is typed, so the Facture tab shows the real total.
          if (dirty && draft && t !== 'actes') void saveActs().then((saved) => saved && setTab(t as Tab));
          else setTab(t as Tab);
        }}
      />
      {tab === 'suivi' && !draft ? (
        <InvoiceFollowUpTab invoiceId={invoice.id} today={today} />
      ) : tab === 'facture' ? (
        <>
          <InvoiceTermsTab
            invoice={invoice}
            patient={patient}
            practitioner={practitioner}
            prescription={prescription}
            coverage={coverage}
            onToggleAme={() => void toggleAme()}
            onTerms={(t) => void setTerms(t)}
            onAddCoverage={() => void offerCoverage()}
            practitioners={practitioners}
            prescriptions={prescriptions.filter((x) => x.profession === null || x.profession === practitioner?.profession || x.id === invoice.prescriptionId)}
            onPractitioner={(id) => void changePractitioner(id)}
            onPrescription={(id) => void changePrescription(id)}
            onNewPrescription={() => setDialog({ kind: 'new-prescription' })}
          />
          <InvoiceCircumstancesPanel key={`${invoice.id}-${invoice.status}`} invoice={invoice} onSaved={setInvoice} />
        </>
      ) : (
        <InvoiceActsTab
          invoice={invoice}
          mode={mode}
          onMode={setMode}
          facts={facts}
          forms={visitForms}
          onForms={(f) => (setVisitForms(f), setDirty(true))}
          rows={rows}
          onRows={(r) => {
            if (r.length > rows.length) focusRow.current = r.length;
            setRows(r);
            setDirty(true);
          }}
          codes={codes}
          errors={errors}
          checks={checks}
          today={today}
          onSave={() => void saveActs()}
          onFavourite={(k, on) => void cotation.setFavourite(k, on)}
          onSaveModel={(n, a) => void cotation.saveModel(n, a)}
        />
      )}
      <InvoiceActionBar
        invoice={invoice}
        onDelete={() => setDialog({ kind: 'delete' })}
        onImprimer={() => void imprimer()}
        onReprint={() => void reprint()}
        onCancel={() => setDialog({ kind: 'cancel', error: null })}
        onReissue={() => void reissue()}
      />
      <InvoiceDialogs
        dialog={dialog}
        invoice={invoice}
        patient={patient}
        practitioner={practitioner}
        prescription={prescription}
        prescriptions={prescriptions}
        today={today}
        close={() => setDialog(null)}
        validate={(extra) => void validate(extra)}
        printConfirmed={printConfirmed}
        cancel={(r) => void cancel(r)}
        deleteDraft={() => void deleteDraft()}
        attachPrescription={() => {
          setDialog(null);
          setTab('facture');
          setTimeout(() => document.querySelector<HTMLSelectElement>('[aria-label="Prescription de la facture"]')?.focus(), 0);
        }}
        correctActs={() => {
          setDialog(null);
          setTab('actes');
        }}
        prescriptionSaved={(p) => {
          setDialog(null);
          const list = [p, ...prescriptions];
          setPrescriptions(list);
          // Attached, then on to the next useful control: Imprimer when acts are there, else the acts (issue #19 item 11).
          void changePrescription(p.id, list).then(() =>
            setTimeout(() => (invoice.lines.length > 0 ? document.querySelector<HTMLButtonElement>('button[aria-keyshortcuts="Alt+I"]') : document.querySelector<HTMLButtonElement>('[role="tab"][id$="-actes"]'))?.focus(), 0),
          );
        }}
        coverageSaved={() => {
          setDialog(null);
          void api.call('invoices/check-rights', { id: invoice.id }).then((r) => r.ok && setCoverage(r.value));
        }}
      />
    </section>
  );
}
