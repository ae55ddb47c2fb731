import { useEffect, useState } from 'react';
import type { FollowUpTotals } from '../../../core/domain/types.ts';
import { professionLabels } from '../../../core/domain/exoneration.ts';
import { useCurrentPractitioner, usePractitioners } from '../../stores/practitioner.ts';
import { REMINDER_AFTER_DAYS } from '../../../core/domain/follow-up.ts';
import { api } from '../../api/client.ts';
import { useNav, type SuiviTab } from '../../stores/nav.ts';
import { Tabs } from '../../ui/Tabs.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { formatEuros, plural } from '../../ui/format.ts';
import { FollowUpList } from './FollowUpTable.tsx';
import { ToSendPanel } from './ToSendPanel.tsx';
import { BordereauList } from './BordereauList.tsx';
import { LedgerPanel } from './LedgerPanel.tsx';

const count = (n: number) => (n > 0 ? String(n) : undefined);

/**
 * The practice's own follow-up: what to send (bordereaux), what the caisse still owes, what was
 * rejected. For AME de base no electronic return comes back, so this is the only record.
 */
export function SuiviPage(props: { tab: SuiviTab }) {
  const go = useNav((s) => s.go);
  const practitioners = usePractitioners((s) => s.practitioners);
  const current = useCurrentPractitioner();
  const practitionerId = current ? String(current.id) : '';
  const [totals, setTotals] = useState<FollowUpTotals | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!practitionerId) return;
    void api.call('follow-up/totals', { practitionerId: Number(practitionerId) }).then((r) => r.ok && setTotals(r.value));
  }, [practitionerId, version]);

  if (practitioners === null) return <p className="empty">Chargement…</p>;
  if (practitioners.length === 0) {
    return (
      <section>
        <h1>Suivi des envois et paiements</h1>
        <Notice kind="info">Aucune facture pour l'instant : renseignez d'abord le praticien dans les Réglages, puis facturez.</Notice>
      </section>
    );
  }
  if (!current) {
    return (
      <section>
        <h1>Suivi des envois et paiements</h1>
        <Notice kind="warn">Plusieurs praticiens exercent ici : choisissez le praticien en cours en haut à droite.</Notice>
      </section>
    );
  }
  const pid = Number(practitionerId);
  const tab = props.tab;
  return (
    <section>
      <h1>Suivi des envois et paiements</h1>
      <p className="muted">
        Pour l'AME de base, la caisse n'envoie aucun retour électronique : notez ici vos envois (bordereaux), les paiements reçus et les rejets.
      </p>
      <p>
        Praticien : <strong>{`${current.firstName} ${current.lastName}`}</strong> — {professionLabels[current.profession]}
      </p>
      {totals ? (
        <dl className="summary-cards" aria-label="Résumé du suivi">
          <div>
            <dt>À envoyer</dt>
            <dd>
              {plural(totals.aEnvoyer.count, 'facture')} — {formatEuros(totals.aEnvoyer.expectedCents)}
            </dd>
          </div>
          <div>
            <dt>En attente de paiement</dt>
            <dd>
              {plural(totals.enAttente.count, 'facture')} — {formatEuros(totals.enAttente.expectedCents)}
            </dd>
          </div>
          <div className={totals.enAttente.overdue > 0 ? 'summary-cards__warn' : undefined}>
            <dt>À relancer (envoyées depuis plus de {REMINDER_AFTER_DAYS} jours)</dt>
            <dd>{totals.enAttente.overdue}</dd>
          </div>
          <div className={totals.rejetees.count > 0 ? 'summary-cards__danger' : undefined}>
            <dt>Rejetées</dt>
            <dd>{totals.rejetees.count}</dd>
          </div>
        </dl>
      ) : null}
      <Tabs<SuiviTab>
        label="Suivi"
        current={tab}
        onSelect={(t) => go({ name: 'suivi', tab: t })}
        tabs={[
          { id: 'a-envoyer', label: 'À envoyer', badge: count(totals?.aEnvoyer.count ?? 0) },
          { id: 'en-attente', label: 'En attente de paiement' },
          { id: 'a-relancer', label: 'À relancer', badge: count(totals?.enAttente.overdue ?? 0) },
          { id: 'rejetees', label: 'Rejetées', badge: count(totals?.rejetees.count ?? 0) },
          { id: 'reglees', label: 'Réglées' },
          { id: 'bordereaux', label: 'Bordereaux' },
          { id: 'recettes', label: 'Recettes' },
        ]}
      />
      <div className="panel" key={pid}>
        {tab === 'a-envoyer' ? <ToSendPanel practitionerId={pid} onCreated={() => setVersion((v) => v + 1)} /> : null}
        {tab === 'en-attente' ? (
          <FollowUpList query={{ practitionerId: pid, states: ['envoyee', 'payee-partiellement', 'a-encaisser'] }} label="Factures en attente de paiement" empty="Aucune facture en attente de paiement." />
        ) : null}
        {tab === 'a-relancer' ? (
          <FollowUpList query={{ practitionerId: pid, overdueOnly: true, oldestFirst: true }} label="Factures à relancer" empty="Aucune facture à relancer." />
        ) : null}
        {tab === 'rejetees' ? <FollowUpList query={{ practitionerId: pid, states: ['rejetee'] }} label="Factures rejetées" empty="Aucune facture rejetée." /> : null}
        {tab === 'reglees' ? <FollowUpList query={{ practitionerId: pid, states: ['payee'] }} label="Factures réglées" empty="Aucune facture réglée." /> : null}
        {tab === 'bordereaux' ? <BordereauList practitionerId={pid} /> : null}
        {tab === 'recettes' ? <LedgerPanel practitionerId={pid} practitionerName={`${current.firstName} ${current.lastName}`} /> : null}
      </div>
    </section>
  );
}
