import type { PricedVisit } from '../../../../core/cotation/types.ts';
import { formatActCode } from '../../../../core/domain/acts.ts';
import { formatEuros } from '../../../ui/format.ts';

/** « AMI 1,5/2 » for a line at 50 % (as the feuille de soins expects), else the usual code. */
export const lineCode = (l: { code: string; coefficient: number; ratePercent: number }) => formatActCode(l.code, l.coefficient, l.ratePercent);

/** What the engine makes of one visit: billed lines with why, acts left out, and what to fix. */
export function VisitResult(props: { n: number; priced: PricedVisit | null }) {
  const p = props.priced;
  if (!p) return <p className="muted">Cotation calculée dès que la date, les heures et les coefficients sont lisibles.</p>;
  const total = p.lines.reduce((s, l) => s + l.amountCents, 0);
  return (
    <div className="visit-result">
      <table className="table" aria-label={`Cotation de la visite ${props.n}`}>
        <thead>
          <tr>
            <th>Acte</th>
            <th className="num">Taux</th>
            <th className="num">Montant</th>
            <th>Pourquoi</th>
          </tr>
        </thead>
        <tbody>
          {p.lines.map((l, i) => (
            <tr key={i}>
              <td className="mono">{lineCode(l)}</td>
              <td className="num">{l.ratePercent} %</td>
              <td className="num">{formatEuros(l.amountCents)}</td>
              <td>
                {l.explanation} <span className="muted small">({l.ngapArticle})</span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>Total de la visite</th>
            <td className="num">{formatEuros(total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      {p.dropped.length + p.explanations.length > 0 ? (
        <ul className="visit-notes" aria-label={`Remarques sur la visite ${props.n}`}>
          {p.dropped.map((d, i) => (
            <li key={`d${i}`}>{d.explanation}</li>
          ))}
          {p.explanations.map((e, i) => (
            <li key={`e${i}`}>{e}</li>
          ))}
        </ul>
      ) : null}
      {p.problems.map((pb, i) => (
        <p key={i} className={`notice notice--${pb.level === 'block' ? 'error' : 'warn'}`} role={pb.level === 'block' ? 'alert' : 'note'}>
          {pb.message_fr}
        </p>
      ))}
    </div>
  );
}
