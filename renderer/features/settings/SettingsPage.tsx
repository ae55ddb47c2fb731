import { useEffect, useState } from 'react';
import type { Practitioner } from '../../../core/domain/types.ts';
import { professionLabels } from '../../../core/domain/exoneration.ts';
import { api } from '../../api/client.ts';
import { PractitionerForm } from './PractitionerForm.tsx';
import { TariffsPanel } from './TariffsPanel.tsx';
import { BackupsPanel } from './BackupsPanel.tsx';
import { PrintSettingsPanel } from './PrintSettingsPanel.tsx';
import { CaissesPanel } from './CaissesPanel.tsx';
import { RelanceDelaysPanel } from '../money-in/RelanceDelaysPanel.tsx';

export function SettingsPage() {
  const [practitioners, setPractitioners] = useState<Practitioner[]>([]);
  const [editing, setEditing] = useState<Practitioner | 'new' | null>(null);
  const load = () => void api.call('practitioners/list', {}).then((r) => r.ok && setPractitioners(r.value));
  useEffect(load, []);

  return (
    <section>
      <h1>Réglages</h1>
      <div className="panel">
        <div className="page-header">
          <h2>Praticiens</h2>
          <div className="toolbar__spacer" />
          <button type="button" onClick={() => setEditing('new')}>
            Ajouter un praticien
          </button>
        </div>
        {practitioners.length === 0 ? <p className="empty">Aucun praticien : ajoutez le vôtre pour pouvoir facturer.</p> : null}
        <ul className="choice-list">
          {practitioners.map((p) => (
            <li key={p.id} className="row-between">
              <span>
                <strong>
                  {p.lastName.toUpperCase()} {p.firstName}
                </strong>{' '}
                — {professionLabels[p.profession]} — AM {p.amNumber}
              </span>
              <button type="button" onClick={() => setEditing(p)} aria-label={`Modifier ${p.firstName} ${p.lastName}`}>
                Modifier
              </button>
            </li>
          ))}
        </ul>
        {editing ? (
          <PractitionerForm
            key={editing === 'new' ? 'new' : editing.id}
            practitioner={editing === 'new' ? undefined : editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              load();
            }}
          />
        ) : null}
      </div>
      <PrintSettingsPanel practitioners={practitioners} onSaved={load} />
      <TariffsPanel />
      <CaissesPanel />
      <RelanceDelaysPanel />
      <BackupsPanel />
    </section>
  );
}
