import { useEffect, useState } from 'react';
import type { Coverage, Organism } from '../../../core/domain/types.ts';
import { coverageStateLabel } from '../../../core/domain/coverage.ts';
import { api } from '../../api/client.ts';
import { formatFrDate } from '../../ui/format.ts';
import { ActionsHeader } from '../../ui/ActionsHeader.tsx';
import { CoverageDatesDialog } from './CoverageDatesDialog.tsx';
import { OrganismPicker } from './OrganismPicker.tsx';

const STATE_CLASS = { 'en-cours': 'ok', 'expire-bientot': 'warn', expiree: 'danger', future: 'info' } as const;

/** The Complémentaire tab: « Choisir » → organism → dates → OK. The history of coverages stays. */
export function ComplementaireTab(props: { patientId: number; onChanged(): void }) {
  const [coverages, setCoverages] = useState<Coverage[]>([]);
  const [picking, setPicking] = useState(false);
  const [editing, setEditing] = useState<{ organism: Organism; coverage?: Coverage } | null>(null);

  const load = () => void api.call('coverages/list', { patientId: props.patientId }).then((r) => r.ok && setCoverages(r.value));
  useEffect(load, [props.patientId]);

  return (
    <div className="panel">
      <div className="page-header">
        <h2>Couvertures complémentaires</h2>
        <div className="toolbar__spacer" />
        <button type="button" className="primary" onClick={() => setPicking(true)}>
          Choisir
        </button>
      </div>
      {coverages.length === 0 ? (
        <p className="empty">Aucune complémentaire. Pour un patient à l'AME : « Choisir », puis AME (0075500017), puis les dates de droits.</p>
      ) : (
        <table className="table" aria-label="Couvertures">
          <thead>
            <tr>
              <th>Organisme</th>
              <th>Du</th>
              <th>Au</th>
              <th>État</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {coverages.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.organism.name} — {c.organism.number}
                </td>
                <td>{formatFrDate(c.startDate)}</td>
                <td>{formatFrDate(c.endDate)}</td>
                <td>
                  <span className={`badge badge--${STATE_CLASS[c.state]}`}>{coverageStateLabel[c.state]}</span>
                </td>
                <td className="num">
                  <button type="button" onClick={() => setEditing({ organism: c.organism, coverage: c })} aria-label={`Modifier la couverture ${c.organism.name} du ${formatFrDate(c.startDate)}`}>
                    Modifier
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {picking ? (
        <OrganismPicker
          onClose={() => setPicking(false)}
          onChoose={(organism) => {
            setPicking(false);
            setEditing({ organism });
          }}
        />
      ) : null}
      {editing ? (
        <CoverageDatesDialog
          patientId={props.patientId}
          organism={editing.organism}
          coverage={editing.coverage}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
            props.onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
