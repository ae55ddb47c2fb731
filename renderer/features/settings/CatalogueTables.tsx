import { useEffect, useState } from 'react';
import type { Catalogue } from '../../../core/cotation/types.ts';
import { formatActCode, formatCoefficient } from '../../../core/domain/acts.ts';
import type { Profession } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { formatFrDate } from '../../ui/format.ts';
import { sourceForUser } from '../../../core/domain/source-note.ts';

const Verify = (props: { note: string | null }) =>
  props.note ? (
    <>
      <span className="badge badge--warn" title={sourceForUser(props.note)}>
        à vérifier
      </span>
      <div className="muted small">{sourceForUser(props.note)}</div>
    </>
  ) : null;

/** The NGAP acts the picker offers and the kiné coefficient steps, with what stays unsure (issue #7). */
export function CatalogueTables(props: { profession: Profession }) {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => void api.call('cotation/catalogue', { profession: props.profession }).then((r) => r.ok && setCatalogue(r.value)), [props.profession]);
  if (!catalogue) return null;
  return (
    <>
      <h3>Actes du catalogue NGAP</h3>
      <table className="table" aria-label="Actes du catalogue">
        <thead>
          <tr>
            <th>Cotation</th>
            <th>Acte</th>
            <th>Référence</th>
            <th>En vigueur</th>
            <th>Fiabilité</th>
          </tr>
        </thead>
        <tbody>
          {catalogue.acts.map((a) => (
            <tr key={a.key}>
              <td className="mono">{a.coefficient === null ? `${a.code} (coefficient prescrit)` : formatActCode(a.code, a.coefficient)}</td>
              <td>{a.label}</td>
              <td className="small">{a.ngap}</td>
              <td>{a.effectiveTo ? `du ${formatFrDate(a.effectiveFrom)} au ${formatFrDate(a.effectiveTo)}` : `depuis le ${formatFrDate(a.effectiveFrom)}`}</td>
              <td>
                <Verify note={a.verifyNote} />
                <div className="muted small">Source : {sourceForUser(a.source)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {catalogue.steps.length > 0 ? (
        <>
          <h3>Changements de coefficient (avenants 7 et 8)</h3>
          <table className="table" aria-label="Changements de coefficient">
            <thead>
              <tr>
                <th>Lettres-clés</th>
                <th>Coefficient</th>
                <th>À partir du</th>
                <th>Fiabilité</th>
              </tr>
            </thead>
            <tbody>
              {catalogue.steps.map((s, i) => (
                <tr key={i}>
                  <td>{s.codes === '*' ? 'Toutes (annexe 2)' : s.codes}</td>
                  <td>
                    {formatCoefficient(s.from)} → {formatCoefficient(s.to)}
                  </td>
                  <td>{formatFrDate(s.date)}</td>
                  <td>
                    <Verify note={s.verifyNote} />
                    <div className="muted small">Source : {sourceForUser(s.source)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
