import { useEffect, useState } from 'react';
import type { SeriesView } from '../../../core/series/types.ts';
import { ActionsHeader } from '../../ui/ActionsHeader.tsx';
import { api } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { formatFrDate } from '../../ui/format.ts';
import { actsText, frequencyText } from './labels.ts';

/** The patient's care series (Prescriptions tab): « n / total », the renewal reminder, a way in. */
export function PatientSeriesList(props: { patientId: number }) {
  const go = useNav((s) => s.go);
  const [list, setList] = useState<SeriesView[]>([]);
  useEffect(() => void api.call('series/list', { patientId: props.patientId }).then((r) => r.ok && setList(r.value)), [props.patientId]);
  if (list.length === 0) return null;
  return (
    <>
      <h3>Séries de soins</h3>
      <table className="table" aria-label="Séries de soins">
        <thead>
          <tr>
            <th>Soins</th>
            <th>Période</th>
            <th>Séances</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {list.map(({ series, progress }) => (
            <tr key={series.id} className={series.cancelledAt ? 'row--cancelled' : undefined}>
              <td>
                {actsText(series.acts)} — {frequencyText(series.rule.frequency)}
                {series.label ? ` — ${series.label}` : ''}
              </td>
              <td className="nowrap">
                {formatFrDate(series.rule.start)} → {formatFrDate(progress.lastDate ?? series.rule.start)}
                {series.cancelledAt === null && progress.renewalDue ? <span className="badge badge--warn">Renouvellement</span> : null}
              </td>
              <td>
                {progress.used} / {progress.prescribed}
              </td>
              <td className="num">
                <button type="button" onClick={() => go({ name: 'series', seriesId: series.id })} aria-label={`Ouvrir la série du ${formatFrDate(series.rule.start)}`}>
                  Ouvrir
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
