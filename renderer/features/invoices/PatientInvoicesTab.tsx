import { useNav } from '../../stores/nav.ts';
import { InvoiceList } from './InvoiceList.tsx';

export function PatientInvoicesTab(props: { patientId: number }) {
  const go = useNav((s) => s.go);
  return (
    <div className="panel">
      <div className="page-header">
        <h2>Factures du patient</h2>
        <div className="toolbar__spacer" />
        <button type="button" className="primary" onClick={() => go({ name: 'facturer', patientId: props.patientId })}>
          Nouvelle facture
        </button>
      </div>
      <InvoiceList patientId={props.patientId} />
    </div>
  );
}
