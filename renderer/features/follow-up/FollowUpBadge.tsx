import { followUpStateLabels } from '../../../core/domain/follow-up.ts';
import type { FollowUpState } from '../../../core/domain/types.ts';

const TONE: Record<FollowUpState, 'ok' | 'info' | 'warn' | 'danger' | 'muted'> = {
  brouillon: 'muted',
  annulee: 'danger',
  'a-envoyer': 'info',
  'a-encaisser': 'warn',
  envoyee: 'info',
  'payee-partiellement': 'warn',
  payee: 'ok',
  rejetee: 'danger',
};

/** The follow-up state, and « à relancer » when the caisse is late. */
export function FollowUpBadge(props: { state: FollowUpState; overdue?: boolean }) {
  return (
    <>
      <span className={`badge badge--${TONE[props.state]}`}>{followUpStateLabels[props.state]}</span>
      {props.overdue ? <span className="badge badge--warn">À relancer</span> : null}
    </>
  );
}
