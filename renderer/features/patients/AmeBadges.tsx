import type { CoverageState } from '../../../core/domain/types.ts';

const STATE_BADGE: Record<CoverageState, { label: string; kind: string }> = {
  'en-cours': { label: 'AME en cours', kind: 'ok' },
  'expire-bientot': { label: 'AME expire bientôt', kind: 'warn' },
  expiree: { label: 'AME expirée', kind: 'danger' },
  future: { label: 'AME à venir', kind: 'info' },
};

/** « AME possible » for a 7/8 number without AME coverage, else the state of the AME coverage. */
export function AmeBadges(props: { amePossible: boolean; ameState: CoverageState | null; archived?: boolean }) {
  const state = props.ameState ? STATE_BADGE[props.ameState] : null;
  return (
    <>
      {state ? <span className={`badge badge--${state.kind}`}>{state.label}</span> : null}
      {!state && props.amePossible ? (
        <span className="badge badge--warn" title="Numéro commençant par 7 ou 8 : le patient peut bénéficier de l'AME. Vérifiez l'attestation.">
          AME possible
        </span>
      ) : null}
      {props.archived ? <span className="badge badge--muted">Archivé</span> : null}
    </>
  );
}
