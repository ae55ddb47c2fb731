import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useCurrentPractitioner, usePractitioners } from '../../stores/practitioner.ts';
import { useNav, type MoneyInTab } from '../../stores/nav.ts';
import { Notice } from '../../ui/Notice.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { StatementPanel } from './StatementPanel.tsx';
import { TransfersPanel } from './TransfersPanel.tsx';
import { RelancesPanel } from './RelancesPanel.tsx';

/** Encaissements: the bank statement pointed, payments received (one transfer for many invoices), relances. */
export function MoneyInPage(props: { tab: MoneyInTab; creditOnly?: boolean }) {
  const go = useNav((s) => s.go);
  const practitioners = usePractitioners((s) => s.practitioners);
  const current = useCurrentPractitioner();
  const [today, setToday] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  useEffect(() => void api.call('app/info', {}).then((r) => r.ok && setToday(r.value.today)), []);
  if (practitioners === null || today === null) return <p className="empty">Chargement…</p>;
  if (!current) {
    return (
      <section>
        <h1>Encaissements</h1>
        <Notice kind="warn">Choisissez d'abord le praticien en cours (en haut à droite), ou renseignez-le dans les Réglages.</Notice>
      </section>
    );
  }
  const changed = () => setVersion((v) => v + 1);
  return (
    <section>
      <h1>Encaissements</h1>
      <p className="muted">Un virement de la caisse paie souvent tout un bordereau : importez le relevé de la banque et confirmez les rapprochements proposés.</p>
      <Tabs<MoneyInTab>
        label="Encaissements"
        current={props.tab}
        onSelect={(t) => go({ name: 'encaissements', tab: t })}
        tabs={[
          { id: 'releves', label: 'Relevé bancaire' },
          { id: 'paiements', label: 'Paiements reçus' },
          { id: 'relances', label: 'Relances' },
        ]}
      />
      <div className="panel" key={current.id}>
        {props.tab === 'releves' ? <StatementPanel practitionerId={current.id} today={today} onChanged={changed} /> : null}
        {props.tab === 'paiements' ? <TransfersPanel practitionerId={current.id} today={today} creditOnly={props.creditOnly ?? false} onChanged={changed} /> : null}
        {props.tab === 'relances' ? <RelancesPanel practitionerId={current.id} /> : null}
      </div>
    </section>
  );
}
